import LaminarSQL

/// A fixed-length interval in microseconds, from `INTERVAL '5' SECOND`, `INTERVAL '1 hour 30 minutes'` or
/// `INTERVAL '250 ms'`. Months and years have no fixed length and are refused.
enum IntervalLiteral {
    static func micros(_ text: String, unit: DateTimeField?) -> Int64? {
        if let unit {
            guard let amount = Double(text.trimmed), let scale = microsPerUnit(unit) else { return nil }
            return exact(amount * Double(scale))
        }
        var total: Int64 = 0
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        var index = 0
        while index < words.count {
            var word = String(words[index])
            var amountText = word
            var unitText: String?
            if let split = word.firstIndex(where: { $0.isLetter }), split != word.startIndex {
                amountText = String(word[..<split])
                unitText = String(word[split...])
            }
            guard let amount = Double(amountText) else { return nil }
            if unitText == nil {
                index += 1
                guard index < words.count else { return nil }
                word = String(words[index])
                unitText = word
            }
            guard let name = unitText, let scale = microsPerUnit(named: name) else { return nil }
            guard let part = exact(amount * Double(scale)) else { return nil }
            total = total &+ part
            index += 1
        }
        return words.isEmpty ? nil : total
    }

    private static func exact(_ value: Double) -> Int64? {
        guard value.isFinite, abs(value) < 9.2e18 else { return nil }
        return Int64(value.rounded())
    }

    static func microsPerUnit(_ unit: DateTimeField) -> Int64? {
        switch unit {
        case .week: 7 * 86_400_000_000
        case .day: 86_400_000_000
        case .hour: 3_600_000_000
        case .minute: 60_000_000
        case .second: 1_000_000
        case .millisecond: 1_000
        case .microsecond: 1
        default: nil
        }
    }

    static func microsPerUnit(named name: String) -> Int64? {
        switch name {
        case "us", "usec", "usecs", "microsecond", "microseconds": 1
        case "ms", "msec", "msecs", "millisecond", "milliseconds": 1_000
        case "s", "sec", "secs", "second", "seconds": 1_000_000
        case "m", "min", "mins", "minute", "minutes": 60_000_000
        case "h", "hr", "hrs", "hour", "hours": 3_600_000_000
        case "d", "day", "days": 86_400_000_000
        case "w", "week", "weeks": 7 * 86_400_000_000
        default: nil
        }
    }
}

extension String {
    var trimmed: String {
        var view = self[...]
        while view.first?.isWhitespace == true { view = view.dropFirst() }
        while view.last?.isWhitespace == true { view = view.dropLast() }
        return String(view)
    }
}
