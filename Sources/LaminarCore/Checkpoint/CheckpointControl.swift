import Synchronization

/// Asks a running pipeline for a checkpoint and lets the asker wait for it.
///
/// The pipeline takes checkpoints between batches (its single task makes that point a consistent cut:
/// every row before it has passed every operator and reached the sink, none after it has), so a request
/// is a flag the loop checks, plus the callers waiting for the next checkpoint to finish.
public final class CheckpointControl: Sendable {
    private struct State {
        var requested = false
        var completed: Int64 = 0
        var finished = false
        var waiters: [CheckedContinuation<Int64, any Error>] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Requests a checkpoint and waits until one completes; returns its id.
    public func checkpoint() async throws -> Int64 {
        try await withCheckedThrowingContinuation { continuation in
            let finished = state.withLock { state in
                guard !state.finished else { return true }
                state.requested = true
                state.waiters.append(continuation)
                return false
            }
            if finished { continuation.resume(throwing: EngineError(.invalidState, "the pipeline has ended")) }
        }
    }

    /// The id of the last completed checkpoint (0 before the first).
    public var lastCompleted: Int64 { state.withLock { $0.completed } }

    /// Whether someone asked for a checkpoint since the last one; clears the request.
    func takeRequest() -> Bool {
        state.withLock { state in
            defer { state.requested = false }
            return state.requested
        }
    }

    func completed(_ id: Int64) {
        let waiters = state.withLock { state in
            state.completed = id
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: id) }
    }

    /// The pipeline ended: nobody waits for a checkpoint that will not come.
    func finish(_ error: EngineError?) {
        let waiters = state.withLock { state in
            state.finished = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters {
            waiter.resume(throwing: error ?? EngineError(.invalidState, "the pipeline ended before the checkpoint"))
        }
    }
}
