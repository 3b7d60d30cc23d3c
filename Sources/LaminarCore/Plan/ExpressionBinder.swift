import LaminarArrow
import LaminarSQL

/// Turns parsed expressions into typed ``PhysicalExpression``s: resolves names against a ``Scope``, picks
/// functions, inserts the implicit casts of ``TypeCoercion`` and folds constant subtrees.
struct ExpressionBinder {
    let scope: Scope
    /// Set while binding above a `GROUP BY`: names resolve to the aggregate's outputs.
    var aggregates: AggregateScope?

    init(scope: Scope, aggregates: AggregateScope? = nil) {
        self.scope = scope
        self.aggregates = aggregates
    }

    func bind(_ expression: Expression) throws(SQLError) -> any PhysicalExpression {
        if let aggregates {
            if let index = aggregates.keys[expression] ?? aggregates.aggregates[expression] {
                return outputColumn(index, aggregates)
            }
            if let window = try windowBound(expression, aggregates) { return window }
        }
        return try fold(try bindStructure(expression))
    }

    private func outputColumn(_ index: Int, _ aggregates: AggregateScope) -> ColumnExpression {
        let field = aggregates.output.fields[index]
        return ColumnExpression(index: index, name: field.name, dataType: field.type)
    }

    /// `TUMBLE_START(...)`, `HOP_END(...)`, `window_start`, `window_end` above a windowed `GROUP BY`.
    private func windowBound(_ expression: Expression, _ aggregates: AggregateScope) throws(SQLError) -> (any PhysicalExpression)? {
        var wantsEnd: Bool?
        switch expression.kind {
        case .function(let call):
            switch call.name.name.lowercased() {
            case "tumble_start", "hop_start": wantsEnd = false
            case "tumble_end", "hop_end": wantsEnd = true
            default: break
            }
        case .column(let path) where path.count == 1:
            switch path[0].name.lowercased() {
            case "window_start": wantsEnd = false
            case "window_end": wantsEnd = true
            default: break
            }
        default: break
        }
        guard let wantsEnd else { return nil }
        guard let index = wantsEnd ? aggregates.windowEnd : aggregates.windowStart else {
            if case .column = expression.kind { return nil }
            throw semantic("\(expression.sql) needs TUMBLE(...) or HOP(...) in GROUP BY", expression)
        }
        return outputColumn(index, aggregates)
    }

    // MARK: Structure

