/// Words with a meaning to the grammar.
///
/// Only the reserved ones are barred from use as bare identifiers; the rest (`SOURCE`, `DATE`,
/// `WATERMARK`, ...) stay usable as column and option names because streaming schemas use them
/// all the time.
enum Keyword: String, Sendable, CaseIterable {
    case all, and, array, `as`, asc, between, by, `case`, cast, create, cross, describe, desc, distinct
    case drop, `else`, end, escape, exists, explain, extract, `false`, first, `for`, from, full, group
    case having, `if`, ilike, `in`, inner, interval, `is`, join, last, left, like, limit, map, not
    case null, nulls, offset, on, or, order, outer, right, select, show, sink, sinks, source, sources
    case stream, streams, `struct`, then, time, timestamp, to, `true`, try_cast, union, watermark
    case when, `where`, with, without, zone, date, set, checkpoint
    case optimize, vacuum, retain, hours, dry, run

    /// Reserved words can never be bare identifiers: each could start or end a clause, so allowing
    /// them would make `SELECT a FROM t` ambiguous (is `FROM` an alias?).
    var isReserved: Bool {
        switch self {
        case .all, .and, .as, .asc, .between, .by, .case, .cast, .create, .cross, .desc, .distinct,
             .drop, .else, .end, .escape, .exists, .extract, .false, .for, .from, .full, .group, .having,
             .ilike, .in, .inner, .is, .join, .left, .like, .limit, .not, .null, .offset, .on, .or,
             .order, .outer, .right, .select, .then, .true, .try_cast, .union, .when, .where, .with:
            return true
        default:
            return false
        }
    }

    /// The spelling used in canonical SQL and in "expected ..." messages.
    var sql: String { rawValue.uppercased() }

    private static let byLowercase: [String: Keyword] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) }
    )

    /// Looks up an already lowercased word.
    static func lookup(lowercased word: String) -> Keyword? {
        byLowercase[word]
    }
}
