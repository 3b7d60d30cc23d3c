extension Expression {
    /// Canonical SQL with the fewest parentheses that still parse back to this exact tree.
    public var sql: String { sql(minimum: .lowest) }

    /// How tightly the printed form binds; a child printed into a slot that needs more gets
    /// parenthesized.
    var precedence: Precedence {
        switch kind {
        case .literal(let literal):
            return literal.isNegativeNumber ? .unary : .primary
        case .column, .function, .caseWhen, .extract, .subquery, .exists:
            return .primary
        case .cast(_, _, let style):
            return style == .postfix ? .cast : .primary
        case .unary(let op, _):
            return op == .not ? .not : .unary
        case .binary(_, let op, _):
            return op.precedence
        case .isNull, .isDistinctFrom, .inList, .inSubquery, .between, .like:
            return .comparison
        }
    }

    func sql(minimum: Precedence) -> String {
        let text = unparenthesizedSQL
        return precedence < minimum ? "(" + text + ")" : text
    }

    // Printing recurses once per tree level, so the dispatcher stays tiny and each form is
    // rendered in its own function; one big switch made every level cost kilobytes of stack in
    // debug builds.
    private var unparenthesizedSQL: String {
        switch kind {
        case .literal(let literal): return literal.sql
        case .column(let path): return Expression.columnSQL(path)
        case .unary(let op, let operand): return Expression.unarySQL(op, operand)
        case .binary(let lhs, let op, let rhs): return Expression.binarySQL(lhs, op, rhs)
        case .isNull(let operand, let negated): return Expression.isNullSQL(operand, negated)
        case .isDistinctFrom(let lhs, let rhs, let negated): return Expression.distinctSQL(lhs, rhs, negated)
        case .inList(let operand, let items, let negated): return Expression.inListSQL(operand, items, negated)
        case .inSubquery(let operand, let query, let negated): return Expression.inQuerySQL(operand, query, negated)
        case .between(let operand, let low, let high, let negated): return Expression.betweenSQL(operand, low, high, negated)
        case .like(let operand, let pattern, let escape, let negated, let caseInsensitive):
            return Expression.likeSQL(operand, pattern, escape, negated, caseInsensitive)
        case .cast(let operand, let type, let style): return Expression.castSQL(operand, type, style)
        case .function(let call): return call.sql
        case .caseWhen(let operand, let branches, let otherwise): return Expression.caseSQL(operand, branches, otherwise)
        case .extract(let field, let operand): return Expression.extractSQL(field, operand)
        case .subquery(let query): return Expression.querySQL("(", query)
        case .exists(let query): return Expression.querySQL("EXISTS (", query)
        }
    }

    private static func columnSQL(_ path: [Identifier]) -> String {
        path.map(\.sql).joined(separator: ".")
    }

    private static func unarySQL(_ op: UnaryOperator, _ operand: Expression) -> String {
        if op == .not { return "NOT " + operand.sql(minimum: .not) }
        let inner = operand.sql(minimum: .unary)
        // `--x` would start a comment.
        return op.sql + (inner.hasPrefix("-") ? " " : "") + inner
    }

    private static func binarySQL(_ lhs: Expression, _ op: BinaryOperator, _ rhs: Expression) -> String {
        let precedence = op.precedence
        return lhs.sql(minimum: precedence) + " " + op.sql + " " + rhs.sql(minimum: precedence.next)
    }

    private static func isNullSQL(_ operand: Expression, _ negated: Bool) -> String {
        operand.sql(minimum: .comparison) + (negated ? " IS NOT NULL" : " IS NULL")
    }

    private static func distinctSQL(_ lhs: Expression, _ rhs: Expression, _ negated: Bool) -> String {
        lhs.sql(minimum: .comparison) + (negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ")
            + rhs.sql(minimum: .comparison.next)
    }

    private static func inListSQL(_ operand: Expression, _ items: [Expression], _ negated: Bool) -> String {
        operand.sql(minimum: .comparison) + (negated ? " NOT IN (" : " IN (") + SQLPrinter.list(items) { $0.sql } + ")"
    }

    private static func inQuerySQL(_ operand: Expression, _ query: Query, _ negated: Bool) -> String {
        operand.sql(minimum: .comparison) + (negated ? " NOT IN (" : " IN (") + query.sql + ")"
    }

    private static func betweenSQL(_ operand: Expression, _ low: Expression, _ high: Expression, _ negated: Bool) -> String {
        operand.sql(minimum: .comparison) + (negated ? " NOT BETWEEN " : " BETWEEN ")
            + low.sql(minimum: .comparison.next) + " AND " + high.sql(minimum: .comparison.next)
    }

    private static func likeSQL(
        _ operand: Expression, _ pattern: Expression, _ escape: Expression?, _ negated: Bool, _ caseInsensitive: Bool
    ) -> String {
        var text = operand.sql(minimum: .comparison) + (negated ? " NOT " : " ")
            + (caseInsensitive ? "ILIKE " : "LIKE ") + pattern.sql(minimum: .comparison.next)
        if let escape {
            text += " ESCAPE " + escape.sql(minimum: .comparison.next)
        }
        return text
    }

    private static func castSQL(_ operand: Expression, _ type: SQLType, _ style: CastKind) -> String {
        switch style {
        case .postfix: return operand.sql(minimum: .cast) + "::" + type.sql
        case .cast: return "CAST(" + operand.sql + " AS " + type.sql + ")"
        case .tryCast: return "TRY_CAST(" + operand.sql + " AS " + type.sql + ")"
        }
    }

    private static func caseSQL(_ operand: Expression?, _ branches: [WhenClause], _ otherwise: Expression?) -> String {
        var text = "CASE"
        if let operand { text += " " + operand.sql }
        for branch in branches {
            text += " WHEN " + branch.condition.sql + " THEN " + branch.result.sql
        }
        if let otherwise { text += " ELSE " + otherwise.sql }
        return text + " END"
    }

    private static func extractSQL(_ field: DateTimeField, _ operand: Expression) -> String {
        "EXTRACT(" + field.sql + " FROM " + operand.sql + ")"
    }

    private static func querySQL(_ prefix: String, _ query: Query) -> String {
        prefix + query.sql + ")"
    }
}

extension FunctionCall {
    public var sql: String {
        if isStar { return name.sql + "(*)" }
        return name.sql + "(" + (isDistinct ? "DISTINCT " : "") + SQLPrinter.list(arguments) { $0.sql } + ")"
    }
}
