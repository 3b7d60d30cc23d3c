import Foundation
import LaminarArrow
import LaminarCore
import LaminarStorage
import Synchronization

/// A batch as a push source hands it out: with its log sequence number, which is what checkpoints record.
struct LoggedBatch: Sendable {
    let lsn: Int64
    let batch: RecordBatch
}

/// The shared end of a push source: `push` logs each batch, then fans it out to every reader attached.
///
/// With a state directory every batch goes through a ``WriteAheadLog`` first: `push` returns once the
/// batch is durable, and a pipeline restarted from a checkpoint replays the batches logged after its
/// position. Batches reach readers in log order even when several producers push at once.
public final class PushSource: PreparedSource {
    public let schema: Schema
    let bufferBatches: Int
    let log: WriteAheadLog?

    private struct Readers {
        var channels: [Int: BatchChannel<LoggedBatch>] = [:]
        var next = 0
        var closed = false
        /// LSNs for pushes when there is no log.
        var nextLSN: Int64 = 1
        /// The LSN whose turn it is to be delivered, and the pushes waiting for their turn.
        var turn: Int64 = 1
        var waiting: [Int64: CheckedContinuation<Void, Never>] = [:]
    }

    private let readers = Mutex(Readers())

    init(schema: Schema, bufferBatches: Int, log: WriteAheadLog?) {
        self.schema = schema
        self.bufferBatches = bufferBatches
        self.log = log
        let first = (log?.lastLSN ?? 0) + 1
        readers.withLock {
            $0.nextLSN = first
            $0.turn = first
        }
    }

    public var isBounded: Bool { false }

    public func makeReader() async throws(EngineError) -> any LakehouseSource {
        try await makeReader(consumer: nil)
    }

    public func makeReader(consumer: String) async throws(EngineError) -> any LakehouseSource {
        try await makeReader(consumer: Optional(consumer))
    }

    private func makeReader(consumer: String?) async throws(EngineError) -> any LakehouseSource {
        let channel = BatchChannel<LoggedBatch>(capacity: bufferBatches)
        let registration: (id: Int, attachedAt: Int64)? = readers.withLock { state in
            guard !state.closed else { return nil }
            state.next += 1
            state.channels[state.next] = channel
            return (state.next, state.turn - 1)
        }
        guard let registration else {
            channel.finish()
            return PushReader(source: self, id: 0, consumer: consumer, attachedAt: 0, channel: channel)
        }
        return PushReader(source: self, id: registration.id, consumer: consumer, attachedAt: registration.attachedAt,
                          channel: channel)
    }

    /// Logs `batch` (durably, when there is a log) and delivers it to every attached reader, waiting while
    /// any of them is `buffer_batches` behind.
    public func push(_ batch: RecordBatch) async throws(EngineError) {
        guard batch.schema.fields.map(\.type) == schema.fields.map(\.type) else {
            throw EngineError(.invalidState, "pushed batch has columns \(batch.schema.fields.map { "\($0.name) \($0.type)" }), expected \(schema.fields.map { "\($0.name) \($0.type)" })")
        }
        guard !readers.withLock({ $0.closed }) else { throw EngineError(.invalidState, "the source is closed") }
        let lsn: Int64
        if let log {
            do {
                lsn = try await log.append(batch)
            } catch {
                throw error as? EngineError ?? EngineError(.invalidState, "write-ahead log: \(error)")
            }
        } else {
            lsn = readers.withLock { state in
                defer { state.nextLSN += 1 }
                return state.nextLSN
            }
        }
        await waitForTurn(lsn)
        defer { endTurn(lsn) }
        let channels = readers.withLock { Array($0.channels.values) }
        for channel in channels where !channel.isFinished {
            do {
                try await channel.send(LoggedBatch(lsn: lsn, batch: batch))
            } catch where error.kind == .invalidState {
                continue
            }
        }
    }

    private func waitForTurn(_ lsn: Int64) async {
        await withCheckedContinuation { continuation in
            let ready = readers.withLock { state in
                if state.turn == lsn { return true }
                state.waiting[lsn] = continuation
                return false
            }
            if ready { continuation.resume() }
        }
    }

    private func endTurn(_ lsn: Int64) {
        let next = readers.withLock { state in
            state.turn = lsn + 1
            return state.waiting.removeValue(forKey: lsn + 1)
        }
        next?.resume()
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

    func detach(_ id: Int) {
        readers.withLock { _ = $0.channels.removeValue(forKey: id) }
    }

    /// A consumer's checkpoint is final: the log may drop what every known consumer has committed.
    func committed(_ lsn: Int64, by consumer: String) throws(EngineError) {
        do {
            try log?.commit(consumer: consumer, through: lsn)
        } catch {
            throw EngineError(.source, "recording \(consumer)'s position in the write-ahead log: \(error)")
        }
    }

    /// The sink `consumer` was dropped: its position no longer holds back the log.
    public func forget(consumer: String) {
        log?.forget(consumer: consumer)
    }
}

/// One query's end of a push source. Its position is the LSN of the last batch it returned; restarted
/// from a checkpoint it first replays the logged batches after that position.
final class PushReader: LakehouseSource {
    private let source: PushSource
    private let id: Int
    private let consumer: String?
    private let attachedAt: Int64
    private let channel: BatchChannel<LoggedBatch>
    private var position: Int64 = 0
    private var replay: [(lsn: Int64, batch: RecordBatch)] = []

    init(source: PushSource, id: Int, consumer: String?, attachedAt: Int64, channel: BatchChannel<LoggedBatch>) {
        self.source = source
        self.id = id
        self.consumer = consumer
        self.attachedAt = attachedAt
        self.channel = channel
    }

    var schema: Schema { source.schema }

    func start(from checkpoint: SourceCheckpoint?) async throws(EngineError) {
        // A new query sees what is pushed after it started; a restored one continues after its checkpoint.
        position = checkpoint?.offset ?? attachedAt
        guard let log = source.log, position < log.lastLSN else { return }
        do {
            replay = try await log.records(after: position)
        } catch {
            throw error as? EngineError ?? EngineError(.source, "replaying the write-ahead log: \(error)")
        }
    }

    func currentCheckpoint() -> SourceCheckpoint { SourceCheckpoint(offset: position) }

    func pollNext() async throws(EngineError) -> RecordBatch? {
        if !replay.isEmpty {
            let next = replay.removeFirst()
            position = next.lsn
            return next.batch.renamed(to: source.schema)
        }
        while true {
            switch try await channel.receive(within: Self.idleInterval) {
            case .end:
                return nil
            case .idle:
                // Nothing pushed lately: an empty batch lets the pipeline take its due checkpoints.
                return RecordBatch(emptySchemaRowCount: 0)
            case .element(let logged):
                // Batches logged before this reader's replay was read arrive live too: skip them.
                guard logged.lsn > position else { continue }
                position = logged.lsn
                return logged.batch.renamed(to: source.schema)
            }
        }
    }

    /// How long `pollNext` waits for a push before returning an empty batch.
    static let idleInterval: Duration = .milliseconds(100)

    func commit(_ checkpoint: SourceCheckpoint) async throws(EngineError) {
        guard let consumer else { return }
        try source.committed(checkpoint.offset, by: consumer)
    }

    func close() async {
        source.detach(id)
        channel.finish()
    }
}

extension RecordBatch {
    /// The same columns under the source's field names (a replayed batch keeps the names it was logged with).
    func renamed(to schema: Schema) -> RecordBatch {
        (try? RecordBatch(schema: schema, columns: columns)) ?? self
    }
}
