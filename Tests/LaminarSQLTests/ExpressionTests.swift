import LaminarSQL
import Testing

@Suite struct ExpressionTests {
    @Test func literals() throws {
        #expect(try expression("42") == int(42))
        #expect(try expression("1.5") == .decimal("1.5"))
        #expect(try expression("2.5E-3") == .decimal("2.5E-3"))
        #expect(try expression(".5") == .decimal(".5"))
        #expect(try expression("99999999999999999999") == .decimal("99999999999999999999"))
        #expect(try expression("'it''s'") == str("it's"))
        #expect(try expression("TRUE") == .boolean(true))
        #expect(try expression("false") == .boolean(false))
        #expect(try expression("NULL") == .null)
        #expect(try expression("DATE '2024-01-01'") == Expression(.literal(.date("2024-01-01"))))
        #expect(try expression("TIME '12:00:00'") == Expression(.literal(.time("12:00:00"))))
        #expect(try expression("TIMESTAMP '2024-01-01 00:00:00'") == Expression(.literal(.timestamp("2024-01-01 00:00:00"))))
        #expect(try expression("INTERVAL '5' MINUTE") == .interval("5", .minute))
        #expect(try expression("INTERVAL '10 seconds'") == .interval("10 seconds"))
        #expect(try expression("INTERVAL 3 HOURS") == .interval("3", .hour))
    }

