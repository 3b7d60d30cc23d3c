/// An immutable, 64-byte aligned region of memory shared by the arrays that view it.
///
/// Arrays hold buffers by reference so that slicing, projection and concatenation of batches never copy
/// values. The memory is written once, by a `MutableBuffer`, and never changes afterwards, which is what makes
/// sharing it across tasks safe.
public final class Buffer: @unchecked Sendable {
    /// Alignment of every allocation: the widest SIMD register, as the Arrow format recommends.
    public static let alignment = 64

    public let baseAddress: UnsafeRawPointer
    public let byteCount: Int

    /// Takes ownership of memory allocated with `UnsafeMutableRawPointer.allocate(byteCount:alignment:)`.
    init(owning pointer: UnsafeMutableRawPointer, byteCount: Int) {
        self.baseAddress = UnsafeRawPointer(pointer)
        self.byteCount = byteCount
    }

    deinit { UnsafeMutableRawPointer(mutating: baseAddress).deallocate() }

    /// Copies the bytes of a collection into a new buffer.
    public convenience init(bytes: some Collection<UInt8>) {
        let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: Self.alignment)
        let destination = UnsafeMutableRawBufferPointer(start: pointer, count: bytes.count)
        _ = destination.initializeMemory(as: UInt8.self, from: bytes)
        self.init(owning: pointer, byteCount: bytes.count)
    }

    /// Copies an array of fixed-width values into a new buffer.
    public convenience init<T: BitwiseCopyable>(values: [T]) {
        let byteCount = values.count * MemoryLayout<T>.stride
        let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: Self.alignment)
        values.withUnsafeBytes { source in
            if let base = source.baseAddress { pointer.copyMemory(from: base, byteCount: byteCount) }
        }
        self.init(owning: pointer, byteCount: byteCount)
    }

    public static let empty = Buffer(bytes: [])

    /// A typed view of the whole buffer. Valid only while the buffer is alive.
    @inlinable
    public func typed<T: BitwiseCopyable>(_: T.Type) -> UnsafeBufferPointer<T> {
        UnsafeBufferPointer(
            start: baseAddress.assumingMemoryBound(to: T.self),
            count: byteCount / MemoryLayout<T>.stride
        )
    }

    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: baseAddress, count: byteCount) }
}
