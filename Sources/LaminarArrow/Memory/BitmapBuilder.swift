/// Appends bits one at a time or in runs; used for validity and boolean values.
public struct BitmapBuilder {
    @usableFromInline let storage = MutableBuffer()
    @usableFromInline var bits = 0
    public var count: Int { bits }
    /// Number of set bits appended, so builders can drop an all-valid validity bitmap.
    @usableFromInline var ones = 0
    public var setCount: Int { ones }

    public init(capacity: Int = 0) {
        storage.reserve(Bitmap.byteCount(forBits: capacity))
    }

    @inlinable
    public mutating func append(_ bit: Bool) {
        if bits & 7 == 0 { storage.append(UInt8(0)) }
        if bit {
            Bitmap.set(storage.pointer, bits, true)
            ones += 1
        }
        bits += 1
    }

    public mutating func append(_ bit: Bool, count repetitions: Int) {
        for _ in 0..<repetitions { append(bit) }
    }

    /// Appends bits `[offset, offset + count)` of another bitmap (all set when `source` is nil).
    public mutating func append(from source: ValidityBitmap, count bits: Int) {
        guard let buffer = source.buffer else {
            append(true, count: bits)
            return
        }
        for index in 0..<bits { append(Bitmap.get(buffer.baseAddress, source.offset + index)) }
    }

    /// The bits as an immutable buffer; resets the builder.
    public mutating func finish() -> Buffer {
        bits = 0
        ones = 0
        return storage.freeze()
    }

    /// The bits as a validity bitmap, or `.allValid` when no bit is clear (saves memory and work downstream).
    public mutating func finishValidity() -> ValidityBitmap {
        let allValid = setCount == count
        let buffer = finish()
        return allValid ? .allValid : ValidityBitmap(buffer: buffer)
    }
}
