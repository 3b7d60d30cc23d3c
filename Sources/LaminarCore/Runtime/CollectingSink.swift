import LaminarArrow

/// Keeps every batch in memory: the sink of a bounded `SELECT` whose result is returned to the caller.
public final class CollectingSink: StreamSink {
    public private(set) var batches: [RecordBatch] = []
    public private(set) var isCommitted = false

    public init() {}

    public func write(_ batch: RecordBatch) async throws(EngineError) { batches.append(batch) }
    public func commit() async throws(EngineError) { isCommitted = true }
    public func abort() async { batches = [] }
}
