import LaminarArrow

/// Where the results of a query without a transactional sink go: a caller collecting rows, or a
/// subscriber reading them as they come. Nothing here outlives the process, so there is no checkpoint.
public protocol StreamSink: AnyObject {
    func write(_ batch: RecordBatch) async throws(EngineError)
    /// The run ended normally (input exhausted or a clean stop).
    func commit() async throws(EngineError)
    /// The run failed.
    func abort() async
}
