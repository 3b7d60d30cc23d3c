/// Calendar arithmetic on the proleptic Gregorian calendar, without Foundation, so date and timestamp kernels
/// stay allocation-free and behave the same on every platform.
public enum Temporal {
    public static let secondsPerDay: Int64 = 86_400

    /// Days since 1970-01-01 for a civil date (Howard Hinnant's `days_from_civil`).
    public static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day)
    }

    public static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Floor division, so instants before 1970 land in the right day and second.
    @inlinable
    public static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    // MARK: Formatting

    public static func formatDate(_ days: Int32) -> String {
        let (y, m, d) = civilFromDays(Int64(days))
        return formatYear(y) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `HH:MM:SS` with as many fractional digits as the unit resolves.
    public static func formatTime(_ ticks: Int64, unit: TimeUnit) -> String {
        let (seconds, fraction) = floorDivide(ticks, unit.ticksPerSecond)
        let (_, secondOfDay) = floorDivide(seconds, secondsPerDay)
        return formatClock(secondOfDay) + formatFraction(fraction, unit: unit)
    }

    /// ISO 8601: `YYYY-MM-DDTHH:MM:SS[.fff…]`, with `Z` for UTC-adjusted values.
    public static func formatTimestamp(_ ticks: Int64, unit: TimeUnit, utc: Bool) -> String {
        let (seconds, fraction) = floorDivide(ticks, unit.ticksPerSecond)
        let (days, secondOfDay) = floorDivide(seconds, secondsPerDay)
        let date = formatDate(Int32(clamping: days))
        return date + "T" + formatClock(secondOfDay) + formatFraction(fraction, unit: unit) + (utc ? "Z" : "")
    }

    private static func formatClock(_ secondOfDay: Int64) -> String {
        pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
    }

    private static func formatFraction(_ fraction: Int64, unit: TimeUnit) -> String {
        switch unit {
        case .second: ""
        case .millisecond: "." + pad(fraction, 3)
        case .microsecond: "." + pad(fraction, 6)
        case .nanosecond: "." + pad(fraction, 9)
        }
    }

    private static func formatYear(_ year: Int64) -> String {
        if year < 0 { return "-" + pad(-year, 4) }
        return year > 9999 ? "+" + String(year) : pad(year, 4)
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
