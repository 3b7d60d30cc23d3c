import LaminarArrow

/// A query as a tree of relational steps over one source, with every expression bound and typed.
///
/// Plans are linear (one input per step; joins are not supported yet), so running one is a chain of
/// ``StreamOperator``s from the scan upwards.
public indirect enum LogicalPlan: Sendable {
    case scan(SourceDescriptor)
    case filter(LogicalPlan, predicate: any PhysicalExpression)
    case project(LogicalPlan, expressions: [any PhysicalExpression], schema: Schema)
    case aggregate(LogicalPlan, keys: [any PhysicalExpression], aggregates: [AggregateCall], window: WindowSpec?,
                   schema: Schema)
    case sort(LogicalPlan, keys: [SortKey], limit: Int?)
    case limit(LogicalPlan, limit: Int?, offset: Int)

    public var schema: Schema {
        switch self {
        case .scan(let source): source.schema
        case .filter(let input, _), .sort(let input, _, _), .limit(let input, _, _): input.schema
        case .project(_, _, let schema), .aggregate(_, _, _, _, let schema): schema
        }
    }

    public var input: LogicalPlan? {
        switch self {
        case .scan: nil
        case .filter(let input, _), .project(let input, _, _), .aggregate(let input, _, _, _, _), .sort(let input, _, _),
             .limit(let input, _, _):
            input
        }
    }

    /// The source at the bottom of the plan.
    public var source: SourceDescriptor {
        switch self {
        case .scan(let source): source
        case .filter(let input, _), .project(let input, _, _), .aggregate(let input, _, _, _, _), .sort(let input, _, _),
             .limit(let input, _, _):
            input.source
        }
    }

    /// Whether the query ends: its source does, or a `LIMIT` without `ORDER BY` cuts it.
    public var isBounded: Bool {
        switch self {
        case .scan(let source): source.isBounded
        case .limit(_, .some, _): true
        default: input?.isBounded ?? true
        }
    }

    /// The steps from the scan upwards, excluding the scan.
    var steps: [LogicalPlan] {
        var steps: [LogicalPlan] = []
        var plan = self
        while let next = plan.input {
            steps.append(plan)
            plan = next
        }
        return steps.reversed()
    }

    /// Fresh operators for one run of the plan, scan excluded, in data-flow order.
    public func makeOperators() -> [any StreamOperator] {
        let unbounded = !source.isBounded
        return steps.map { step -> any StreamOperator in
            switch step {
            case .scan(let source):
                ProjectOperator(expressions: [], schema: source.schema)
            case .filter(let input, let predicate):
                FilterOperator(predicate: predicate, schema: input.schema)
            case .project(_, let expressions, let schema):
                ProjectOperator(expressions: expressions, schema: schema)
            case .aggregate(_, let keys, let aggregates, let window, let schema):
                AggregateOperator(keys: keys, aggregates: aggregates, window: window, emitsUpdates: unbounded,
                                  schema: schema)
            case .sort(let input, let keys, let limit):
                SortOperator(keys: keys, limit: limit, schema: input.schema)
            case .limit(let input, let limit, let offset):
                LimitOperator(limit: limit, offset: offset, schema: input.schema)
            }
        }
    }

    /// An indented tree, root first, as `EXPLAIN` prints it.
    public var explanation: String {
        var lines: [String] = []
        var plan: LogicalPlan? = self
        var depth = 0
        while let step = plan {
            lines.append(String(repeating: "  ", count: depth) + step.node)
            plan = step.input
            depth += 1
        }
        return lines.joined(separator: "\n")
    }

    private var node: String {
        switch self {
        case .scan(let source):
            "Scan: \(source.name) [\(source.schema.names.joined(separator: ", "))]"
                + (source.isBounded ? "" : " unbounded")
                + (source.watermark.map { ", watermark \($0)" } ?? "")
        case .filter(_, let predicate): "Filter: \(predicate)"
        case .project(_, let expressions, let schema):
            "Project: " + zip(expressions, schema.names).map { expression, name in
                expression.description == name ? name : "\(expression) AS \(name)"
            }.joined(separator: ", ")
        case .aggregate(_, let keys, let aggregates, let window, _):
            "Aggregate: keys [\(keys.map(\.description).joined(separator: ", "))]"
                + (window.map { ", window \($0)" } ?? "")
                + ", aggregates [\(aggregates.map(\.description).joined(separator: ", "))]"
        case .sort(_, let keys, let limit):
            "Sort: \(keys.map(\.description).joined(separator: ", "))" + (limit.map { ", top \($0)" } ?? "")
        case .limit(_, let limit, let offset):
            "Limit: \(limit.map(String.init) ?? "all")" + (offset > 0 ? " offset \(offset)" : "")
        }
    }
}
