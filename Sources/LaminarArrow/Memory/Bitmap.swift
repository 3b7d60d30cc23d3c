/// Bit-level helpers for Arrow's LSB-first bitmaps (validity and boolean values).
public enum Bitmap {
    @inlinable
    public static func get(_ bytes: UnsafeRawPointer, _ index: Int) -> Bool {
        bytes.load(fromByteOffset: index >> 3, as: UInt8.self) & (1 << UInt8(index & 7)) != 0
    }

    @inlinable
    public static func set(_ bytes: UnsafeMutableRawPointer, _ index: Int, _ value: Bool) {
        let byte = bytes.load(fromByteOffset: index >> 3, as: UInt8.self)
        let mask: UInt8 = 1 << UInt8(index & 7)
        bytes.storeBytes(of: value ? byte | mask : byte & ~mask, toByteOffset: index >> 3, as: UInt8.self)
    }

    /// Number of set bits in `[offset, offset + count)`, a word at a time.
    public static func countSetBits(_ bytes: UnsafeRawPointer, offset: Int, count: Int) -> Int {
        var total = 0
        var index = offset
        let end = offset + count
        while index < end, index & 7 != 0 {
            if get(bytes, index) { total += 1 }
            index += 1
        }
        while index + 64 <= end {
            total += bytes.loadUnaligned(fromByteOffset: index >> 3, as: UInt64.self).nonzeroBitCount
            index += 64
        }
        while index + 8 <= end {
            total += bytes.load(fromByteOffset: index >> 3, as: UInt8.self).nonzeroBitCount
            index += 8
        }
        while index < end {
            if get(bytes, index) { total += 1 }
            index += 1
        }
        return total
    }

    public static func byteCount(forBits bits: Int) -> Int { (bits + 7) / 8 }
}

/// The validity (non-null) bits of an array, or `nil` storage when every value is valid.
public struct ValidityBitmap: Sendable {
    public let buffer: Buffer?
    /// Bit offset of the array's first element in `buffer`.
    public let offset: Int

    public init(buffer: Buffer?, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    public static let allValid = ValidityBitmap(buffer: nil)

    @inlinable
    public func isValid(_ index: Int) -> Bool {
        guard let buffer else { return true }
        return Bitmap.get(buffer.baseAddress, offset + index)
    }

    public func nullCount(count: Int) -> Int {
        guard let buffer else { return 0 }
        return count - Bitmap.countSetBits(buffer.baseAddress, offset: offset, count: count)
    }

    public func sliced(by start: Int) -> ValidityBitmap {
        ValidityBitmap(buffer: buffer, offset: offset + start)
    }
}
