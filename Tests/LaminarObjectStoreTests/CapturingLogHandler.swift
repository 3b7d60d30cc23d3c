import Logging
import Synchronization

/// A swift-log handler that keeps every line, message and metadata alike, so tests can search what a
/// component logged. Each test builds its own logger with it; nothing touches the global logging system.
struct CapturingLogHandler: LogHandler {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])

        var all: [String] { lines.withLock { $0 } }
    }

    let captured: Lines
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let error = event.error.map { " error=\($0)" } ?? ""
        captured.lines.withLock { $0.append("\(event.level) \(label) \(event.message) \(fields)\(error)") }
    }

    /// A trace-level logger writing into `lines`.
    static func logger(_ label: String, into lines: Lines) -> Logger {
        Logger(label: label) { label in CapturingLogHandler(captured: lines, label: label) }
    }
}
