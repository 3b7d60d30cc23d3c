/// Bytes a reader can fetch by range: a local file, memory, or an object in a store. Readers fetch the footer
/// first and then only the column chunks they need, so a remote file is read by ranges, never whole.
public protocol RandomAccessSource: Sendable {
    /// Total length in bytes.
    func size() async throws -> Int
    /// Exactly the bytes in `range`, which the caller has checked lies within `size()`.
    func read(_ range: Range<Int>) async throws -> [UInt8]
    /// Reads `range` into the first `range.count` bytes of `buffer`, growing it only when it is too small, so a
    /// reader going chunk by chunk reuses one allocation instead of faulting in fresh memory for every chunk.
    func read(_ range: Range<Int>, into buffer: inout [UInt8]) async throws
}

extension RandomAccessSource {
    public func read(_ range: Range<Int>, into buffer: inout [UInt8]) async throws {
        buffer = try await read(range)
    }
}

/// A source over bytes already in memory.
public struct MemorySource: RandomAccessSource {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func size() async throws -> Int { bytes.count }

    public func read(_ range: Range<Int>) async throws -> [UInt8] {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw ParquetError(.io("range \(range) outside \(bytes.count) bytes"))
        }
        return Array(bytes[range])
    }
}
