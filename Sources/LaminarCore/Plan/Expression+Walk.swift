import LaminarSQL

extension Expression {
    /// The direct subexpressions, in source order; subqueries are not entered.
    var children: [Expression] {
        switch kind {
        case .literal, .column, .subquery, .exists: []
        case .unary(_, let operand), .isNull(let operand, _), .cast(let operand, _, _), .extract(_, let operand),
             .inSubquery(let operand, _, _):
            [operand]
        case .binary(let lhs, _, let rhs), .isDistinctFrom(let lhs, let rhs, _): [lhs, rhs]
        case .inList(let operand, let list, _): [operand] + list
        case .between(let operand, let low, let high, _): [operand, low, high]
        case .like(let operand, let pattern, let escape, _, _): [operand, pattern] + (escape.map { [$0] } ?? [])
        case .function(let call): call.arguments
        case .caseWhen(let operand, let branches, let otherwise):
            (operand.map { [$0] } ?? []) + branches.flatMap { [$0.condition, $0.result] } + (otherwise.map { [$0] } ?? [])
        }
    }

    /// The aggregate function this expression calls at its root, if any.
    var aggregateFunction: AggregateFunction? {
        guard case .function(let call) = kind else { return nil }
        switch call.name.name.lowercased() {
        case "count": return call.isDistinct ? .countDistinct : .count
        case "sum": return .sum
        case "min": return .min
        case "max": return .max
        case "avg", "mean": return .avg
        default: return nil
        }
    }

    /// Aggregate calls anywhere in the tree, outermost only, in source order.
    var aggregateCalls: [Expression] {
        if aggregateFunction != nil { return [self] }
        return children.flatMap(\.aggregateCalls)
    }

    /// The window function name (`tumble` or `hop`) if this is a window call.
    var windowFunction: String? {
        guard case .function(let call) = kind else { return nil }
        let name = call.name.name.lowercased()
        return name == "tumble" || name == "hop" ? name : nil
    }
}
