/// Checks UTF-8 where the scanners meet a non-ASCII byte, so validation costs nothing on ASCII text and an error
/// can name the line and column it occurs in.
enum UTF8Validation {
    /// Length of the well-formed sequence starting at `index` (whose lead byte is at least 0x80) that ends by
    /// `end`, or nil for an invalid lead, a bad continuation, an overlong form, a surrogate or a truncation.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
        guard index < end, end <= bytes.count else { return nil }
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        let length: Int
        switch bytes[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return nil
        }
        guard end - index >= length else { return nil }
        let second = bytes[index + 1]
        guard second >= lower, second <= upper else { return nil }
        var offset = 2
        while offset < length {
            guard bytes[index + offset] & 0xC0 == 0x80 else { return nil }
            offset += 1
        }
        return length
    }
}