    private func bindStructure(_ expression: Expression) throws(SQLError) -> any PhysicalExpression {
        switch expression.kind {
        case .literal(let literal):
            return try bindLiteral(literal, expression)
        case .column(let path):
            if aggregates != nil {
                throw semantic("column \(path.map(\.name).joined(separator: ".")) must appear in GROUP BY or be used in an aggregate function", expression)
            }
            return try scope.resolve(path, location: expression.location)
        case .unary(let op, let operand):
            let bound = try bind(operand)
            switch op {
            case .not: return NotExpression(try boolean(bound, operand))
            case .plus:
                guard bound.dataType.isNumeric || bound.dataType == .null else { throw semantic("unary + needs a number", expression) }
                return bound
            case .minus:
                guard bound.dataType.isNumeric else { throw semantic("cannot negate \(bound.dataType)", expression) }
                return ArithmeticExpression(try zero(of: bound.dataType, expression), .subtract, bound, dataType: bound.dataType)
            }
        case .binary(let lhs, let op, let rhs):
            return try bindBinary(lhs, op, rhs, expression)
        case .isNull(let operand, let negated):
            return IsNullExpression(try bind(operand), negated: negated)
        case .isDistinctFrom(let lhs, let rhs, let negated):
            let (a, b) = try coerce(try bind(lhs), try bind(rhs), expression)
            let distinct = SelectionExpression(
                .firstTrue(conditions: [IsNullExpression(a, negated: false), IsNullExpression(b, negated: false)]),
                candidates: [IsNullExpression(b, negated: true), LiteralExpression(.boolean(true)),
                             ComparisonExpression(a, .notEqual, b)],
                dataType: .boolean, name: "IS DISTINCT FROM")
            return negated ? NotExpression(distinct) : distinct
        case .inList(let operand, let list, let negated):
            var bound = try bind(operand)
            var items: [any PhysicalExpression] = []
            for item in list { items.append(try bind(item)) }
            var type = bound.dataType
            for item in items {
                guard let common = commonType(LiteralExpression(.null, type: type), item) else {
                    throw semantic("IN list mixes \(type) and \(item.dataType)", expression)
                }
                type = common
            }
            bound = try cast(bound, to: type)
            var comparisons: [any PhysicalExpression] = []
            for item in items { comparisons.append(ComparisonExpression(bound, .equal, try cast(item, to: type))) }
            let any = LogicalExpression(.or, comparisons)
            return negated ? NotExpression(any) : any
        case .between(let operand, let low, let high, let negated):
            let value = try bind(operand)
            let (a1, lowBound) = try coerce(value, try bind(low), expression)
            let (a2, highBound) = try coerce(value, try bind(high), expression)
            let within = LogicalExpression(.and, [ComparisonExpression(a1, .greaterOrEqual, lowBound),
                                                  ComparisonExpression(a2, .lessOrEqual, highBound)])
            return negated ? NotExpression(within) : within
        case .like(let operand, let pattern, let escape, let negated, let caseInsensitive):
            let text = try cast(try bind(operand), to: .utf8)
            guard case .scalar(let value) = try constant(pattern), case .utf8(let patternText) = value else {
                throw semantic("LIKE needs a constant string pattern", pattern)
            }
            var escapeScalar: Unicode.Scalar?
            if let escape {
                guard case .scalar(.utf8(let escapeText)) = try constant(escape), escapeText.unicodeScalars.count == 1 else {
                    throw semantic("ESCAPE needs a single character", escape)
                }
                escapeScalar = escapeText.unicodeScalars.first
            }
            return LikeExpression(text, pattern: patternText, escape: escapeScalar, negated: negated,
                                  caseInsensitive: caseInsensitive)
        case .cast(let operand, let type, let kind):
            let target: DataType
            do {
                target = try TypeCoercion.dataType(type)
            } catch {
                throw semantic(error.message, expression)
            }
            return CastExpression(try bind(operand), to: target, options: kind == .tryCast ? .nullOnFailure : .default)
        case .function(let call):
            return try bindFunction(call, expression)
        case .caseWhen(let operand, let branches, let otherwise):
            return try bindCase(operand, branches, otherwise, expression)
        case .extract(let field, let operand):
            var bound = try bind(operand)
            if bound.dataType == .utf8 { bound = try cast(bound, to: .timestamp(.microsecond, timeZone: nil)) }
            guard bound.dataType == .date32 || { if case .timestamp = bound.dataType { true } else { false } }() else {
                throw semantic("EXTRACT needs a date or timestamp, found \(bound.dataType)", operand)
            }
            return ExtractExpression(field, bound)
        case .subquery, .exists, .inSubquery:
            throw semantic("subqueries in expressions are not supported yet", expression)
        }
    }

    private func bindLiteral(_ literal: Literal, _ expression: Expression) throws(SQLError) -> any PhysicalExpression {
        switch literal {
        case .null: return LiteralExpression(.null, type: .null)
        case .boolean(let value): return LiteralExpression(.boolean(value))
        case .integer(let value): return LiteralExpression(.int64(value))
        case .decimal(let text): return LiteralExpression(TypeCoercion.decimalLiteral(text))
        case .string(let text): return LiteralExpression(.utf8(text))
        case .date(let text):
            guard let days = Temporal.parseDate(text) else { throw semantic("invalid DATE '\(text)'", expression) }
            return LiteralExpression(.date32(days))
        case .time(let text):
            guard let ticks = Temporal.parseTime(text, unit: .microsecond) else { throw semantic("invalid TIME '\(text)'", expression) }
            return LiteralExpression(.time64(ticks, .microsecond))
        case .timestamp(let text):
            guard let parsed = Temporal.parseTimestamp(text, unit: .microsecond) else {
                throw semantic("invalid TIMESTAMP '\(text)'", expression)
            }
            return LiteralExpression(.timestamp(parsed.ticks, .microsecond, timeZone: parsed.hadZone ? "UTC" : nil))
        case .interval:
            throw semantic("an INTERVAL can only be added to or subtracted from a timestamp, or size a window", expression)
        }
    }

    // MARK: Operators

