import LaminarArrow

/// `ORDER BY` over a bounded input: buffers every batch, sorts once at the end.
///
/// With a `LIMIT` the operator keeps only the best `limit` rows after each batch (a top-N), so
/// `ORDER BY x LIMIT 10` over a large input holds little more than one batch.
public final class SortOperator: StreamOperator {
    public let keys: [SortKey]
    public let outputSchema: Schema
    let limit: Int?
    private var buffered: [RecordBatch] = []
    private var bufferedRows = 0

    /// Output batches are cut to this many rows.
    static let outputBatchRows = 8192

    public init(keys: [SortKey], limit: Int?, schema: Schema) {
        self.keys = keys
        self.limit = limit
        self.outputSchema = schema
    }

    public func process(_ batch: RecordBatch) throws(EngineError) -> [RecordBatch] {
        buffered.append(batch)
        bufferedRows += batch.rowCount
        if let limit, bufferedRows > max(limit > Int.max / 2 ? Int.max : limit * 2, Self.outputBatchRows) {
            let best = try sorted()
            let kept = best.slice(offset: 0, count: min(limit, best.rowCount))
            buffered = [kept]
            bufferedRows = kept.rowCount
        }
        return []
    }

    public func finish() throws(EngineError) -> [RecordBatch] {
        guard bufferedRows > 0 else { return [] }
        var all = try sorted()
        if let limit, all.rowCount > limit { all = all.slice(offset: 0, count: limit) }
        buffered = []
        bufferedRows = 0
        return stride(from: 0, to: all.rowCount, by: Self.outputBatchRows).map {
            all.slice(offset: $0, count: min(Self.outputBatchRows, all.rowCount - $0))
        }
    }

    private func sorted() throws(EngineError) -> RecordBatch {
        let all: RecordBatch
        do {
            all = buffered.count == 1 ? buffered[0] : try RecordBatch.concatenate(buffered)
        } catch {
            throw .arrow(error)
        }
        var columns: [any ArrowArray] = []
        for key in keys { columns.append(try key.expression.evaluateArray(all)) }
        let comparators = columns.map(makeRowComparator)
        let order = zip(keys, columns).map { key, column in (key, column) }
        var indices = Array(0..<all.rowCount)
        indices.sort { a, b in
            for (position, (key, column)) in order.enumerated() {
                let aNull = column.isNull(a)
                let bNull = column.isNull(b)
                if aNull || bNull {
                    if aNull && bNull { continue }
                    return aNull == key.nullsFirst
                }
                let result = comparators[position](a, b)
                if result != 0 { return key.descending ? result > 0 : result < 0 }
            }
            return false
        }
        do {
            return try Compute.take(all, indices: indices)
        } catch {
            throw .arrow(error)
        }
    }

    public func snapshotState() throws(EngineError) -> OperatorState? {
        OperatorState(batches: buffered)
    }

    public func restoreState(_ state: OperatorState) throws(EngineError) {
        buffered = state.batches
        bufferedRows = buffered.reduce(0) { $0 + $1.rowCount }
    }
}
