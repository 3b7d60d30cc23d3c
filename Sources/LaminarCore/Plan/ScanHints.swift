import LaminarArrow

/// What a query needs from its source's rows, so the source can read less: `WHERE` conjuncts it may use to
/// skip data, and the columns any operator reads. Hints never change results: the query's own filter runs
/// on every row, and columns outside `columns` are never looked at.
public struct ScanHints: Sendable, Hashable {
    public var filters: [ScanFilter]
    /// The source columns the query reads; nil when it needs them all.
    public var columns: Set<String>?

    public init(filters: [ScanFilter] = [], columns: Set<String>? = nil) {
        self.filters = filters
        self.columns = columns
    }

    public static let none = ScanHints()

    /// The hints a plan gives its scan.
    public init(plan: LogicalPlan) {
        self.init(filters: ScanFilter.conjuncts(of: plan), columns: Self.columns(usedBy: plan))
    }

    /// Names of the scan's columns the plan reads: those referenced by the operators that see the scan's
    /// rows (the first operator above it, through filters, sorts and limits, which keep its columns) and by
    /// the source's watermark. Nil when the scan's rows reach the output as they are.
    static func columns(usedBy plan: LogicalPlan) -> Set<String>? {
        var chain: [LogicalPlan] = []
        var node = plan
        while let input = node.input {
            chain.append(node)
            node = input
        }
        guard case .scan(let source) = node else { return nil }
        var names = Set<String>()
        if let watermark = source.watermark {
            names.insert(watermark.column)
            collect(watermark.expression, into: &names)
        }
        // Walk up from the scan: schema-keeping operators pass the scan's columns on; the first operator that
        // makes new columns (a projection or an aggregate) is the last to see them.
        for operation in chain.reversed() {
            switch operation {
            case .filter(_, let predicate): collect(predicate, into: &names)
            case .sort(_, let keys, _): collect(keys, into: &names)
            case .limit: continue
            case .project(_, let expressions, _):
                collect(expressions, into: &names)
                return names
            case .aggregate(_, let keys, let aggregates, let window, _):
                collect(keys, into: &names)
                collect(aggregates, into: &names)
                if let window { collect(window, into: &names) }
                return names
            case .scan: return nil
            }
        }
        return nil
    }

    /// Every column an expression tree refers to, found by reflection so that every kind of expression,
    /// aggregate and window, present or future, is covered.
    private static func collect(_ value: Any, into names: inout Set<String>) {
        if let column = value as? ColumnExpression {
            names.insert(column.name)
            return
        }
        for child in Mirror(reflecting: value).children { collect(child.value, into: &names) }
    }
}
