/// Text conversion of unscaled 128-bit decimals.
public enum DecimalFormat {
    /// `12345` with scale 2 is `"123.45"`; negative scales multiply (`12` with scale -2 is `"1200"`).
    public static func string(_ unscaled: Int128, scale: Int) -> String {
        let negative = unscaled < 0
        var digits = String(unscaled.magnitude)
        if scale <= 0 {
            if unscaled != 0 { digits += String(repeating: "0", count: -scale) }
            return (negative ? "-" : "") + digits
        }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }

    /// Parses a decimal literal (`-12.345`, `1e3`, `.5`) into an unscaled value at `scale`, rounding half away from
    /// zero when the text has more fractional digits. Nil when the text is not a number or needs more than
    /// `precision` digits.
    public static func parse(_ text: some StringProtocol, precision: Int, scale: Int) -> Int128? {
        var bytes = Array(text.utf8)[...]
        while bytes.first == UInt8(ascii: " ") { bytes.removeFirst() }
        while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        var exponent = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= 48, byte <= 57 {
                digits.append(byte - 48)
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let parsed = Int(String(decoding: bytes[(index + 1)...], as: UTF8.self)),
                      parsed > -1000, parsed < 1000 else { return nil }
                exponent = parsed
                break
            } else {
                return nil
            }
            index += 1
        }
        guard !digits.isEmpty else { return nil }
        // The number is digits × 10^(exponent − fractionDigits); shift it to `scale`.
        let shift = scale + exponent - fractionDigits
        var kept = digits
        var roundUp = false
        if shift < 0 {
            roundUp = -shift <= kept.count && kept[kept.count + shift] >= 5
            kept.removeLast(min(-shift, kept.count))
        } else {
            kept.append(contentsOf: repeatElement(0, count: shift))
        }
        var value: Int128 = 0
        for digit in kept {
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.addingReportingOverflow(Int128(digit))
            guard !o1, !o2 else { return nil }
            value = next
        }
        if roundUp { value += 1 }
        guard value < maxUnscaled(precision: precision) else { return nil }
        return negative ? -value : value
    }

    /// 10^precision: the smallest magnitude that does not fit `precision` digits.
    public static func maxUnscaled(precision: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<min(precision, 38) { result *= 10 }
        return precision >= 39 ? Int128.max : result
    }
}