    @Test func columnsAndCalls() throws {
        #expect(try expression("a") == col("a"))
        #expect(try expression("T.A") == col("t", "a"))
        #expect(try expression("\"T\".\"Mixed Case\"") == col("T", "Mixed Case"))
        #expect(try expression("window_start") == col("window_start"))
        #expect(try expression("avg(price)") == call("avg", col("price")))
        #expect(try expression("now()") == call("now"))
        #expect(try expression("COUNT(*)") == Expression(.function(FunctionCall(name: "count", arguments: [], isStar: true))))
        #expect(try expression("count(DISTINCT x)") == .call("count", col("x"), distinct: true))
        #expect(try expression("TUMBLE(ts, INTERVAL '1' MINUTE)") == call("tumble", col("ts"), .interval("1", .minute)))
        #expect(
            try expression("HOP(ts, INTERVAL '10' SECOND, INTERVAL '1' MINUTE)")
                == call("hop", col("ts"), .interval("10", .second), .interval("1", .minute)))
        // Non-reserved keywords stay usable as names.
        #expect(try expression("date") == col("date"))
        #expect(try expression("date(ts)") == call("date", col("ts")))
        #expect(try expression("source.watermark") == col("source", "watermark"))
    }

    @Test func specialForms() throws {
        #expect(try expression("CAST(a AS BIGINT)") == Expression(.cast(col("a"), .bigint, .cast)))
        #expect(try expression("TRY_CAST(a AS DOUBLE)") == Expression(.cast(col("a"), .double, .tryCast)))
        #expect(try expression("a::int") == Expression(.cast(col("a"), .integer, .postfix)))
        #expect(try expression("EXTRACT(HOUR FROM ts)") == Expression(.extract(.hour, col("ts"))))
        #expect(try expression("extract(epoch from ts)") == Expression(.extract(.epoch, col("ts"))))
        #expect(
            try expression("CASE WHEN a > 1 THEN 'big' ELSE 'small' END")
                == Expression(.caseWhen(
                    operand: nil, branches: [WhenClause(bin(col("a"), .greater, int(1)), then: str("big"))],
                    otherwise: str("small"))))
        #expect(
            try expression("CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' END")
                == Expression(.caseWhen(
                    operand: col("x"),
                    branches: [WhenClause(int(1), then: str("a")), WhenClause(int(2), then: str("b"))],
                    otherwise: nil)))
        #expect(try expression("a IS NULL") == Expression(.isNull(col("a"), negated: false)))
        #expect(try expression("a IS NOT NULL") == Expression(.isNull(col("a"), negated: true)))
        #expect(try expression("a IS DISTINCT FROM b") == Expression(.isDistinctFrom(col("a"), col("b"), negated: false)))
        #expect(try expression("a IS NOT DISTINCT FROM b") == Expression(.isDistinctFrom(col("a"), col("b"), negated: true)))
        #expect(try expression("a IN (1, 2)") == Expression(.inList(col("a"), [int(1), int(2)], negated: false)))
        #expect(
            try expression("a BETWEEN 1 AND 2")
                == Expression(.between(col("a"), low: int(1), high: int(2), negated: false)))
        #expect(
            try expression("s LIKE 'a%' ESCAPE '!'")
                == Expression(.like(col("s"), pattern: str("a%"), escape: str("!"), negated: false, caseInsensitive: false)))
        #expect(
            try expression("s NOT ILIKE 'a%'")
                == Expression(.like(col("s"), pattern: str("a%"), escape: nil, negated: true, caseInsensitive: true)))
        #expect(try expression("'a' || 'b'") == bin(str("a"), .concat, str("b")))
        #expect(try expression("a != b") == bin(col("a"), .notEqual, col("b")))
        #expect(try expression("a <> b") == bin(col("a"), .notEqual, col("b")))
    }

    @Test func subqueries() throws {
        let inner = select(item(col("id")), from: table("t"))
        #expect(try expression("(SELECT id FROM t)") == Expression(.subquery(inner)))
        #expect(try expression("x IN (SELECT id FROM t)") == Expression(.inSubquery(col("x"), inner, negated: false)))
        #expect(try expression("NOT EXISTS (SELECT id FROM t)") == not(Expression(.exists(inner))))
    }

    @Test(arguments: [
        "1", "-1", "+x", "- -x", "NOT NOT a", "a + b * c", "(a + b) * c", "a - (b - c)", "a - b - c",
        "a / b % c", "-(a + b)", "(-x)::int", "-x::int", "x::ARRAY<INT>::VARCHAR", "(a OR b) AND c",
        "NOT (a AND b)", "a = (NOT b)", "(a = b) = c", "a = (b = c)", "a IS NULL IS NOT NULL",
        "(a BETWEEN 1 AND 2) BETWEEN (x = y) AND z", "a BETWEEN -1 AND +2", "a NOT IN (1, (2), 3 + 4)",
        "a LIKE b || 'x' ESCAPE '\\'", "'it''s' || \"Quoted \"\"Name\"\"\"", "CAST(a + 1 AS DECIMAL(10,2))",
        "TRY_CAST(s AS TIMESTAMP WITH TIME ZONE)", "CASE WHEN a THEN b END", "CASE a WHEN 1 THEN 2 ELSE 3 END",
        "EXTRACT(DOW FROM ts) + 1", "count(*) > 10", "f(DISTINCT a, b)", "x IS DISTINCT FROM y + 1",
        "\"select\" + \"from\"", "\"order\"(1)", "a.b.c", "DATE '2024-01-01' < TIMESTAMP '2024-01-01 00:00:00'",
        "INTERVAL '1' DAY + INTERVAL '10 seconds'", "(SELECT max(x) FROM t) + 1", "EXISTS (SELECT 1) OR FALSE",
        "1e10 * 2.5", "größe * 2", "\"ÄÖ\"", "left(name, 2) || right(name, 1)",
    ])
    func roundTrips(sql: String) throws {
        let parsed = try expression(sql)
        let printed = parsed.sql
        #expect(try expression(printed) == parsed, "\(sql) printed as \(printed)")
        #expect(try expression(printed).sql == printed)
    }

    @Test func printingIsCanonical() throws {
        #expect(try expression("a+b*c").sql == "a + b * c")
        #expect(try expression("((a+b))*c").sql == "(a + b) * c")
        #expect(try expression("a != b").sql == "a <> b")
        #expect(try expression("Price").sql == "price")
        #expect(try expression("\"Price\"").sql == "\"Price\"")
        #expect(try expression("\"select\"").sql == "\"select\"")
        #expect(try expression("'it''s'").sql == "'it''s'")
        #expect(try expression("cast(x as int)").sql == "CAST(x AS INTEGER)")
        #expect(try expression("x::text").sql == "x::VARCHAR")
        #expect(try expression("not a = b").sql == "NOT a = b")
        #expect(try expression("- - x").sql == "- -x")
        #expect(try expression("interval '5' minutes").sql == "INTERVAL '5' MINUTE")
        #expect(try expression("a is not distinct from b").sql == "a IS NOT DISTINCT FROM b")
    }

    @Test func locationsAreRecordedButIgnoredByEquality() throws {
        let parsed = try expression("  a +\n  foo(b)")
        guard case .binary(let lhs, _, let rhs) = parsed.kind, case .function(let function) = rhs.kind else {
            Issue.record("unexpected shape \(parsed)")
            return
        }
        #expect(parsed.location == SourceLocation(line: 1, column: 3, offset: 2))
        #expect(lhs.location.column == 3)
        #expect(rhs.location == SourceLocation(line: 2, column: 3, offset: 8))
        #expect(function.name.location == SourceLocation(line: 2, column: 3, offset: 8))
        #expect(parsed == bin(col("a"), .plus, call("foo", col("b"))))
        #expect(parsed.hashValue == bin(col("a"), .plus, call("foo", col("b"))).hashValue)
    }
}
