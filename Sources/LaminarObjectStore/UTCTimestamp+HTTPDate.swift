import LaminarArrow

extension UTCTimestamp {
    /// The RFC 1123 form of HTTP dates, `Wed, 12 Oct 2009 17:50:30 GMT`, which Azure's `x-ms-date` carries.
    /// Written by hand for the same reason as the parsers: Foundation's formatters are locale-dependent and not
    /// `Sendable`.
    public var httpDate: String {
        let days = Temporal.daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
        // 1970-01-01, day 0, was a Thursday.
        let (_, weekday) = Temporal.floorDivide(days + 4, 7)
        let monthName = Self.monthNames[max(0, min(11, month - 1))]
        return Self.weekdayNames[Int(weekday)] + ", " + Self.pad(day, 2) + " " + monthName + " "
            + String(year) + " " + Self.pad(hour, 2) + ":" + Self.pad(minute, 2) + ":" + Self.pad(second, 2) + " GMT"
    }

    private static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
}
