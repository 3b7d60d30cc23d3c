import LaminarSQL

/// Builds random trees within the set the parser can produce (no negative literals, left-deep
/// unions and joins), so `parse(print(tree)) == tree` must hold for every one of them.
struct ASTGenerator {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func count(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func identifier() -> Identifier {
        Identifier(pick(["a", "b", "price", "ts", "window_start", "date", "source", "Mixed", "with space", "select",
                         "from", "x\"y", "größe", "_u", "t1", "order", "interval", "end"]))
    }

    mutating func string() -> String {
        pick(["", "abc", "it's", "line\nbreak", "ünï", "''", "%_", "--not a comment", "/* no */"])
    }

    mutating func literal() -> Literal {
        switch count(0...9) {
        case 0: return .null
        case 1: return .boolean(chance(50))
        case 2: return .integer(Int64.random(in: 0...Int64.max, using: &random))
        case 3: return .decimal(pick(["1.5", "0.001", "1e10", "2.5E-3", ".5", "99999999999999999999"]))
        case 4: return .string(string())
        case 5: return .date("2024-01-01")
        case 6: return .time("12:34:56")
        case 7: return .timestamp("2024-01-01 00:00:00.123")
        case 8: return .interval(pick(["5", "10 seconds", "1"]), unit: chance(50) ? pick([.second, .minute, .hour, .day]) : nil)
        default: return .integer(Int64(count(0...100)))
        }
    }

    mutating func type(depth: Int = 0) -> SQLType {
        let simple: [SQLType] = [
            .boolean, .tinyint, .smallint, .integer, .bigint, .real, .double, .decimal(precision: nil, scale: nil),
            .decimal(precision: 10, scale: 2), .decimal(precision: 5, scale: nil), .varchar(length: nil), .varchar(length: 20),
            .binary, .date, .time, .timestamp(precision: nil), .timestamp(precision: 3),
            .timestampWithTimeZone(precision: nil), .interval,
        ]
        guard depth < 3, chance(25) else { return pick(simple) }
        switch count(0...2) {
        case 0: return .array(type(depth: depth + 1))
        case 1: return .map(key: type(depth: depth + 1), value: type(depth: depth + 1))
        default: return .struct((0..<count(1...3)).map { _ in StructField(identifier(), type(depth: depth + 1)) })
        }
    }

    mutating func expression(depth: Int = 0) -> Expression {
        if depth > 4 || chance(20) {
            return chance(50) ? Expression(.literal(literal())) : Expression(.column((0..<count(1...2)).map { _ in identifier() }))
        }
        let d = depth + 1
        switch count(0...16) {
        case 0: return Expression(.unary(pick([.not, .minus, .plus]), expression(depth: d)))
        case 1, 2, 3: return Expression(.binary(expression(depth: d), pick(BinaryOperator.allCases), expression(depth: d)))
        case 4: return Expression(.isNull(expression(depth: d), negated: chance(50)))
        case 5: return Expression(.isDistinctFrom(expression(depth: d), expression(depth: d), negated: chance(50)))
        case 6: return Expression(.inList(expression(depth: d), (0..<count(1...3)).map { _ in expression(depth: d) }, negated: chance(50)))
        case 7: return Expression(.between(expression(depth: d), low: expression(depth: d), high: expression(depth: d), negated: chance(50)))
        case 8:
            return Expression(.like(
                expression(depth: d), pattern: expression(depth: d), escape: chance(30) ? expression(depth: d) : nil,
                negated: chance(50), caseInsensitive: chance(50)))
        case 9: return Expression(.cast(expression(depth: d), type(), pick([.cast, .tryCast, .postfix])))
        case 10:
            let star = chance(15)
            let arguments = star ? [] : (0..<count(0...3)).map { _ in expression(depth: d) }
            return Expression(.function(FunctionCall(
                name: identifier(), arguments: arguments, isDistinct: !arguments.isEmpty && chance(20), isStar: star)))
        case 11:
            return Expression(.caseWhen(
                operand: chance(40) ? expression(depth: d) : nil,
                branches: (0..<count(1...2)).map { _ in WhenClause(expression(depth: d), then: expression(depth: d)) },
                otherwise: chance(50) ? expression(depth: d) : nil))
        case 12: return Expression(.extract(pick(DateTimeField.allCases), expression(depth: d)))
        case 13: return Expression(.subquery(query(depth: d + 1)))
        case 14: return Expression(.exists(query(depth: d + 1)))
        case 15: return Expression(.inSubquery(expression(depth: d), query(depth: d + 1), negated: chance(50)))
        default: return Expression(.literal(literal()))
        }
    }

    mutating func relation(depth: Int) -> Relation {
        var relation = factor(depth: depth)
        for _ in 0..<count(0...2) {
            let kind = pick(JoinKind.allCases)
            relation = .join(relation, kind, factor(depth: depth), on: kind == .cross ? nil : expression(depth: depth + 2))
        }
        return relation
    }

    mutating func factor(depth: Int) -> Relation {
        if depth < 3, chance(20) {
            return .subquery(query(depth: depth + 1), alias: chance(70) ? identifier() : nil)
        }
        return .table(identifier(), alias: chance(40) ? identifier() : nil)
    }

    mutating func select(depth: Int) -> SelectQuery {
        var items: [SelectItem] = []
        for _ in 0..<count(1...3) {
            switch count(0...9) {
            case 0: items.append(.wildcard)
            case 1: items.append(.qualifiedWildcard(identifier()))
            default: items.append(.expression(expression(depth: depth + 1), alias: chance(40) ? identifier() : nil))
            }
        }
        return SelectQuery(
            isDistinct: chance(20), items: items, from: chance(80) ? relation(depth: depth) : nil,
            filter: chance(50) ? expression(depth: depth + 1) : nil,
            groupBy: chance(30) ? (0..<count(1...2)).map { _ in expression(depth: depth + 2) } : [],
            having: chance(20) ? expression(depth: depth + 2) : nil)
    }

    mutating func query(depth: Int = 0) -> Query {
        var body = QueryBody.select(select(depth: depth))
        if depth < 2 {
            for _ in 0..<(chance(20) ? count(1...2) : 0) {
                body = .union(body, .select(select(depth: depth + 1)), all: chance(50))
            }
        }
        return Query(
            body,
            orderBy: chance(30) ? (0..<count(1...2)).map { _ in
                OrderByItem(expression(depth: depth + 2), descending: chance(50), nullsFirst: chance(50) ? chance(50) : nil)
            } : [],
            limit: chance(20) ? .integer(Int64(count(0...1000))) : nil,
            offset: chance(10) ? .integer(Int64(count(0...1000))) : nil)
    }

    mutating func options() -> [WithOption] {
        var seen: Set<String> = []
        var result: [WithOption] = []
        for _ in 0..<count(0...4) {
            let key = pick(["connector", "Fields.ID.Kind", "delivery.guarantee", "select", "a b", "path", "x.y.z"])
            guard seen.insert(key.lowercased()).inserted else { continue }
            let value: OptionValue = pick([
                .string(string()), .number("42"), .number("-1.5"), .boolean(chance(50)), .identifier("kafka"),
                .identifier("JSON"), .identifier("Two Words"), .identifier("true"),
            ])
            result.append(WithOption(OptionKey(key), value))
        }
        return result
    }

    mutating func statement() -> Statement {
        switch count(0...10) {
        case 0:
            let columns = (0..<count(0...3)).map { _ in ColumnDefinition(identifier(), type(), nullable: chance(70)) }
            return .createSource(CreateSource(
                name: identifier(), ifNotExists: chance(50), columns: columns,
                watermark: chance(40) ? Watermark(column: identifier(), expression: expression(depth: 2)) : nil,
                options: options()))
        case 1:
            return .createSink(CreateSink(
                name: identifier(), ifNotExists: chance(50), input: chance(50) ? .query(query()) : .stream(identifier()),
                options: options()))
        case 2: return .createStream(CreateStream(name: identifier(), ifNotExists: chance(50), options: options(), query: query()))
        case 3: return .drop(DropStatement(pick(ObjectKind.allCases), name: identifier(), ifExists: chance(50)))
        case 4: return .show(pick(ObjectKind.allCases))
        case 5: return .describe(identifier())
        case 6: return .explain(query())
        case 7: return .set(options().first ?? WithOption("checkpoint_interval", .string("1s")))
        case 8: return .checkpoint
        default: return .query(query())
        }
    }
}
