/// A constant written in the query.
///
/// Numbers keep their exact spelling when they do not fit `Int64`, so no precision is lost before
/// the planner picks a type; typed literals keep their text for the same reason (parsing dates
/// and timestamps is the planner's job, where the session time zone is known).
public enum Literal: Sendable, Hashable {
    case null
    case boolean(Bool)
    case integer(Int64)
    /// Fractional, exponent, or too-large-for-`Int64` numbers, as written (e.g. `"1.5e-3"`).
    case decimal(String)
    case string(String)
    /// `DATE '2024-01-01'`
    case date(String)
    /// `TIME '12:00:00'`
    case time(String)
    /// `TIMESTAMP '2024-01-01 12:00:00'`
    case timestamp(String)
    /// `INTERVAL '5' MINUTE` (unit given) or `INTERVAL '10 seconds'` (unit inside the text).
    case interval(String, unit: DateTimeField?)
}