    private func bindBinary(_ lhs: Expression, _ op: BinaryOperator, _ rhs: Expression, _ expression: Expression)
        throws(SQLError) -> any PhysicalExpression
    {
        switch op {
        case .and, .or:
            var operands: [any PhysicalExpression] = []
            for side in [lhs, rhs] { operands.append(try boolean(try bind(side), side)) }
            return LogicalExpression(op == .and ? .and : .or, operands)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let (a, b) = try coerce(try bind(lhs), try bind(rhs), expression)
            return ComparisonExpression(a, comparison(op), b)
        case .concat:
            let a = try cast(try bind(lhs), to: .utf8)
            let b = try cast(try bind(rhs), to: .utf8)
            guard let concat = ScalarFunction.builtins["concat"] else { throw semantic("concat is missing", expression) }
            let joined = FunctionExpression(concat, arguments: [a, b], dataType: .utf8)
            // `||` is null when either side is; concat() skips nulls.
            let eitherNull = LogicalExpression(.or, [IsNullExpression(a, negated: false), IsNullExpression(b, negated: false)])
            return SelectionExpression(.firstTrue(conditions: [eitherNull]),
                                       candidates: [LiteralExpression(.null, type: .utf8), joined],
                                       dataType: .utf8, name: "||")
        case .plus, .minus:
            if let shifted = try bindShift(lhs, op, rhs, expression) { return shifted }
            return try bindArithmetic(lhs, op == .plus ? .add : .subtract, rhs, expression)
        case .multiply: return try bindArithmetic(lhs, .multiply, rhs, expression)
        case .divide: return try bindArithmetic(lhs, .divide, rhs, expression)
        case .modulo: return try bindArithmetic(lhs, .remainder, rhs, expression)
        }
    }

    private func comparison(_ op: BinaryOperator) -> ComparisonOperator {
        switch op {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        default: .greaterOrEqual
        }
    }

    /// `timestamp ± INTERVAL`, `date ± INTERVAL` (as a timestamp) and `date ± integer` (days).
    private func bindShift(_ lhs: Expression, _ op: BinaryOperator, _ rhs: Expression, _ expression: Expression)
        throws(SQLError) -> (any PhysicalExpression)?
    {
        let sign: Int64 = op == .plus ? 1 : -1
        var base = lhs
        var amount = rhs
        if case .literal(.interval) = lhs.kind, op == .plus { (base, amount) = (rhs, lhs) }
        if case .literal(.interval(let text, let unit)) = amount.kind {
            guard let micros = IntervalLiteral.micros(text, unit: unit) else {
                throw semantic("INTERVAL '\(text)' has no fixed length (use days, hours, minutes, seconds)", amount)
            }
            var bound = try bind(base)
            if bound.dataType == .date32 || bound.dataType == .utf8 {
                bound = try cast(bound, to: .timestamp(.microsecond, timeZone: nil))
            }
            guard case .timestamp(let unit, _) = bound.dataType else {
                throw semantic("cannot add an INTERVAL to \(bound.dataType)", expression)
            }
            let (scaled, overflow) = micros.multipliedReportingOverflow(by: unit.ticksPerSecond)
            guard !overflow else { throw semantic("INTERVAL '\(text)' is out of range for a timestamp", amount) }
            return TimestampShiftExpression(bound, delta: sign * (scaled / 1_000_000))
        }
        let left = try bind(lhs)
        guard left.dataType == .date32 else { return nil }
        let right = try bind(rhs)
        guard right.dataType.isInteger, let days = right.constantValue?.int64Value else {
            if right.dataType.isInteger { throw semantic("date ± days needs a constant number of days", rhs) }
            return nil
        }
        let (delta, overflow) = days.multipliedReportingOverflow(by: sign)
        guard !overflow else { throw semantic("\(days) days is out of range for a date", rhs) }
        return TimestampShiftExpression(left, delta: delta)
    }

    private func bindArithmetic(_ lhs: Expression, _ op: ArithmeticOperator, _ rhs: Expression, _ expression: Expression)
        throws(SQLError) -> any PhysicalExpression
    {
        let a = try bind(lhs)
        let b = try bind(rhs)
        // A string literal may stand for a number; a string column may not (DuckDB refuses it too).
        let stringColumn = [a, b].contains { $0.dataType == .utf8 && $0.constantValue == nil }
        guard !stringColumn, let common = commonType(a, b), common.isNumeric else {
            throw semantic("cannot apply \(op.rawValue) to \(a.dataType) and \(b.dataType)", expression)
        }
        // DuckDB divides in floating point: 7 / 2 is 3.5.
        if op == .divide || (common.isDecimal && op == .remainder) {
            return ArithmeticExpression(try cast(a, to: .float64), op, try cast(b, to: .float64), dataType: .float64)
        }
        if case .decimal128(_, let scale) = common, op == .multiply {
            let left = try cast(a, to: decimalOf(a.dataType, fallbackScale: scale))
            let right = try cast(b, to: decimalOf(b.dataType, fallbackScale: scale))
            guard case .decimal128(_, let s1) = left.dataType, case .decimal128(_, let s2) = right.dataType, s1 + s2 <= 38 else {
                throw semantic("decimal product has more than 38 fractional digits", expression)
            }
            return ArithmeticExpression(left, op, right, dataType: .decimal128(precision: 38, scale: s1 + s2))
        }
        let result: DataType
        if case .decimal128(_, let scale) = common { result = .decimal128(precision: 38, scale: scale) } else { result = common }
        return ArithmeticExpression(try cast(a, to: common), op, try cast(b, to: common), dataType: result)
    }

