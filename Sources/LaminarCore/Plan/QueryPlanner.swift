import LaminarArrow
import LaminarSQL

/// Plans a parsed `SELECT` into a ``LogicalPlan`` against a catalog of sources and streams.
///
/// Supported: one source, stream or subquery in `FROM`; `WHERE`; `GROUP BY` (by expression, alias or
/// position) with `TUMBLE`/`HOP` windows; aggregates; `HAVING`; `DISTINCT`; `ORDER BY` (by output name,
/// position or any expression) and `LIMIT`/`OFFSET` over bounded inputs.
public struct QueryPlanner: Sendable {
    public let catalog: any PlanningCatalog

    public init(catalog: any PlanningCatalog) {
        self.catalog = catalog
    }

    public func plan(_ query: Query) throws(SQLError) -> LogicalPlan {
        switch query.body {
        case .select(let select):
            return try planSelect(select, orderBy: query.orderBy, limit: query.limit, offset: query.offset)
        case .nested(let inner):
            let plan = try self.plan(inner)
            return try applyOrderAndLimit(plan, query)
        case .union:
            throw SQLError(kind: .semantic, message: "UNION is not supported yet", location: .unknown)
        }
    }

    // MARK: FROM

    private func planRelation(_ relation: Relation) throws(SQLError) -> (LogicalPlan, qualifier: String) {
        switch relation {
        case .table(let name, let alias):
            guard let found = catalog.relation(named: name.name) else {
                throw SQLError(kind: .semantic, message: "unknown source or stream \(name.name)", location: name.location,
                               length: name.name.count)
            }
            switch found {
            case .source(let source): return (.scan(source), alias?.name ?? name.name)
            case .stream(let query): return (try plan(query), alias?.name ?? name.name)
            }
        case .subquery(let query, let alias):
            return (try plan(query), alias?.name ?? "subquery")
        case .join:
            throw SQLError(kind: .semantic, message: "joins are not supported yet", location: .unknown)
        }
    }

    // MARK: SELECT

    private func planSelect(_ select: SelectQuery, orderBy: [OrderByItem], limit: Expression?, offset: Expression?)
        throws(SQLError) -> LogicalPlan
    {
        guard let from = select.from else {
            throw SQLError(kind: .semantic, message: "SELECT needs a FROM clause", location: .unknown)
        }
        var (plan, qualifier) = try planRelation(from)
        let inputScope = Scope(schema: plan.schema, qualifier: qualifier)
        let inputBinder = ExpressionBinder(scope: inputScope)
        if let filter = select.filter {
            plan = .filter(plan, predicate: try condition(filter, inputBinder, clause: "WHERE"))
        }
        let aggregateCalls = select.items.flatMap(\.expressions).flatMap(\.aggregateCalls)
            + (select.having?.aggregateCalls ?? []) + orderBy.flatMap(\.expression.aggregateCalls)
        var binder = inputBinder
        if !select.groupBy.isEmpty || !aggregateCalls.isEmpty {
            let (aggregate, scope) = try planAggregate(select, calls: aggregateCalls, input: plan, binder: inputBinder)
            plan = aggregate
            binder = ExpressionBinder(scope: Scope(schema: aggregate.schema, qualifier: nil), aggregates: scope)
            if let having = select.having {
                plan = .filter(plan, predicate: try condition(having, binder, clause: "HAVING"))
            }
        } else if let having = select.having {
            throw binder.semantic("HAVING needs GROUP BY or an aggregate", having)
        }

        var expressions: [any PhysicalExpression] = []
        var fields: [Field] = []
        var written: [Expression?] = []
        for item in select.items {
            switch item {
            case .wildcard, .qualifiedWildcard:
                guard binder.aggregates == nil else {
                    throw SQLError(kind: .semantic, message: "SELECT * cannot be combined with GROUP BY", location: .unknown)
                }
                for (index, column) in inputScope.columns.enumerated() {
                    if case .qualifiedWildcard(let name) = item, column.qualifier?.lowercased() != name.name.lowercased() {
                        continue
                    }
                    expressions.append(ColumnExpression(index: index, name: column.name, dataType: column.type))
                    fields.append(Field(name: column.name, type: column.type))
                    written.append(nil)
                }
            case .expression(let expression, let alias):
                let bound = try binder.bind(expression)
                expressions.append(bound)
                fields.append(Field(name: alias?.name ?? Self.name(of: expression), type: bound.dataType))
                written.append(expression)
            }
        }
        let visible = expressions.count

        var sortKeys: [SortKey] = []
        if !orderBy.isEmpty {
            guard plan.isBounded else {
                throw SQLError(kind: .semantic, message: "ORDER BY needs a bounded input; this query reads an unbounded source",
                               location: orderBy[0].expression.location)
            }
            for item in orderBy {
                var index: Int
                if let selected = try outputIndex(of: item.expression, fields: fields, written: written, visible: visible) {
                    index = selected
                } else {
                    if select.isDistinct {
                        throw binder.semantic("ORDER BY of a SELECT DISTINCT must name a selected column", item.expression)
                    }
                    let bound = try binder.bind(item.expression)
                    expressions.append(bound)
                    fields.append(Field(name: "__order\(expressions.count)", type: bound.dataType))
                    index = expressions.count - 1
                }
                let field = fields[index]
                sortKeys.append(SortKey(ColumnExpression(index: index, name: field.name, dataType: field.type),
                                        descending: item.isDescending, nullsFirst: item.nullsFirst ?? false))
            }
        }
        let projected = Schema(fields)
        plan = .project(plan, expressions: expressions, schema: projected)
        if select.isDistinct {
            let keys = fields.indices.map { ColumnExpression(index: $0, name: fields[$0].name, dataType: fields[$0].type) }
            plan = .aggregate(plan, keys: keys, aggregates: [], window: nil, schema: projected)
        }
        let (limitCount, offsetCount) = try limits(limit, offset)
        if !sortKeys.isEmpty {
            plan = .sort(plan, keys: sortKeys, limit: Self.rowsToKeep(limitCount, offsetCount))
        }
        if limitCount != nil || offsetCount > 0 {
            plan = .limit(plan, limit: limitCount, offset: offsetCount)
        }
        if expressions.count > visible {
            let kept = (0..<visible).map { ColumnExpression(index: $0, name: fields[$0].name, dataType: fields[$0].type) }
            plan = .project(plan, expressions: kept, schema: Schema(Array(fields[0..<visible])))
        }
        return plan
    }

