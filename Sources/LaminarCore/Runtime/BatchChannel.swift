import Synchronization

/// A bounded, multi-producer, multi-consumer queue between tasks, with backpressure both ways: `send`
/// waits while the queue is full and `receive` waits while it is empty.
///
/// It connects code outside a pipeline to a pipeline: rows pushed from Swift into a `push` source, and
/// result batches handed to a subscriber. Waiting calls end with ``EngineError/Kind/cancelled`` when their
/// task is cancelled, so a stopped pipeline never hangs on an idle producer.
public final class BatchChannel<Element: Sendable>: Sendable {
    private typealias Receiver = CheckedContinuation<Element?, any Error>
    private typealias Sender = CheckedContinuation<Void, any Error>

    private struct State {
        var buffer: [Element] = []
        var head = 0
        var finished = false
        var failure: EngineError?
        var receivers: [(id: Int, continuation: Receiver)] = []
        var senders: [(id: Int, element: Element, continuation: Sender)] = []
        var cancelled: Set<Int> = []
        var nextID = 0

        var count: Int { buffer.count - head }

        mutating func popFirst() -> Element? {
            guard head < buffer.count else { return nil }
            let element = buffer[head]
            head += 1
            if head > 64 && head * 2 > buffer.count {
                buffer.removeFirst(head)
                head = 0
            }
            return element
        }
    }

    private enum SendStart { case done, closed, wait(Int) }
    private enum ReceiveStart { case element(Element), end, failed(EngineError), wait(Int) }
    private enum ReceiveNow { case value(Element?), error(any Error), wait }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Queues `element`, waiting while the queue is full. Fails once the channel is finished.
    public func send(_ element: Element) async throws(EngineError) {
        let immediate: SendStart = state.withLock { state in
            if state.finished { return .closed }
            if !state.receivers.isEmpty {
                state.receivers.removeFirst().continuation.resume(returning: element)
                return .done
            }
            if state.count < capacity {
                state.buffer.append(element)
                return .done
            }
            state.nextID += 1
            return .wait(state.nextID)
        }
        switch immediate {
        case .done: return
        case .closed: throw EngineError(.invalidState, "the channel is closed")
        case .wait(let id):
            do {
                try await withTaskCancellationHandler {
                    try await withCheckedThrowingContinuation { (continuation: Sender) in
                        let resumeNow: (any Error)?? = state.withLock { state in
                            if state.cancelled.remove(id) != nil { return .some(CancellationError()) }
                            if state.finished { return .some(EngineError(.invalidState, "the channel is closed")) }
                            if !state.receivers.isEmpty {
                                state.receivers.removeFirst().continuation.resume(returning: element)
                                return .some(nil)
                            }
                            if state.count < capacity {
                                state.buffer.append(element)
                                return .some(nil)
                            }
                            state.senders.append((id, element, continuation))
                            return .none
                        }
                        if case .some(let error) = resumeNow {
                            if let error { continuation.resume(throwing: error) } else { continuation.resume() }
                        }
                    }
                } onCancel: {
                    cancel(id)
                }
            } catch {
                throw Self.engineError(error)
            }
        }
    }

    /// The next element, waiting while the queue is empty; nil once the channel is finished and drained.
    public func receive() async throws(EngineError) -> Element? {
        let immediate: ReceiveStart = state.withLock { state in
            if let element = takeLocked(&state) { return .element(element) }
            if state.finished { return state.failure.map(ReceiveStart.failed) ?? .end }
            state.nextID += 1
            return .wait(state.nextID)
        }
        switch immediate {
        case .element(let element): return element
        case .end: return nil
        case .failed(let error): throw error
        case .wait(let id):
            do {
                return try await withTaskCancellationHandler {
                    try await withCheckedThrowingContinuation { (continuation: Receiver) in
                        let now: ReceiveNow = state.withLock { state in
                            if state.cancelled.remove(id) != nil { return .error(CancellationError()) }
                            if let element = takeLocked(&state) { return .value(element) }
                            if state.finished { return state.failure.map { ReceiveNow.error($0) } ?? .value(nil) }
                            state.receivers.append((id, continuation))
                            return .wait
                        }
                        switch now {
                        case .value(let element): continuation.resume(returning: element)
                        case .error(let error): continuation.resume(throwing: error)
                        case .wait: break
                        }
                    }
                } onCancel: {
                    cancel(id)
                }
            } catch {
                throw Self.engineError(error)
            }
        }
    }

    /// What `receive(within:)` found.
    public enum Polled: Sendable {
        case element(Element)
        /// The channel is finished and drained.
        case end
        /// Nothing arrived in time.
        case idle
    }

    /// Like `receive`, but gives up after `timeout` so an idle reader can hand control back (a pipeline
    /// then takes its due checkpoints). An element that arrives as the wait ends is still returned.
    public func receive(within timeout: Duration) async throws(EngineError) -> Polled {
        do {
            return try await withThrowingTaskGroup(of: Polled.self) { group in
                group.addTask {
                    guard let element = try await self.receive() else { return .end }
                    return .element(element)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return .idle
                }
                guard let first = try await group.next() else { return .idle }
                group.cancelAll()
                if case .idle = first, let second = try? await group.next(), case .element = second { return second }
                return first
            }
        } catch {
            throw Self.engineError(error)
        }
    }

    /// Ends the channel: receivers drain what is queued and then get nil (or `failure`); senders fail.
    public func finish(throwing failure: EngineError? = nil) {
        let (receivers, senders) = state.withLock { state in
            guard !state.finished else { return ([Receiver](), [Sender]()) }
            state.finished = true
            state.failure = failure
            let receivers = state.receivers.map(\.continuation)
            let senders = state.senders.map(\.continuation)
            state.receivers = []
            state.senders = []
            return (receivers, senders)
        }
        for receiver in receivers {
            if let failure { receiver.resume(throwing: failure) } else { receiver.resume(returning: nil) }
        }
        for sender in senders { sender.resume(throwing: EngineError(.invalidState, "the channel is closed")) }
    }

    public var isFinished: Bool { state.withLock { $0.finished } }

    /// Takes the oldest element and lets the first waiting sender's element into the freed slot.
    private func takeLocked(_ state: inout State) -> Element? {
        guard let element = state.popFirst() else { return nil }
        if !state.senders.isEmpty {
            let sender = state.senders.removeFirst()
            state.buffer.append(sender.element)
            sender.continuation.resume()
        }
        return element
    }

    private func cancel(_ id: Int) {
        let waiter: (receiver: Receiver?, sender: Sender?) = state.withLock { state in
            if let index = state.receivers.firstIndex(where: { $0.id == id }) {
                return (state.receivers.remove(at: index).continuation, nil)
            }
            if let index = state.senders.firstIndex(where: { $0.id == id }) {
                return (nil, state.senders.remove(at: index).continuation)
            }
            state.cancelled.insert(id)
            return (nil, nil)
        }
        waiter.receiver?.resume(throwing: CancellationError())
        waiter.sender?.resume(throwing: CancellationError())
    }

    private static func engineError(_ error: any Error) -> EngineError {
        if let engine = error as? EngineError { return engine }
        if error is CancellationError { return EngineError(.cancelled, "cancelled while waiting") }
        return EngineError(.invalidState, "\(error)")
    }
}
