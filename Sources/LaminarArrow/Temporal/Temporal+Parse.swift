/// Parsing of ISO 8601 and SQL date, time and timestamp literals.
extension Temporal {
    /// A parsed timestamp: ticks since the epoch in the requested unit, and whether the text named a zone.
    public struct ParsedTimestamp: Hashable, Sendable {
        public var ticks: Int64
        public var hadZone: Bool
    }

    /// Parses `YYYY-MM-DD` (optionally with a leading sign for years beyond 9999) into days since the epoch.
    public static func parseDate(_ text: some StringProtocol) -> Int32? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let days = scanner.date(), scanner.atEnd else { return nil }
        return Int32(exactly: days)
    }

    /// Parses `HH:MM[:SS[.fraction]]` into ticks since midnight.
    public static func parseTime(_ text: some StringProtocol, unit: TimeUnit) -> Int64? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let nanos = scanner.clock(), scanner.atEnd else { return nil }
        return nanos / (1_000_000_000 / unit.ticksPerSecond)
    }

    /// Parses `YYYY-MM-DD[( |T)HH:MM[:SS[.fraction]]][Z|±HH[:MM]| UTC]` into ticks since the epoch, UTC when a
    /// zone is given. Fractions finer than the unit are truncated; values out of Int64 range give nil.
    public static func parseTimestamp(_ text: some StringProtocol, unit: TimeUnit) -> ParsedTimestamp? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let days = scanner.date() else { return nil }
        var nanosOfDay: Int64 = 0
        if scanner.consume(UInt8(ascii: "T")) || scanner.consume(UInt8(ascii: " ")) {
            guard let clock = scanner.clock() else { return nil }
            nanosOfDay = clock
        }
        var offsetSeconds: Int64 = 0
        var hadZone = false
        if !scanner.atEnd {
            guard let offset = scanner.zone() else { return nil }
            offsetSeconds = offset
            hadZone = true
        }
        guard scanner.atEnd else { return nil }
        let perTick = 1_000_000_000 / unit.ticksPerSecond
        let (dayTicks, o1) = days.multipliedReportingOverflow(by: secondsPerDay * unit.ticksPerSecond)
        let (withClock, o2) = dayTicks.addingReportingOverflow(nanosOfDay / perTick)
        let (ticks, o3) = withClock.subtractingReportingOverflow(offsetSeconds * unit.ticksPerSecond)
        guard !o1, !o2, !o3 else { return nil }
        return ParsedTimestamp(ticks: ticks, hadZone: hadZone)
    }
}

/// A cursor over ASCII bytes for the literal parsers above.
private struct DigitScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
        var trimmed = bytes[...]
        while trimmed.first == UInt8(ascii: " ") { trimmed.removeFirst() }
        while trimmed.last == UInt8(ascii: " ") { trimmed.removeLast() }
        self.bytes = Array(trimmed)
    }

    var atEnd: Bool { position == bytes.count }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Reads between `min` and `max` decimal digits.
    mutating func number(min: Int, max: Int) -> (value: Int64, digits: Int)? {
        var value: Int64 = 0
        var digits = 0
        while digits < max, position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 {
            value = value * 10 + Int64(bytes[position] - 48)
            position += 1
            digits += 1
        }
        return digits >= min ? (value, digits) : nil
    }

    mutating func date() -> Int64? {
        let negative = consume(UInt8(ascii: "-"))
        if !negative { _ = consume(UInt8(ascii: "+")) }
        guard let year = number(min: 4, max: 9), consume(UInt8(ascii: "-")),
              let month = number(min: 1, max: 2), consume(UInt8(ascii: "-")),
              let day = number(min: 1, max: 2)
        else { return nil }
        let y = negative ? -year.value : year.value
        guard (1...12).contains(month.value),
              (1...Temporal.daysInMonth(year: y, month: month.value)).contains(day.value)
        else { return nil }
        return Temporal.daysFromCivil(year: y, month: month.value, day: day.value)
    }

    /// `HH:MM[:SS[.fraction]]` as nanoseconds since midnight.
    mutating func clock() -> Int64? {
        guard let hour = number(min: 1, max: 2), hour.value < 24, consume(UInt8(ascii: ":")),
              let minute = number(min: 2, max: 2), minute.value < 60
        else { return nil }
        var seconds: Int64 = 0
        var nanos: Int64 = 0
        if consume(UInt8(ascii: ":")) {
            guard let second = number(min: 2, max: 2), second.value < 60 else { return nil }
            seconds = second.value
            if consume(UInt8(ascii: ".")) {
                guard let fraction = number(min: 1, max: 9) else { return nil }
                nanos = fraction.value
                for _ in fraction.digits..<9 { nanos *= 10 }
                _ = number(min: 0, max: 30)
            }
        }
        return ((hour.value * 60 + minute.value) * 60 + seconds) * 1_000_000_000 + nanos
    }

    /// `Z`, `UTC`, or `±HH[:MM]` / `±HHMM`, as seconds east of UTC.
    mutating func zone() -> Int64? {
        _ = consume(UInt8(ascii: " "))
        if consume(UInt8(ascii: "Z")) || consume(UInt8(ascii: "z")) { return 0 }
        if consume(UInt8(ascii: "U")) {
            return consume(UInt8(ascii: "T")) && consume(UInt8(ascii: "C")) ? 0 : nil
        }
        let sign: Int64
        if consume(UInt8(ascii: "+")) { sign = 1 } else if consume(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let hours = number(min: 2, max: 2), hours.value <= 18 else { return nil }
        _ = consume(UInt8(ascii: ":"))
        let minutes = number(min: 2, max: 2)?.value ?? 0
        guard minutes < 60 else { return nil }
        return sign * (hours.value * 3600 + minutes * 60)
    }
}
