/// A growable, 64-byte aligned byte buffer that builders write into and then freeze into a `Buffer` without
/// copying.
///
/// Growth doubles the capacity, so appending n values costs O(n) amortised and never allocates per element.
///
/// The stored properties opt out of dynamic exclusivity checks: appends run once per value in decoders' inner
/// loops, where the runtime's access tracking cost more than the append itself, and a buffer is only ever used
/// by one writer at a time.
public final class MutableBuffer {
    @exclusivity(unchecked) @usableFromInline private(set) var pointer: UnsafeMutableRawPointer
    @exclusivity(unchecked) @usableFromInline private(set) var capacity: Int
    /// Bytes written so far.
    @exclusivity(unchecked) @usableFromInline var written: Int = 0
    @inlinable public var byteCount: Int { written }

    public init(capacity: Int = 64) {
        self.capacity = max(capacity, 64)
        self.pointer = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: Buffer.alignment)
    }

    deinit { pointer.deallocate() }

    /// Makes room for at least `additional` more bytes.
    @inlinable
    public func reserve(_ additional: Int) {
        if byteCount + additional > capacity { grow(to: byteCount + additional) }
    }

    @usableFromInline
    func grow(to needed: Int) {
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

    /// Start of the memory; moves when the buffer grows, so do not keep it across appends.
    @inlinable
    public var baseAddress: UnsafeMutableRawPointer { pointer }

    /// Lets `body` write up to `maxCount` bytes straight after the bytes written so far; `body` returns how
    /// many it wrote. Decoders use it to fill buffers without an intermediate copy.
    @inlinable
    public func append<E: Error>(
        uninitialized maxCount: Int, _ body: (UnsafeMutableRawBufferPointer) throws(E) -> Int
    ) throws(E) {
        reserve(maxCount)
        let wrote = try body(UnsafeMutableRawBufferPointer(start: pointer + written, count: maxCount))
        precondition(wrote >= 0 && wrote <= maxCount, "wrote \(wrote) of at most \(maxCount) bytes")
        written += wrote
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
