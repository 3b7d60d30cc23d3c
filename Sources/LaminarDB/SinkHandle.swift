import LaminarCore

/// A running `CREATE SINK` pipeline.
public final class SinkHandle: Sendable {
    public let name: String
    /// Live counters: rows read and written, event time reached.
    public let metrics: PipelineMetrics
    let control: CheckpointControl
    let task: Task<Void, any Error>

    init(name: String, metrics: PipelineMetrics, control: CheckpointControl, task: Task<Void, any Error>) {
        self.name = name
        self.metrics = metrics
        self.control = control
        self.task = task
    }

    /// Takes a checkpoint now and waits for it; returns its id.
    public func checkpoint() async throws -> Int64 {
        try await control.checkpoint()
    }

    /// Waits until the pipeline ends: its sources are exhausted, it is stopped, or it fails (rethrown).
    public func wait() async throws {
        try await task.value
    }

    /// Stops the pipeline cleanly: a final checkpoint commits what reached the sink. Waits for it to end.
    public func stop() async throws {
        task.cancel()
        try await task.value
    }

    public var isFinished: Bool { metrics.snapshot.finished }
}
