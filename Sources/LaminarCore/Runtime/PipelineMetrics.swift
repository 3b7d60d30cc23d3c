import Synchronization

/// Live counters of a running pipeline, readable from any thread (the CLI's status line polls them).
public final class PipelineMetrics: Sendable {
    public struct Snapshot: Sendable, Hashable {
        public var rowsIn = 0
        public var rowsOut = 0
        public var batchesIn = 0
        /// Event time reached, in microseconds since the epoch, when the source has a watermark.
        public var watermark: Int64?
        public var finished = false
        /// Why the pipeline failed, when it did.
        public var failure: String?
        /// The last checkpoint completed (or recovered from), 0 before the first.
        public var lastCheckpoint: Int64 = 0
        /// How long the last checkpoint took, from the barrier to its finalized commit.
        public var lastCheckpointDuration: Duration?
        /// Operator state the last checkpoint saved, in bytes as stored.
        public var lastCheckpointStateBytes: Int64 = 0
        public var checkpoints = 0
        /// Problems stepped over, such as a corrupt checkpoint manifest skipped during recovery.
        public var warnings: [String] = []
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    func record(rowsIn: Int) {
        state.withLock {
            $0.rowsIn += rowsIn
            $0.batchesIn += 1
        }
    }

    func record(checkpoint: Int64, duration: Duration? = nil, stateBytes: Int64 = 0, recovered: Bool = false) {
        state.withLock {
            $0.lastCheckpoint = checkpoint
            if !recovered {
                $0.lastCheckpointStateBytes = stateBytes
                $0.lastCheckpointDuration = duration
                $0.checkpoints += 1
            }
        }
    }

    func record(warning: String) { state.withLock { $0.warnings.append(warning) } }

    func record(rowsOut: Int) { state.withLock { $0.rowsOut += rowsOut } }
    func record(watermark: Int64) { state.withLock { $0.watermark = watermark } }
    func markFinished(failure: String?) {
        state.withLock {
            $0.finished = true
            $0.failure = failure
        }
    }
}
