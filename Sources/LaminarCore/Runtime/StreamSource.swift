import LaminarArrow

/// A reader of one source for one pipeline run.
///
/// Each running query gets its own reader, so readers keep their position as plain state; `next` is only
/// called again after the previous batch has gone through the whole pipeline, which is what gives
/// backpressure: a slow sink slows the reads.
public protocol StreamSource: AnyObject {
    var schema: Schema { get }
    /// The next batch, or nil once a bounded source is exhausted. Unbounded sources wait for data and end
    /// when their task is cancelled (throwing ``EngineError/Kind/cancelled``) or their input is closed.
    func next() async throws(EngineError) -> RecordBatch?
    /// Releases files, connections and subscriptions; called once, however the run ended.
    func close() async
}

/// Where a pipeline's results go.
public protocol StreamSink: AnyObject {
    func write(_ batch: RecordBatch) async throws(EngineError)
    /// The run ended normally (input exhausted or a clean stop): make everything written visible.
    func commit() async throws(EngineError)
    /// The run failed: discard what is not yet visible.
    func abort() async
}
