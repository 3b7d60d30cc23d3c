import LaminarCore

/// A running `CREATE SINK` pipeline.
public final class SinkHandle: Sendable {
    public let name: String
    /// Live counters: rows read and written, event time reached.
    public let metrics: PipelineMetrics
    let task: Task<Void, any Error>

    init(name: String, metrics: PipelineMetrics, task: Task<Void, any Error>) {
        self.name = name
        self.metrics = metrics
        self.task = task
    }

    /// Waits until the pipeline ends: its sources are exhausted, it is stopped, or it fails (rethrown).
    public func wait() async throws {
        try await task.value
    }

    /// Stops the pipeline cleanly: what reached the sink is committed. Waits for it to end.
    public func stop() async throws {
        task.cancel()
        try await task.value
    }

    public var isFinished: Bool { metrics.snapshot.finished }
}
