/// A calendar or clock unit, shared by `INTERVAL '5' MINUTE` and `EXTRACT(HOUR FROM ts)` so the
/// planner maps each unit once.
public enum DateTimeField: String, Sendable, Hashable, CaseIterable {
    case year, quarter, month, week, day, hour, minute, second
    case millisecond, microsecond, nanosecond
    /// Day of week (`DOW`); only meaningful for `EXTRACT`.
    case dayOfWeek = "dow"
    /// Day of year (`DOY`); only meaningful for `EXTRACT`.
    case dayOfYear = "doy"
    /// Seconds since 1970-01-01 (`EPOCH`); only meaningful for `EXTRACT`.
    case epoch

    /// Whether the unit can qualify an interval literal; `INTERVAL '1' DOW` means nothing.
    public var isIntervalUnit: Bool {
        switch self {
        case .dayOfWeek, .dayOfYear, .epoch: return false
        default: return true
        }
    }

    public var sql: String { rawValue.uppercased() }

    /// Accepts singular and plural spellings (`SECOND`, `SECONDS`) plus common abbreviations, since
    /// users copy units from many dialects.
    init?(word: String) {
        switch word {
        case "year", "years": self = .year
        case "quarter", "quarters": self = .quarter
        case "month", "months": self = .month
        case "week", "weeks": self = .week
        case "day", "days": self = .day
        case "hour", "hours": self = .hour
        case "minute", "minutes": self = .minute
        case "second", "seconds": self = .second
        case "millisecond", "milliseconds": self = .millisecond
        case "microsecond", "microseconds": self = .microsecond
        case "nanosecond", "nanoseconds": self = .nanosecond
        case "dow", "dayofweek": self = .dayOfWeek
        case "doy", "dayofyear": self = .dayOfYear
        case "epoch": self = .epoch
        default: return nil
        }
    }
}
