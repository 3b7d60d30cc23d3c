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

    func record(rowsOut: Int) { state.withLock { $0.rowsOut += rowsOut } }
    func record(watermark: Int64) { state.withLock { $0.watermark = watermark } }
    func markFinished(failure: String?) {
        state.withLock {
            $0.finished = true
            $0.failure = failure
        }
    }
}
