/// Which of the equivalent-looking cast spellings was used, because they differ in behaviour:
/// `TRY_CAST` yields NULL where `CAST` fails the query.
public enum CastKind: Sendable, Hashable {
    /// `CAST(x AS t)`
    case cast
    /// `TRY_CAST(x AS t)`
    case tryCast
    /// `x::t` (same semantics as `CAST`, kept so printing preserves the user's style)
    case postfix
}
