/// Infix operators, each with the binding strength used by both the parser and the printer so
/// the two can never disagree about where parentheses are needed.
public enum BinaryOperator: Sendable, Hashable, CaseIterable {
    case or, and
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    case concat
    case plus, minus
    case multiply, divide, modulo

    /// `<>` is canonical for inequality; `!=` parses to the same operator.
    public var sql: String {
        switch self {
        case .or: return "OR"
        case .and: return "AND"
        case .equal: return "="
        case .notEqual: return "<>"
        case .less: return "<"
        case .lessOrEqual: return "<="
        case .greater: return ">"
        case .greaterOrEqual: return ">="
        case .concat: return "||"
        case .plus: return "+"
        case .minus: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .modulo: return "%"
        }
    }

    var precedence: Precedence {
        switch self {
        case .or: return .or
        case .and: return .and
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return .comparison
        case .concat: return .concat
        case .plus, .minus: return .additive
        case .multiply, .divide, .modulo: return .multiplicative
        }
    }
}
