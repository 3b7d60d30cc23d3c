import LaminarArrow
import LaminarSQL

extension QueryPlanner {
    /// The `GROUP BY` step: keys, at most one window, and each distinct aggregate call once.
    func planAggregate(_ select: SelectQuery, calls: [Expression], input: LogicalPlan, binder: ExpressionBinder)
        throws(SQLError) -> (LogicalPlan, AggregateScope)
    {
        var keys: [any PhysicalExpression] = []
        var keyExpressions: [Expression] = []
        var fields: [Field] = []
        var window: WindowSpec?
        var windowCall: Expression?
        for written in select.groupBy {
            let expression = try resolveGroupItem(written, select, binder)
            if expression.windowFunction != nil {
                guard window == nil else { throw binder.semantic("only one window per GROUP BY", written) }
                window = try planWindow(expression, binder)
                windowCall = expression
                continue
            }
            let bound = try binder.bind(expression)
            keys.append(bound)
            keyExpressions.append(expression)
            fields.append(Field(name: QueryPlanner.name(of: expression), type: bound.dataType))
        }
        var scope = AggregateScope(keys: [:], aggregates: [:], windowStart: nil, windowEnd: nil, output: Schema([]))
        for (index, expression) in keyExpressions.enumerated() where scope.keys[expression] == nil {
            scope.keys[expression] = index
        }
        if let window, let windowCall {
            scope.windowStart = fields.count
            scope.windowEnd = fields.count + 1
            scope.keys[windowCall] = fields.count
            fields.append(Field(name: "window_start", type: window.boundType))
            fields.append(Field(name: "window_end", type: window.boundType))
        }
        var aggregates: [AggregateCall] = []
        for call in calls where scope.aggregates[call] == nil {
            let aggregate = try bindAggregate(call, binder)
            scope.aggregates[call] = fields.count
            fields.append(Field(name: aggregate.name, type: aggregate.resultType))
            aggregates.append(aggregate)
        }
        let schema = Schema(fields)
        scope.output = schema
        return (.aggregate(input, keys: keys, aggregates: aggregates, window: window, schema: schema), scope)
    }

    /// `GROUP BY 2` and `GROUP BY alias` stand for select items; anything else is an expression over the input.
    private func resolveGroupItem(_ written: Expression, _ select: SelectQuery, _ binder: ExpressionBinder)
        throws(SQLError) -> Expression
    {
        let items = select.items.flatMap(\.expressions)
        if case .literal(.integer(let position)) = written.kind {
            guard position >= 1, position <= items.count else {
                throw binder.semantic("GROUP BY position \(position) is not in the select list (1 to \(items.count))", written)
            }
            return items[Int(position) - 1]
        }
        if case .column(let path) = written.kind, path.count == 1,
           (try? binder.scope.resolve(path, location: written.location)) == nil {
            for case .expression(let expression, let alias?) in select.items
            where alias.name.lowercased() == path[0].name.lowercased() {
                return expression
            }
        }
        return written
    }

    /// `TUMBLE(ts, size)` or `HOP(ts, slide, size)` over a timestamp column, with constant intervals.
    private func planWindow(_ expression: Expression, _ binder: ExpressionBinder) throws(SQLError) -> WindowSpec {
        guard case .function(let call) = expression.kind else { throw binder.semantic("expected a window", expression) }
        let isHop = call.name.name.lowercased() == "hop"
        guard call.arguments.count == (isHop ? 3 : 2) else {
            throw binder.semantic(isHop ? "HOP takes (time, slide, size)" : "TUMBLE takes (time, size)", expression)
        }
        let time = try binder.bind(call.arguments[0])
        guard case .timestamp = time.dataType else {
            throw binder.semantic("window time column must be a timestamp, found \(time.dataType)", call.arguments[0])
        }
        var sizes: [Int64] = []
        for argument in call.arguments.dropFirst() {
            guard case .literal(.interval(let text, let unit)) = argument.kind,
                  let micros = IntervalLiteral.micros(text, unit: unit), micros > 0 else {
                throw binder.semantic("window sizes must be positive fixed INTERVALs such as INTERVAL '1' MINUTE", argument)
            }
            sizes.append(micros)
        }
        let size = sizes[sizes.count - 1]
        let slide = sizes[0]
        if isHop && (slide > size || size % slide != 0) {
            throw binder.semantic("HOP size must be a whole multiple of its slide", expression)
        }
        if case .timestamp(let unit, _) = time.dataType, unit == .second || unit == .millisecond {
            let tick: Int64 = unit == .second ? 1_000_000 : 1_000
            if size % tick != 0 || slide % tick != 0 {
                throw binder.semantic("window sizes must be whole \(unit.rawValue)s for a timestamp in \(unit.rawValue)s", expression)
            }
        }
        return WindowSpec(time: time, sizeMicros: size, slideMicros: slide)
    }

    private func bindAggregate(_ call: Expression, _ binder: ExpressionBinder) throws(SQLError) -> AggregateCall {
        guard case .function(let function) = call.kind, let kind = call.aggregateFunction else {
            throw binder.semantic("expected an aggregate", call)
        }
        let name = call.sql
        if function.isStar || function.arguments.isEmpty {
            guard kind == .count else { throw binder.semantic("\(function.name.name)(*) is not an aggregate; only COUNT(*)", call) }
            return AggregateCall(.count, argument: nil, name: name)
        }
        guard function.arguments.count == 1 else {
            throw binder.semantic("\(function.name.name) takes one argument", call)
        }
        let argument = function.arguments[0]
        guard argument.aggregateCalls.isEmpty else { throw binder.semantic("aggregates cannot be nested", argument) }
        let bound = try binder.bind(argument)
        let type = bound.dataType == .null ? DataType.int32 : bound.dataType
        guard let input = kind.inputType(for: type) else {
            throw binder.semantic("\(function.name.name.uppercased()) does not accept \(bound.dataType)", argument)
        }
        return AggregateCall(kind, argument: try binder.cast(bound, to: input), name: name)
    }
}
