/// Reads human-written durations: one or more `<number><unit>` parts (`10 seconds`, `1h 30m`).
enum DurationParser {
    /// ~31 million years: far beyond any sensible timeout, and far below where `Duration`
    /// arithmetic could overflow.
    private static let maximumSeconds = 1.0e15

    static func parse(_ text: String) -> Duration? {
        let parts = components(text.trimmingSpaces())
        guard let parts, !parts.isEmpty else { return nil }
        var total = Duration.zero
        var totalSeconds = 0.0
        for part in parts {
            guard let (whole, fraction, fractionDigits, unit) = NumberWithUnit.split(part),
                  let nanos = nanoseconds(per: unit.lowercased()) else { return nil }
            let value = Double(whole) + Double(fraction) / SizeParser.pow10(fractionDigits)
            totalSeconds += value * Double(nanos) / 1e9
            guard totalSeconds <= maximumSeconds else { return nil }
            total += Duration.nanoseconds(nanos) * Int(whole)
            if fractionDigits > 0 {
                let extra = Double(fraction) / SizeParser.pow10(fractionDigits) * Double(nanos)
                total += Duration.nanoseconds(Int64(extra.rounded()))
            }
        }
        return total
    }

    /// Splits `"1h 30m"` / `"1h30m"` / `"10 seconds"` into `["1h", "30m"]` / `["10 seconds"]`:
    /// a new part starts at a digit that follows a letter.
    private static func components(_ text: String) -> [String]? {
        var parts: [String] = []
        var current: [UInt8] = []
        var sawLetter = false
        for byte in text.utf8 {
            if Lexer.isDigit(byte) || byte == UInt8(ascii: ".") {
                if sawLetter {
                    parts.append(String(decoding: current, as: UTF8.self).trimmingSpaces())
                    current = []
                    sawLetter = false
                }
            } else if byte != UInt8(ascii: " ") {
                sawLetter = true
            }
            current.append(byte)
        }
        if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self).trimmingSpaces()) }
        return parts
    }

    private static func nanoseconds(per unit: String) -> Int64? {
        switch unit {
        case "ns", "nanosecond", "nanoseconds", "nanos": return 1
        case "us", "µs", "microsecond", "microseconds", "micros": return 1_000
        case "ms", "millisecond", "milliseconds", "millis": return 1_000_000
        case "s", "sec", "secs", "second", "seconds": return 1_000_000_000
        case "m", "min", "mins", "minute", "minutes": return 60_000_000_000
        case "h", "hr", "hrs", "hour", "hours": return 3_600_000_000_000
        case "d", "day", "days": return 86_400_000_000_000
        case "w", "week", "weeks": return 604_800_000_000_000
        default: return nil
        }
    }
}
