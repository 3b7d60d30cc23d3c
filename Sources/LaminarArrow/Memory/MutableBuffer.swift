/// A growable, 64-byte aligned byte buffer that builders write into and then freeze into a `Buffer` without
/// copying.
///
/// Growth doubles the capacity, so appending n values costs O(n) amortised and never allocates per element.
public final class MutableBuffer {
    @usableFromInline private(set) var pointer: UnsafeMutableRawPointer
    private(set) var capacity: Int
    /// Bytes written so far.
    @usableFromInline var written: Int = 0
    public var byteCount: Int { written }

    public init(capacity: Int = 64) {
        self.capacity = max(capacity, 64)
        self.pointer = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: Buffer.alignment)
    }

    deinit { pointer.deallocate() }

    /// Makes room for at least `additional` more bytes.
    public func reserve(_ additional: Int) {
        let needed = byteCount + additional
        guard needed > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newPointer = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: Buffer.alignment)
        newPointer.copyMemory(from: pointer, byteCount: byteCount)
        pointer.deallocate()
        pointer = newPointer
        capacity = newCapacity
    }

    @inlinable
    public func append<T: BitwiseCopyable>(_ value: T) {
        let size = MemoryLayout<T>.stride
        reserve(size)
        (pointer + byteCount).storeBytes(of: value, as: T.self)
        written += size
    }

    public func append(contentsOf bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (pointer + byteCount).copyMemory(from: source, byteCount: bytes.count)
        written += bytes.count
    }

    public func append(contentsOf bytes: some Sequence<UInt8>) {
        for byte in bytes { append(byte) }
    }

    /// Appends `count` zero bytes.
    public func appendZeros(_ count: Int) {
        reserve(count)
        (pointer + byteCount).initializeMemory(as: UInt8.self, repeating: 0, count: count)
        written += count
    }

    /// Writable view of the bytes written so far, for in-place patching (bitmaps set bits this way).
    public var mutableBytes: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: pointer, count: byteCount)
    }

    /// Hands the memory to an immutable `Buffer` and leaves this buffer empty and reusable.
    public func freeze() -> Buffer {
        let frozen = Buffer(owning: pointer, byteCount: byteCount)
        capacity = 64
        pointer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: Buffer.alignment)
        written = 0
        return frozen
    }
}
