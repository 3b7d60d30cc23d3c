import LaminarArrow

/// `LIMIT n OFFSET m`: skips `m` rows, passes `n`, then reports itself exhausted so the pipeline stops reading.
public final class LimitOperator: StreamOperator {
    public let outputSchema: Schema
    private var toSkip: Int
    private var remaining: Int?

    public init(limit: Int?, offset: Int, schema: Schema) {
        self.outputSchema = schema
        self.toSkip = offset
        self.remaining = limit
    }

    public var isExhausted: Bool { remaining == 0 }

    public func process(_ batch: RecordBatch) throws(EngineError) -> [RecordBatch] {
        var start = 0
        if toSkip > 0 {
            start = min(toSkip, batch.rowCount)
            toSkip -= start
        }
        var count = batch.rowCount - start
        if let left = remaining {
            count = min(count, left)
            remaining = left - count
        }
        if count <= 0 { return [] }
        return [start == 0 && count == batch.rowCount ? batch : batch.slice(offset: start, count: count)]
    }

    public func snapshotState() throws(EngineError) -> OperatorState? {
        OperatorState(values: ["skip": String(toSkip), "remaining": remaining.map(String.init) ?? "all"])
    }

    public func restoreState(_ state: OperatorState) throws(EngineError) {
        toSkip = state.values["skip"].flatMap(Int.init) ?? toSkip
        if let text = state.values["remaining"], text != "all" { remaining = Int(text) }
    }
}
