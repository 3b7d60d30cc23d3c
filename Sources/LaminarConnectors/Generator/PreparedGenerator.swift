import LaminarArrow
import LaminarCore

struct PreparedGenerator: PreparedSource {
    let schema: Schema
    let columns: [ColumnGenerator]
    let rowLimit: Int64?
    let rowsPerSecond: Double?
    let batchSize: Int
    let seed: UInt64

    var isBounded: Bool { rowLimit != nil }

    func makeReader() async throws(EngineError) -> any StreamSource { GeneratorReader(self) }
}

/// Produces batches on demand, pacing itself to `rows_per_second` against a monotonic clock.
final class GeneratorReader: StreamSource {
    let generator: PreparedGenerator
    /// The next row number; a restarted reader resumes here.
    private(set) var position: Int64 = 0
    private var started: ContinuousClock.Instant?

    init(_ generator: PreparedGenerator, from position: Int64 = 0) {
        self.generator = generator
        self.position = position
    }

    var schema: Schema { generator.schema }

    func next() async throws(EngineError) -> RecordBatch? {
        var count = Int64(generator.batchSize)
        if let rate = generator.rowsPerSecond { count = min(count, max(1, Int64(rate / 10))) }
        if let limit = generator.rowLimit { count = min(count, limit - position) }
        guard count > 0 else { return nil }
        if let rate = generator.rowsPerSecond { try await pace(rate: rate) }
        let rows = position..<(position + count)
        var arrays: [any ArrowArray] = []
        for column in generator.columns { arrays.append(try column.makeArray(rows: rows, seed: generator.seed)) }
        position += count
        do {
            return try RecordBatch(schema: generator.schema, columns: arrays)
        } catch {
            throw EngineError(.source, "generator: \(error)")
        }
    }

    /// Sleeps until the rows produced so far are due at `rate` per second.
    private func pace(rate: Double) async throws(EngineError) {
        let clock = ContinuousClock()
        let start = started ?? clock.now
        started = start
        let due = start + .seconds(Double(position) / rate)
        guard due > clock.now else { return }
        do {
            try await Task.sleep(until: due, clock: clock)
        } catch {
            throw EngineError(.cancelled, "generator stopped")
        }
    }

    func close() async {}
}
