import NIOConcurrencyHelpers
import NIOCore

/// A request body that records whether the HTTP client ever asked for its bytes. AsyncHTTPClient pulls a
/// streamed body only once the request head is on a connection, so a body that was never pulled proves the
/// server cannot have received a complete request: the one fact that makes retrying a conditional write safe.
struct TrackedRequestBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let bytes: [UInt8]
    let pulled: NIOLockedValueBox<Bool>
    /// Chunks bound the copy into each `ByteBuffer`, so a large part is not duplicated in memory at once.
    static let chunkSize = 1 << 20

    init(bytes: [UInt8]) {
        self.bytes = bytes
        pulled = NIOLockedValueBox(false)
    }

    var wasPulled: Bool { pulled.withLockedValue { $0 } }

    struct AsyncIterator: AsyncIteratorProtocol {
        let bytes: [UInt8]
        let pulled: NIOLockedValueBox<Bool>
        var offset = 0

        mutating func next() async -> ByteBuffer? {
            pulled.withLockedValue { $0 = true }
            guard offset < bytes.count else { return nil }
            let end = Swift.min(offset + TrackedRequestBody.chunkSize, bytes.count)
            defer { offset = end }
            return ByteBuffer(bytes: bytes[offset..<end])
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(bytes: bytes, pulled: pulled) }
}
