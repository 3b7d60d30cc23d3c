import LaminarArrow

/// A reader of one source for one pipeline run, with a position that checkpoints record.
///
/// Each running query gets its own reader, so readers keep their position as plain state. `pollNext` is
/// only called again after the previous batch has gone through the whole pipeline, which is what gives
/// backpressure: a slow sink slows the reads.
public protocol LakehouseSource: AnyObject {
    var schema: Schema { get }
    /// Positions the reader before the first `pollNext`: at `checkpoint`, or at the start of its mode.
    func start(from checkpoint: SourceCheckpoint?) async throws(EngineError)
    /// The next batch, or nil once a bounded source is exhausted. Unbounded sources wait for data and end
    /// when their task is cancelled (throwing ``EngineError/Kind/cancelled``) or their input is closed.
    func pollNext() async throws(EngineError) -> RecordBatch?
    /// The position after the last batch `pollNext` returned.
    func currentCheckpoint() -> SourceCheckpoint
    /// A checkpoint holding `checkpoint` is complete and its commits are final: what lies before it will
    /// never be read again, so the source may release it (truncate a log, forget finished files).
    func commit(_ checkpoint: SourceCheckpoint) async throws(EngineError)
    /// Releases files, connections and subscriptions; called once, however the run ended.
    func close() async
}

extension LakehouseSource {
    public func commit(_ checkpoint: SourceCheckpoint) async throws(EngineError) {}
}
