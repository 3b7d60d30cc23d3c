/// Decimals stored as big-endian two's-complement bytes (FIXED_LEN_BYTE_ARRAY and BYTE_ARRAY columns).
enum DecimalBytes {
    /// The fewest bytes whose signed range holds every unscaled value of `precision` digits.
    static func width(forPrecision precision: Int) -> Int {
        var bound = Int128(1)
        for _ in 0..<precision { bound *= 10 }
        var width = 1
        while width < 16, bound - 1 > (Int128(1) << (width * 8 - 1)) - 1 { width += 1 }
        return width
    }

    /// Appends the low `width` bytes of `value`, most significant first.
    @inline(__always)
    static func append(_ value: Int128, width: Int, to output: UnsafeMutableRawPointer) {
        var shifted = value
        for index in stride(from: width - 1, through: 0, by: -1) {
            output.storeBytes(of: UInt8(truncatingIfNeeded: shifted), toByteOffset: index, as: UInt8.self)
            shifted >>= 8
        }
    }

    /// The value of up to 16 big-endian bytes, sign-extended; nil when wider values do not fit in 128 bits.
    @inline(__always)
    static func value(_ bytes: UnsafeRawBufferPointer) -> Int128? {
        guard !bytes.isEmpty else { return 0 }
        var start = 0
        // Wider encodings are legal when the extra leading bytes only repeat the sign.
        while bytes.count - start > 16 {
            let byte = bytes[start]
            let signExtension: UInt8 = bytes[start + 1] & 0x80 != 0 ? 0xFF : 0
            guard byte == signExtension else { return nil }
            start += 1
        }
        var result: Int128 = bytes[start] & 0x80 != 0 ? -1 : 0
        for index in start..<bytes.count { result = result << 8 | Int128(bytes[index]) }
        return result
    }
}
