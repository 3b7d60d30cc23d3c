import LaminarSQL
import Testing

/// Parses one statement, failing the test (not crashing) on error.
func statement(_ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Statement {
    do {
        return try Parser.parseStatement(sql)
    } catch {
        Issue.record("parse failed:\n\(error.description)\nSQL: \(sql)", sourceLocation: sourceLocation)
        throw error
    }
}

func expression(_ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Expression {
    do {
        return try Parser.parseExpression(sql)
    } catch {
        Issue.record("parse failed:\n\(error.description)\nSQL: \(sql)", sourceLocation: sourceLocation)
        throw error
    }
}

/// Asserts `parse(print(parse(sql))) == parse(sql)` and that printing is idempotent.
@discardableResult
func assertRoundTrip(_ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Statement {
    let first = try statement(sql, sourceLocation: sourceLocation)
    let printed = first.sql
    let second = try statement(printed, sourceLocation: sourceLocation)
    #expect(first == second, "round trip changed the tree:\n  \(sql)\n  \(printed)", sourceLocation: sourceLocation)
    #expect(second.sql == printed, "printing is not idempotent", sourceLocation: sourceLocation)
    return first
}

/// Parses `sql`, expecting failure, and returns the error.
func parseError(_ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SQLError? {
    do {
        let statements = try Parser.parseScript(sql)
        Issue.record("expected an error, parsed \(statements.count) statement(s) from: \(sql)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

// Short builders for expected trees.
func col(_ names: Identifier...) -> Expression { Expression(.column(names)) }
func int(_ value: Int64) -> Expression { .integer(value) }
func str(_ value: String) -> Expression { .string(value) }
func bin(_ lhs: Expression, _ op: BinaryOperator, _ rhs: Expression) -> Expression { .binary(lhs, op, rhs) }
func not(_ operand: Expression) -> Expression { .unary(.not, operand) }
func neg(_ operand: Expression) -> Expression { .unary(.minus, operand) }
func call(_ name: Identifier, _ arguments: Expression...) -> Expression {
    Expression(.function(FunctionCall(name: name, arguments: arguments)))
}
func item(_ expression: Expression, as alias: Identifier? = nil) -> SelectItem { .expression(expression, alias: alias) }
func table(_ name: Identifier, as alias: Identifier? = nil) -> Relation { .table(name, alias: alias) }
func select(_ items: SelectItem..., from: Relation? = nil, filter: Expression? = nil) -> Query {
    Query(SelectQuery(items: items, from: from, filter: filter))
}
