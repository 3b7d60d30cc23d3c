/// Number syntax read straight from input bytes, so the common cases never build a `String`.
enum ByteParsing {
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `bytes` without leading and trailing spaces and tabs, which `Compute.cast` ignores too.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// `[+-]digits` exactly, nil when anything else is present or the value leaves `Int64`.
    static func int64(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard isDigit(byte) else { return nil }
            // Accumulate toward the sign so that Int64.min parses without overflowing on the way.
            let digit = Int64(byte &- 0x30)
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// `digits` exactly as an unsigned value, for integers above `Int64.max`.
    static func uint64(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var digits = bytes
        if digits.first == UInt8(ascii: "+") { digits = UnsafeBufferPointer(rebasing: bytes[1...]) }
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.addingReportingOverflow(UInt64(byte &- 0x30))
            guard !o1, !o2 else { return nil }
            value = next
        }
        return value
    }

    /// Whether the bytes spell a plain decimal number: `[+-]digits[.digits][e[+-]digits]`, with a digit on at
    /// least one side of the point. Words such as `nan` and `inf` are left out on purpose: schema inference would
    /// otherwise call a column of names like "Nan" numeric.
    static func isDecimalLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var digits = 0
        while index < count, isDigit(bytes[index]) { index += 1; digits += 1 }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, isDigit(bytes[index]) { index += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var exponentDigits = 0
            while index < count, isDigit(bytes[index]) { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        }
        return index == count
    }

    /// The bytes as text for error messages: at most 40 bytes, quoted, with invalid UTF-8 replaced.
    static func snippet(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool = true) -> String {
        let limit = 40
        let shown = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, limit)])
        var text = String(decoding: shown, as: UTF8.self)
        if bytes.count > limit { text += "…" }
        return quoted ? "\"" + text + "\"" : text
    }
}
