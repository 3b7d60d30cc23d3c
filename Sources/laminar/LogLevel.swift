import Foundation
import Logging

/// Log lines go to standard error at the level `LAMINAR_LOG_LEVEL` names (`trace` ... `critical`;
/// `warning` by default), so checkpoint and recovery details are there when asked for and out of the way of
/// results and the status line otherwise.
enum LogLevel {
    static let bootstrapped: Void = {
        let wanted = ProcessInfo.processInfo.environment["LAMINAR_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = wanted ?? .warning
            return handler
        }
    }()
}
