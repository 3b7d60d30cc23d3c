/// Prefix operators. `NOT` shares the enum with the arithmetic signs, though it binds far more
/// loosely (`NOT a = b` is `NOT (a = b)`), which the parser and printer handle by precedence.
public enum UnaryOperator: Sendable, Hashable {
    case not
    case minus
    case plus

    public var sql: String {
        switch self {
        case .not: return "NOT"
        case .minus: return "-"
        case .plus: return "+"
        }
    }
}