    private func decimalOf(_ type: DataType, fallbackScale: Int) -> DataType {
        if case .decimal128(_, let scale) = type { return .decimal128(precision: 38, scale: scale) }
        return .decimal128(precision: 38, scale: type.isInteger ? 0 : fallbackScale)
    }

    // MARK: Functions

    private func bindFunction(_ call: FunctionCall, _ expression: Expression) throws(SQLError) -> any PhysicalExpression {
        let name = call.name.name.lowercased()
        if expression.aggregateFunction != nil {
            throw semantic("aggregate \(name)() is not allowed here", expression)
        }
        if expression.windowFunction != nil || name.hasSuffix("_start") || name.hasSuffix("_end") {
            if ["tumble", "hop", "tumble_start", "tumble_end", "hop_start", "hop_end"].contains(name) {
                throw semantic("\(name.uppercased())(...) is only allowed in GROUP BY and the select list of a windowed query", expression)
            }
        }
        var arguments: [any PhysicalExpression] = []
        for argument in call.arguments { arguments.append(try bind(argument)) }
        switch name {
        case "coalesce", "ifnull":
            guard !arguments.isEmpty else { throw semantic("\(name) needs at least one argument", expression) }
            let type = try commonType(of: arguments, expression)
            var cast: [any PhysicalExpression] = []
            for argument in arguments { cast.append(try self.cast(argument, to: type)) }
            return SelectionExpression(.firstNonNull, candidates: cast, dataType: type, name: name.uppercased())
        case "nullif":
            guard arguments.count == 2 else { throw semantic("nullif takes two arguments", expression) }
            let (a, b) = try coerce(arguments[0], arguments[1], expression)
            return SelectionExpression(.firstTrue(conditions: [ComparisonExpression(a, .equal, b)]),
                                       candidates: [LiteralExpression(.null, type: arguments[0].dataType),
                                                    try cast(arguments[0], to: arguments[0].dataType)],
                                       dataType: arguments[0].dataType, name: "NULLIF")
        default:
            break
        }
        guard let function = ScalarFunction.builtins[name] else {
            throw semantic("unknown function \(name)()", expression)
        }
        guard function.arity.contains(arguments.count) else {
            throw semantic("\(name)() takes \(function.arity.lowerBound == function.arity.upperBound ? "\(function.arity.lowerBound)" : "\(function.arity.lowerBound) to \(function.arity.upperBound)") arguments, found \(arguments.count)", expression)
        }
        guard let (argumentTypes, result) = function.resolve(arguments.map(\.dataType)) else {
            throw semantic("\(name)() does not accept (\(arguments.map(\.dataType.description).joined(separator: ", ")))", expression)
        }
        var cast: [any PhysicalExpression] = []
        for (argument, type) in zip(arguments, argumentTypes) { cast.append(try self.cast(argument, to: type)) }
        return FunctionExpression(function, arguments: cast, dataType: result)
    }

    private func bindCase(_ operand: Expression?, _ branches: [WhenClause], _ otherwise: Expression?,
                          _ expression: Expression) throws(SQLError) -> any PhysicalExpression {
        var conditions: [any PhysicalExpression] = []
        var results: [any PhysicalExpression] = []
        var subject: (any PhysicalExpression)?
        if let operand { subject = try bind(operand) }
        for branch in branches {
            let condition = try bind(branch.condition)
            if let subject {
                let (a, b) = try coerce(subject, condition, branch.condition)
                conditions.append(ComparisonExpression(a, .equal, b))
            } else {
                conditions.append(try boolean(condition, branch.condition))
            }
            results.append(try bind(branch.result))
        }
        if let otherwise {
            results.append(try bind(otherwise))
        } else {
            results.append(LiteralExpression(.null, type: .null))
        }
        let type = try commonType(of: results, expression)
        var cast: [any PhysicalExpression] = []
        for result in results { cast.append(try self.cast(result, to: type)) }
        return SelectionExpression(.firstTrue(conditions: conditions), candidates: cast, dataType: type, name: "CASE")
    }

