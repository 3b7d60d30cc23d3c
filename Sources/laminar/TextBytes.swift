import LaminarArrow

/// Text renderings appended straight into a byte buffer, for the row writers of `laminar parquet cat`.
///
/// Going through `String` for every number, date and escape would allocate per value; these write digits in
/// place, so dumping a file costs little more than reading it.
enum TextBytes {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")

    // MARK: Numbers

    /// Decimal digits of `value`, left-padded with zeros to at least `width` digits.
    @inline(__always)
    static func appendUnsigned<T: FixedWidthInteger & UnsignedInteger>(_ value: T, width: Int = 1,
                                                                        to out: inout [UInt8]) {
        var digits = 1
        var probe = value
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        let count = max(digits, width)
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var rest = value
        out.withUnsafeMutableBufferPointer { buffer in
            var index = start + count - 1
            repeat {
                buffer[index] = UInt8(truncatingIfNeeded: rest % 10) &+ 48
                rest /= 10
                index -= 1
            } while rest > 0
        }
    }

    @inline(__always)
    static func appendSigned(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        appendUnsigned(value.magnitude, to: &out)
    }

    /// An unscaled decimal with its scale kept: `1230` at scale 2 is `12.30`, `-5` at scale 3 is `-0.005`.
    static func appendDecimal(_ unscaled: Int128, scale: Int, to out: inout [UInt8]) {
        if unscaled < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = unscaled.magnitude
        let width = scale > 0 ? scale + 1 : 1
        if let small = UInt64(exactly: magnitude) {
            appendUnsigned(small, width: width, to: &out)
        } else {
            appendUnsigned(magnitude, width: width, to: &out)
        }
        if scale > 0 {
            out.insert(UInt8(ascii: "."), at: out.count - scale)
        } else if scale < 0, magnitude != 0 {
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -scale))
        }
    }

    /// Shortest text that reads back as the same value; NaN and the infinities as `NaN`, `Infinity` and
    /// `-Infinity` (how Spark's and Jackson's JSON writers spell them), quoted when `quoted`.
    static func appendFloat<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, quoted: Bool,
                                                                               to out: inout [UInt8]) {
        guard value.isFinite else {
            if quoted { out.append(quote) }
            if value.isNaN {
                out.append(contentsOf: "NaN".utf8)
            } else {
                out.append(contentsOf: value < 0 ? "-Infinity".utf8 : "Infinity".utf8)
            }
            if quoted { out.append(quote) }
            return
        }
        out.append(contentsOf: value.description.utf8)
    }

    // MARK: Dates and times

    /// `YYYY-MM-DD`; years outside 0...9999 get a sign, as `Temporal.formatDate` writes them.
    static func appendDate(days: Int64, to out: inout [UInt8]) {
        let (year, month, day) = Temporal.civilFromDays(days)
        if year < 0 {
            out.append(UInt8(ascii: "-"))
        } else if year > 9999 {
            out.append(UInt8(ascii: "+"))
        }
        appendUnsigned(year.magnitude, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendUnsigned(UInt64(month), width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendUnsigned(UInt64(day), width: 2, to: &out)
    }

    /// `HH:MM:SS` of a second of the day.
    static func appendClock(secondOfDay: Int64, to out: inout [UInt8]) {
        let seconds = UInt64(secondOfDay)
        appendUnsigned(seconds / 3600, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendUnsigned(seconds / 60 % 60, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendUnsigned(seconds % 60, width: 2, to: &out)
    }

    /// `.ffffff`: always six digits (microseconds), except for nanosecond values with a sub-microsecond part,
    /// which keep all nine rather than lose precision (Spark's INT96 timestamps, nanosecond units but whole
    /// microseconds, still print with six).
    static func appendFraction(_ fraction: Int64, unit: TimeUnit, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "."))
        switch unit {
        case .second: appendUnsigned(UInt64(fraction) * 1_000_000, width: 6, to: &out)
        case .millisecond: appendUnsigned(UInt64(fraction) * 1_000, width: 6, to: &out)
        case .microsecond: appendUnsigned(UInt64(fraction), width: 6, to: &out)
        case .nanosecond:
            if fraction % 1_000 == 0 {
                appendUnsigned(UInt64(fraction) / 1_000, width: 6, to: &out)
            } else {
                appendUnsigned(UInt64(fraction), width: 9, to: &out)
            }
        }
    }

    /// `HH:MM:SS.ffffff` of ticks since midnight.
    static func appendTime(_ ticks: Int64, unit: TimeUnit, to out: inout [UInt8]) {
        let (seconds, fraction) = Temporal.floorDivide(ticks, unit.ticksPerSecond)
        let (_, secondOfDay) = Temporal.floorDivide(seconds, Temporal.secondsPerDay)
        appendClock(secondOfDay: secondOfDay, to: &out)
        appendFraction(fraction, unit: unit, to: &out)
    }

    /// ISO 8601 `YYYY-MM-DDTHH:MM:SS.ffffff`, with `Z` for instants (UTC-adjusted values).
    static func appendTimestamp(_ ticks: Int64, unit: TimeUnit, utc: Bool, to out: inout [UInt8]) {
        let (seconds, fraction) = Temporal.floorDivide(ticks, unit.ticksPerSecond)
        let (days, secondOfDay) = Temporal.floorDivide(seconds, Temporal.secondsPerDay)
        appendDate(days: days, to: &out)
        out.append(UInt8(ascii: "T"))
        appendClock(secondOfDay: secondOfDay, to: &out)
        appendFraction(fraction, unit: unit, to: &out)
        if utc { out.append(UInt8(ascii: "Z")) }
    }

    // MARK: Bytes and text

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard base64 (RFC 4648, section 4) with padding.
    static func appendBase64(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let alphabet = base64Alphabet
        out.reserveCapacity(out.count + (bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(alphabet[Int(group >> 18)])
            out.append(alphabet[Int(group >> 12 & 63)])
            out.append(alphabet[Int(group >> 6 & 63)])
            out.append(alphabet[Int(group & 63)])
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let group = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            out.append(alphabet[Int(group >> 18)])
            out.append(alphabet[Int(group >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// UTF-8 text as a JSON string (RFC 8259): quotes and backslashes escaped, control characters as the short
    /// escapes JSON has or `\u00XX`. Invalid UTF-8, which Parquet does not rule out, becomes U+FFFD, so the
    /// output always parses.
    static func appendJSONString(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(quote)
        if isASCII(bytes) || isValidUTF8(bytes) {
            appendEscaped(bytes, to: &out)
        } else {
            var repaired = String(decoding: bytes, as: UTF8.self)
            repaired.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), to: &out) }
        }
        out.append(quote)
    }

    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        var copy = text
        copy.withUTF8 { appendJSONString(UnsafeRawBufferPointer($0), to: &out) }
    }

    /// UTF-8 text unescaped (for CSV cells), with invalid sequences replaced by U+FFFD.
    static func appendText(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        if isASCII(bytes) || isValidUTF8(bytes) {
            out.append(contentsOf: bytes)
        } else {
            out.append(contentsOf: String(decoding: bytes, as: UTF8.self).utf8)
        }
    }

    private static func appendEscaped(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == quote || byte == backslash else { continue }
            if runStart < index { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index])) }
            runStart = index + 1
            out.append(backslash)
            switch byte {
            case quote, backslash: out.append(byte)
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                out.append(contentsOf: "u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            }
        }
        if runStart < bytes.count { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart...])) }
    }

    @inline(__always)
    private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    private static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
