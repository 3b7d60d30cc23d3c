import Foundation
import LaminarArrow
import LaminarDB

/// The live line `laminar run` keeps at the bottom of a terminal: rows in and out, throughput, event time.
struct StatusLine {
    private var lastRowsIn = 0
    private var lastTime = ContinuousClock.now
    private var shown = false

    mutating func update(_ sinks: [SinkHandle]) {
        let now = ContinuousClock.now
        let snapshots = sinks.map(\.metrics.snapshot)
        let rowsIn = snapshots.reduce(0) { $0 + $1.rowsIn }
        let rowsOut = snapshots.reduce(0) { $0 + $1.rowsOut }
        let elapsed = now - lastTime
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(rowsIn - lastRowsIn) / seconds : 0
        lastRowsIn = rowsIn
        lastTime = now
        var text = "\r\u{1B}[2K\(Self.count(rowsIn)) rows in (\(Self.count(Int(rate)))/s), \(Self.count(rowsOut)) out, "
        text += "\(sinks.filter { !$0.isFinished }.count)/\(sinks.count) sinks running"
        if let watermark = snapshots.compactMap(\.watermark).min() {
            text += ", event time \(Temporal.formatTimestamp(watermark, unit: .microsecond, utc: false))"
        }
        let last = snapshots.map(\.lastCheckpoint).max() ?? 0
        text += last > 0 ? ", last checkpoint #\(last)" : ", no checkpoint yet"
        Terminal.printErrorRaw(text)
        shown = true
    }

    func clear() {
        if shown { Terminal.printErrorRaw("\r\u{1B}[2K") }
    }

    static func count(_ value: Int) -> String {
        switch value {
        case ..<10_000: return String(value)
        case ..<10_000_000: return String(format: "%.1fk", Double(value) / 1e3)
        default: return String(format: "%.1fM", Double(value) / 1e6)
        }
    }
}
