import LaminarSQL
import Testing

@Suite struct DepthTests {
    @Test func deepParenthesesReturnAnError() {
        let sql = "SELECT " + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let error = parseError(sql)
        #expect(error?.kind == .nestingTooDeep)
        #expect(error?.location.line == 1)
    }

    @Test func nestingJustBelowTheLimitParses() throws {
        let levels = Parser.maximumDepth - 10
        let sql = "SELECT " + String(repeating: "(", count: levels) + "1" + String(repeating: ")", count: levels)
        let parsed = try statement(sql)
        #expect(try statement(parsed.sql) == parsed)
    }

    @Test(arguments: ["NOT ", "- ", "+ "])
    func deepPrefixChainsReturnAnError(prefix: String) {
        let sql = "SELECT " + String(repeating: prefix, count: 100_000) + "1"
        #expect(parseError(sql)?.kind == .nestingTooDeep)
    }

    @Test(arguments: [" + 1", " AND TRUE", " || 'x'", "::INT"])
    func longOperatorChainsReturnAnError(suffix: String) {
        let sql = "SELECT 1" + String(repeating: suffix, count: 100_000)
        #expect(parseError(sql)?.kind == .nestingTooDeep)
    }

    @Test func deepSubqueriesAndTypesReturnAnError() {
        let subqueries = String(repeating: "SELECT * FROM (", count: 20_000) + "SELECT 1" + String(repeating: ")", count: 20_000)
        #expect(parseError(subqueries)?.kind == .nestingTooDeep)
        let types = "SELECT CAST(x AS " + String(repeating: "ARRAY<", count: 50_000) + "INT" + String(repeating: ">", count: 50_000) + ")"
        #expect(parseError(types)?.kind == .nestingTooDeep)
        let brackets = "SELECT CAST(x AS INT" + String(repeating: "[]", count: 50_000) + ")"
        #expect(parseError(brackets)?.kind == .nestingTooDeep)
        let cases = String(repeating: "SELECT CASE WHEN ", count: 1) + String(repeating: "CASE WHEN ", count: 50_000) + "1"
        #expect(parseError(cases)?.kind == .nestingTooDeep)
        let unions = "SELECT 1" + String(repeating: " UNION ALL SELECT 1", count: 50_000)
        #expect(parseError(unions)?.kind == .nestingTooDeep)
        let joins = "SELECT 1 FROM a" + String(repeating: " CROSS JOIN a", count: 50_000)
        #expect(parseError(joins)?.kind == .nestingTooDeep)
    }
}
