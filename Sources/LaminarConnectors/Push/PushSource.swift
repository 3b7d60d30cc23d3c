import LaminarArrow
import LaminarCore
import Synchronization

/// The shared end of a push source: `push` fans each batch out to every reader currently attached.
public final class PushSource: PreparedSource {
    public let schema: Schema
    let bufferBatches: Int
    private let readers = Mutex<(channels: [Int: BatchChannel<RecordBatch>], next: Int, closed: Bool)>(([:], 0, false))

    init(schema: Schema, bufferBatches: Int) {
        self.schema = schema
        self.bufferBatches = bufferBatches
    }

    public var isBounded: Bool { false }

    public func makeReader() async throws(EngineError) -> any LakehouseSource {
        let channel = BatchChannel<RecordBatch>(capacity: bufferBatches)
        let id: Int? = readers.withLock { state in
            guard !state.closed else { return nil }
            state.next += 1
            state.channels[state.next] = channel
            return state.next
        }
        guard let id else {
            channel.finish()
            return PushReader(schema: schema, channel: channel, detach: {})
        }
        return PushReader(schema: schema, channel: channel, detach: { [weak self] in
            self?.readers.withLock { _ = $0.channels.removeValue(forKey: id) }
        })
    }

    /// Delivers `batch` to every attached reader, waiting while any of them is `buffer_batches` behind.
    public func push(_ batch: RecordBatch) async throws(EngineError) {
        guard batch.schema.fields.map(\.type) == schema.fields.map(\.type) else {
            throw EngineError(.invalidState, "pushed batch has columns \(batch.schema.fields.map { "\($0.name) \($0.type)" }), expected \(schema.fields.map { "\($0.name) \($0.type)" })")
        }
        let (channels, closed) = readers.withLock { (Array($0.channels.values), $0.closed) }
        guard !closed else { throw EngineError(.invalidState, "the source is closed") }
        for channel in channels where !channel.isFinished {
            do {
                try await channel.send(batch)
            } catch where error.kind == .invalidState {
                continue
            }
        }
    }

    /// Ends the source: readers finish after draining what was pushed, and queries over it complete.
    public func close() {
        let channels = readers.withLock { state in
            state.closed = true
            return Array(state.channels.values)
        }
        for channel in channels { channel.finish() }
    }

    public var readerCount: Int { readers.withLock { $0.channels.count } }
}

/// One query's end of a push source. Its position counts the rows received; without a write-ahead log a
/// restart cannot replay them, so it starts with what is pushed next.
final class PushReader: LakehouseSource {
    let schema: Schema
    private let channel: BatchChannel<RecordBatch>
    private let detach: @Sendable () -> Void
    private var received: Int64 = 0

    init(schema: Schema, channel: BatchChannel<RecordBatch>, detach: @escaping @Sendable () -> Void) {
        self.schema = schema
        self.channel = channel
        self.detach = detach
    }

    func start(from checkpoint: SourceCheckpoint?) async throws(EngineError) {
        received = checkpoint?.offset ?? 0
    }

    func currentCheckpoint() -> SourceCheckpoint { SourceCheckpoint(offset: received) }

    func pollNext() async throws(EngineError) -> RecordBatch? {
        let batch = try await channel.receive()
        received += Int64(batch?.rowCount ?? 0)
        return batch
    }

    func close() async {
        detach()
        channel.finish()
    }
}
