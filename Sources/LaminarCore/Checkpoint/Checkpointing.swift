/// How a pipeline with a transactional sink checkpoints.
public struct Checkpointing: Sendable {
    /// Names the pipeline's checkpoints; stable across restarts (the sink's name).
    public var pipeline: String
    public var storage: any CheckpointStorage
    /// Time between periodic checkpoints; nil for checkpoints only on request and at the end.
    public var interval: Duration?
    public var control: CheckpointControl
    /// Complete checkpoints kept for recovery; older ones are deleted.
    public var retained: Int

    public init(pipeline: String, storage: any CheckpointStorage, interval: Duration?, control: CheckpointControl = CheckpointControl(),
                retained: Int = 3) {
        self.pipeline = pipeline
        self.storage = storage
        self.interval = interval
        self.control = control
        self.retained = max(1, retained)
    }
}
