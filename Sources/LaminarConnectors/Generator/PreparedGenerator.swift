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

    func makeReader() async throws(EngineError) -> any LakehouseSource { GeneratorReader(self) }
}

/// Produces batches on demand, pacing itself to `rows_per_second` against a monotonic clock. Its position
/// is the next row number: rows are pure functions of it, so a restarted reader continues exactly.
final class GeneratorReader: LakehouseSource {
    let generator: PreparedGenerator
    private(set) var position: Int64 = 0
    private var started: ContinuousClock.Instant?
    private var startPosition: Int64 = 0

    init(_ generator: PreparedGenerator) {
        self.generator = generator
    }

    var schema: Schema { generator.schema }

    func start(from checkpoint: SourceCheckpoint?) async throws(EngineError) {
        position = checkpoint?.offset ?? 0
        startPosition = position
    }

    func currentCheckpoint() -> SourceCheckpoint { SourceCheckpoint(offset: position) }

    func pollNext() async throws(EngineError) -> RecordBatch? {
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
        let due = start + .seconds(Double(position - startPosition) / rate)
        guard due > clock.now else { return }
        do {
            try await Task.sleep(until: due, clock: clock)
        } catch {
            throw EngineError(.cancelled, "generator stopped")
        }
    }

    func close() async {}
}
