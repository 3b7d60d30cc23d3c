/// One checkpoint of one pipeline: where the source stood, where each operator's state is, and the
/// commits the sink prepared. Written durably before the checkpoint is marked complete.
public struct CheckpointManifest: Codable, Hashable, Sendable {
    public var pipeline: String
    public var checkpointID: Int64
    /// Wall-clock time the checkpoint was taken, microseconds since the epoch.
    public var createdAt: Int64
    public var source: SourceCheckpoint
    /// Event time reached, microseconds since the epoch.
    public var watermark: Int64?
    /// Operator states by position in the pipeline.
    public var operators: [Int: StateReference]
    public var commits: [PreparedCommit]

    public init(pipeline: String, checkpointID: Int64, createdAt: Int64, source: SourceCheckpoint, watermark: Int64?,
                operators: [Int: StateReference], commits: [PreparedCommit]) {
        self.pipeline = pipeline
        self.checkpointID = checkpointID
        self.createdAt = createdAt
        self.source = source
        self.watermark = watermark
        self.operators = operators
        self.commits = commits
    }
}

/// Where a saved operator state lives, with what it must hash to.
public struct StateReference: Codable, Hashable, Sendable {
    public var path: String
    public var sizeBytes: Int64
    public var sha256: String
    public var values: [String: String]

    public init(path: String, sizeBytes: Int64, sha256: String, values: [String: String]) {
        self.path = path
        self.sizeBytes = sizeBytes
        self.sha256 = sha256
        self.values = values
    }
}

/// What a pipeline finds in its checkpoint store when it starts.
public struct RecoveryPlan: Sendable {
    /// The newest complete checkpoint, if any.
    public var latest: CheckpointManifest?
    /// Whether its commits were recorded as finalized.
    public var latestFinalized: Bool
    /// Checkpoints newer than `latest` that never completed: their prepared commits must be aborted.
    public var incomplete: [CheckpointManifest]
    /// Problems found and stepped over, such as a manifest whose checksum does not match.
    public var warnings: [String]
    /// The highest checkpoint id present, readable or not: new checkpoints must number above it, so a
    /// skipped folder's markers can never be mistaken for a new checkpoint's.
    public var highestCheckpointID: Int64 = 0

    public init(latest: CheckpointManifest? = nil, latestFinalized: Bool = false, incomplete: [CheckpointManifest] = [],
                warnings: [String] = []) {
        self.latest = latest
        self.latestFinalized = latestFinalized
        self.incomplete = incomplete
        self.warnings = warnings
    }
}

/// Durable storage for a pipeline's checkpoints (implemented over object storage by `LaminarStorage`).
///
/// The pipeline drives the order the exactly-once protocol depends on: prepare everywhere, then
/// `writeManifest` (durable), then `markComplete`, then finalize the sinks, then `markFinalized`.
public protocol CheckpointStorage: Sendable {
    func recover() async throws(EngineError) -> RecoveryPlan
    func saveState(_ state: OperatorState, checkpointID: Int64, operator: Int) async throws(EngineError) -> StateReference
    func loadState(_ reference: StateReference) async throws(EngineError) -> OperatorState
    func writeManifest(_ manifest: CheckpointManifest) async throws(EngineError)
    func markComplete(_ checkpointID: Int64) async throws(EngineError)
    func markFinalized(_ checkpointID: Int64) async throws(EngineError)
    /// Deletes a checkpoint that did not complete (after its commits were aborted).
    func discard(_ checkpointID: Int64) async throws(EngineError)
    /// Deletes all but the newest `keeping` complete checkpoints.
    func prune(keeping: Int) async throws(EngineError)
}
