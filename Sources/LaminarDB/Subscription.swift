import LaminarArrow
import LaminarCore

/// The batches of a running query, in order, as an `AsyncSequence`.
///
/// The pipeline runs as fast as the subscriber reads: once a few batches are waiting unread, it pauses.
/// Ending the iteration early (or dropping the subscription) stops the pipeline.
public final class Subscription: AsyncSequence, Sendable {
    public typealias Element = RecordBatch

    public let schema: Schema
    let channel: BatchChannel<RecordBatch>
    let task: Task<Void, Never>

    init(schema: Schema, channel: BatchChannel<RecordBatch>, task: Task<Void, Never>) {
        self.schema = schema
        self.channel = channel
        self.task = task
    }

    deinit {
        task.cancel()
    }

    /// Stops the query; iteration ends after the batches already delivered.
    public func cancel() {
        task.cancel()
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let subscription: Subscription

        public mutating func next() async throws -> RecordBatch? {
            try await subscription.channel.receive()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(subscription: self) }
}

/// The sink of a subscription: hands batches to the subscriber through a bounded channel.
final class ChannelSink: StreamSink {
    let channel: BatchChannel<RecordBatch>

    init(_ channel: BatchChannel<RecordBatch>) { self.channel = channel }

    func write(_ batch: RecordBatch) async throws(EngineError) { try await channel.send(batch) }
    func commit() async throws(EngineError) { channel.finish() }
    func abort() async {}
}
