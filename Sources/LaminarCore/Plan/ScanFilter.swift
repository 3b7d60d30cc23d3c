import LaminarArrow

/// A conjunct of a query's `WHERE` clause in a form sources understand: a column compared with a constant.
/// A source may use it to skip data it can prove holds no matching row (a lake table's partitions and file
/// statistics); it never has to apply it, as the query's filter still runs on every row it returns.
public struct ScanFilter: Sendable, Hashable, CustomStringConvertible {
    public var column: String
    public var op: ComparisonOperator
    public var value: ScalarValue

    public init(column: String, op: ComparisonOperator, value: ScalarValue) {
        self.column = column
        self.op = op
        self.value = value
    }

    public var description: String { "\(column) \(op.rawValue) \(value)" }

    /// The column-versus-constant conjuncts of the filter applied right on top of the plan's scan.
    public static func conjuncts(of plan: LogicalPlan) -> [ScanFilter] {
        var node = plan
        while true {
            switch node {
            case .filter(.scan, let predicate): return conjuncts(of: predicate)
            case .scan: return []
            default:
                guard let input = node.input else { return [] }
                node = input
            }
        }
    }

    static func conjuncts(of predicate: any PhysicalExpression) -> [ScanFilter] {
        if let logical = predicate as? LogicalExpression, logical.op == .and {
            return logical.operands.flatMap { conjuncts(of: $0) }
        }
        guard let comparison = predicate as? ComparisonExpression else { return [] }
        if let column = comparison.left as? ColumnExpression, let literal = comparison.right as? LiteralExpression, literal.value != .null {
            return [ScanFilter(column: column.name, op: comparison.op, value: literal.value)]
        }
        if let literal = comparison.left as? LiteralExpression, let column = comparison.right as? ColumnExpression, literal.value != .null {
            return [ScanFilter(column: column.name, op: comparison.op.flipped, value: literal.value)]
        }
        return []
    }
}