    // MARK: Types

    private func commonType(of expressions: [any PhysicalExpression], _ expression: Expression) throws(SQLError) -> DataType {
        var type = DataType.null
        for candidate in expressions {
            guard let common = TypeCoercion.commonType(type, candidate.dataType) else {
                throw semantic("cannot combine \(type) and \(candidate.dataType)", expression)
            }
            type = common
        }
        return type == .null ? .int32 : type
    }

    /// The common type, except that an integer constant that fits the other side's integer type takes that
    /// type, so `int32_col > 5` compares in 32 bits instead of widening the whole column.
    private func commonType(_ a: any PhysicalExpression, _ b: any PhysicalExpression) -> DataType? {
        if let value = b.constantValue, TypeCoercion.integerLiteral(value, fits: a.dataType) { return a.dataType }
        if let value = a.constantValue, TypeCoercion.integerLiteral(value, fits: b.dataType) { return b.dataType }
        return TypeCoercion.commonType(a.dataType, b.dataType)
    }

    /// Casts both sides to their common type; constants that fit the other side's integer type are narrowed.
    private func coerce(_ a: any PhysicalExpression, _ b: any PhysicalExpression, _ expression: Expression)
        throws(SQLError) -> (any PhysicalExpression, any PhysicalExpression)
    {
        if a.dataType == b.dataType { return (a, b) }
        guard let common = commonType(a, b) else {
            throw semantic("cannot compare \(a.dataType) with \(b.dataType)", expression)
        }
        return (try cast(a, to: common), try cast(b, to: common))
    }

    func cast(_ expression: any PhysicalExpression, to type: DataType) throws(SQLError) -> any PhysicalExpression {
        if expression.dataType == type { return expression }
        return try fold(CastExpression(expression, to: type))
    }

    private func boolean(_ expression: any PhysicalExpression, _ source: Expression) throws(SQLError) -> any PhysicalExpression {
        if expression.dataType == .boolean { return expression }
        if expression.dataType == .null { return try cast(expression, to: .boolean) }
        throw semantic("expected a boolean condition, found \(expression.dataType)", source)
    }

    private func zero(of type: DataType, _ expression: Expression) throws(SQLError) -> any PhysicalExpression {
        try cast(LiteralExpression(.int64(0)), to: type)
    }

    /// The value of a constant expression, or nil.
    private func constant(_ expression: Expression) throws(SQLError) -> ColumnarValue? {
        guard let value = try bind(expression).constantValue else { return nil }
        return .scalar(value)
    }

    /// Evaluates subtrees without column references once, at planning time.
    private func fold(_ expression: any PhysicalExpression) throws(SQLError) -> any PhysicalExpression {
        guard !(expression is LiteralExpression), expression.isConstant else { return expression }
        do {
            guard case .scalar(let value) = try expression.evaluate(RecordBatch(emptySchemaRowCount: 1)) else {
                return expression
            }
            return LiteralExpression(value, type: expression.dataType)
        } catch {
            throw SQLError(kind: .semantic, message: error.message, location: .unknown)
        }
    }

    func semantic(_ message: String, _ expression: Expression) -> SQLError {
        SQLError(kind: .semantic, message: message, location: expression.location, length: max(1, expression.sql.count))
    }
}

extension PhysicalExpression {
    /// Whether the expression reads no column, so it has one value for every row.
    var isConstant: Bool {
        switch self {
        case is ColumnExpression: return false
        case is LiteralExpression: return true
        case let e as ArithmeticExpression: return e.left.isConstant && e.right.isConstant
        case let e as ComparisonExpression: return e.left.isConstant && e.right.isConstant
        case let e as CastExpression: return e.operand.isConstant
        case let e as NotExpression: return e.operand.isConstant
        case let e as FunctionExpression:
            return !e.arguments.isEmpty && e.arguments.allSatisfy(\.isConstant) && e.function.name != "now"
        case let e as TimestampShiftExpression: return e.operand.isConstant
        default: return false
        }
    }
}