    /// `ORDER BY 2`, `ORDER BY alias` and `ORDER BY <an expression also selected>` name an output column.
    private func outputIndex(of expression: Expression, fields: [Field], written: [Expression?], visible: Int)
        throws(SQLError) -> Int?
    {
        if case .literal(.integer(let position)) = expression.kind {
            guard position >= 1, position <= visible else {
                throw SQLError(kind: .semantic, message: "ORDER BY position \(position) is not in the select list (1 to \(visible))",
                               location: expression.location)
            }
            return Int(position) - 1
        }
        if let index = written[0..<visible].firstIndex(where: { $0 == expression }) { return index }
        if case .column(let path) = expression.kind, path.count == 1 {
            let name = path[0].name.lowercased()
            let matches = (0..<visible).filter { fields[$0].name.lowercased() == name }
            if matches.count == 1 { return matches[0] }
        }
        return nil
    }

    private func condition(_ expression: Expression, _ binder: ExpressionBinder, clause: String) throws(SQLError)
        -> any PhysicalExpression
    {
        let bound = try binder.bind(expression)
        if bound.dataType == .boolean { return bound }
        if bound.dataType == .null { return try binder.cast(bound, to: .boolean) }
        throw binder.semantic("\(clause) needs a boolean condition, found \(bound.dataType)", expression)
    }

    private func limits(_ limit: Expression?, _ offset: Expression?) throws(SQLError) -> (Int?, Int) {
        func constant(_ expression: Expression?, _ clause: String) throws(SQLError) -> Int? {
            guard let expression else { return nil }
            let binder = ExpressionBinder(scope: Scope(schema: Schema([]), qualifier: nil))
            guard let value = try binder.bind(expression).constantValue?.int64Value, value >= 0, let count = Int(exactly: value) else {
                throw binder.semantic("\(clause) needs a non-negative integer constant", expression)
            }
            return count
        }
        return (try constant(limit, "LIMIT"), try constant(offset, "OFFSET") ?? 0)
    }

    private func applyOrderAndLimit(_ plan: LogicalPlan, _ query: Query) throws(SQLError) -> LogicalPlan {
        guard !query.orderBy.isEmpty || query.limit != nil || query.offset != nil else { return plan }
        var result = plan
        let binder = ExpressionBinder(scope: Scope(schema: plan.schema, qualifier: nil))
        var keys: [SortKey] = []
        for item in query.orderBy {
            keys.append(SortKey(try binder.bind(item.expression), descending: item.isDescending, nullsFirst: item.nullsFirst ?? false))
        }
        let (limit, offset) = try limits(query.limit, query.offset)
        if !keys.isEmpty { result = .sort(result, keys: keys, limit: Self.rowsToKeep(limit, offset)) }
        if limit != nil || offset > 0 { result = .limit(result, limit: limit, offset: offset) }
        return result
    }

    /// How many sorted rows `LIMIT limit OFFSET offset` needs: all when there is no limit, and no more than
    /// `Int.max` however large the two are.
    static func rowsToKeep(_ limit: Int?, _ offset: Int) -> Int? {
        limit.map { limit in
            let (sum, overflow) = limit.addingReportingOverflow(offset)
            return overflow ? .max : sum
        }
    }

    /// The output name of an unaliased select item: a column's own name, otherwise the expression's SQL.
    static func name(of expression: Expression) -> String {
        if case .column(let path) = expression.kind, let last = path.last { return last.name }
        return expression.sql
    }
}

extension SelectItem {
    var expressions: [Expression] {
        if case .expression(let expression, _) = self { return [expression] }
        return []
    }
}
