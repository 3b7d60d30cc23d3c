/// Splits `"1.5 GiB"` into its number and unit, shared by the size and duration readers.
enum NumberWithUnit {
    /// Returns the whole part, the fraction digits as an integer and their count, and the unit
    /// text (possibly empty). Rejects signs, missing digits and absurdly long numbers.
    static func split(_ text: String) -> (whole: Int64, fraction: Int64, fractionDigits: Int, unit: String)? {
        let bytes = Array(text.utf8)
        var index = 0
        var whole: Int64 = 0
        var digits = 0
        while index < bytes.count, Lexer.isDigit(bytes[index]) {
            let (shifted, overflow1) = whole.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(Int64(bytes[index] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            whole = sum
            digits += 1
            index += 1
        }
        var fraction: Int64 = 0
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, Lexer.isDigit(bytes[index]) {
                // Digits past 15 cannot change a Double-scaled result; drop them instead of overflowing.
                if fractionDigits < 15 {
                    fraction = fraction * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
                    fractionDigits += 1
                }
                digits += 1
                index += 1
            }
        }
        guard digits > 0 else { return nil }
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        let unit = String(decoding: bytes[index...], as: UTF8.self)
        return (whole, fraction, fractionDigits, unit)
    }
}
