/// Where a writer's bytes go: a local file, memory, or an object-store upload. Writers hand over each row group
/// as it is finished, so a sink sees a file in order and never whole.
public protocol ByteSink: AnyObject {
    func write(_ bytes: [UInt8]) async throws
    /// Makes the written bytes durable (or completes the upload); the sink accepts no writes afterwards.
    func close() async throws
}

/// Keeps the bytes in memory; for small files such as checkpoints, and for tests.
public final class MemoryByteSink: ByteSink {
    public private(set) var bytes: [UInt8] = []
    public private(set) var isClosed = false

    public init() {}

    public func write(_ bytes: [UInt8]) async throws { self.bytes.append(contentsOf: bytes) }
    public func close() async throws { isClosed = true }
}
