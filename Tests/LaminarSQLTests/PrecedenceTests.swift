import LaminarSQL
import Testing

@Suite struct PrecedenceTests {
    @Test func orAndNotComparison() throws {
        // a OR (b AND (NOT (c = d)))
        #expect(
            try expression("a OR b AND NOT c = d")
                == bin(col("a"), .or, bin(col("b"), .and, not(bin(col("c"), .equal, col("d"))))))
    }

    @Test func unaryMinusBindsLooserThanPostfixCast() throws {
        #expect(try expression("-x::int") == neg(Expression(.cast(col("x"), .integer, .postfix))))
        #expect(try expression("(-x)::int") == Expression(.cast(neg(col("x")), .integer, .postfix)))
    }

    @Test func betweenBoundsStopAtAnd() throws {
        #expect(
            try expression("a BETWEEN 1 AND 2 AND b")
                == bin(Expression(.between(col("a"), low: int(1), high: int(2), negated: false)), .and, col("b")))
        #expect(
            try expression("a BETWEEN 1 + 1 AND 2 * 3")
                == Expression(.between(col("a"), low: bin(int(1), .plus, int(1)), high: bin(int(2), .multiply, int(3)), negated: false)))
    }

    @Test func notIn() throws {
        #expect(try expression("x NOT IN (1,2)") == Expression(.inList(col("x"), [int(1), int(2)], negated: true)))
        #expect(try expression("NOT x IN (1,2)") == not(Expression(.inList(col("x"), [int(1), int(2)], negated: false))))
    }

    @Test func concatBindsTighterThanComparison() throws {
        #expect(try expression("a || b = c") == bin(bin(col("a"), .concat, col("b")), .equal, col("c")))
        #expect(try expression("a || b + c") == bin(col("a"), .concat, bin(col("b"), .plus, col("c"))))
    }

    @Test func arithmetic() throws {
        #expect(try expression("1 + 2 * 3") == bin(int(1), .plus, bin(int(2), .multiply, int(3))))
        #expect(try expression("1 - 2 - 3") == bin(bin(int(1), .minus, int(2)), .minus, int(3)))
        #expect(try expression("-a * b") == bin(neg(col("a")), .multiply, col("b")))
        #expect(try expression("a * -b") == bin(col("a"), .multiply, neg(col("b"))))
        #expect(try expression("a % b / c") == bin(bin(col("a"), .modulo, col("b")), .divide, col("c")))
    }

    @Test func comparisonsAreLeftAssociative() throws {
        #expect(try expression("a = b IS NULL") == Expression(.isNull(bin(col("a"), .equal, col("b")), negated: false)))
        #expect(try expression("a < b = c") == bin(bin(col("a"), .less, col("b")), .equal, col("c")))
    }

    @Test func andBindsTighterThanOr() throws {
        #expect(try expression("a AND b OR c") == bin(bin(col("a"), .and, col("b")), .or, col("c")))
        #expect(try expression("NOT a AND b") == bin(not(col("a")), .and, col("b")))
    }

    @Test func printerParenthesizesOnlyWhenNeeded() throws {
        let cases: [(Expression, String)] = [
            (bin(bin(col("a"), .plus, col("b")), .multiply, col("c")), "(a + b) * c"),
            (bin(col("a"), .minus, bin(col("b"), .minus, col("c"))), "a - (b - c)"),
            (bin(bin(col("a"), .minus, col("b")), .minus, col("c")), "a - b - c"),
            (bin(col("a"), .equal, not(col("b"))), "a = (NOT b)"),
            (not(bin(col("a"), .and, col("b"))), "NOT (a AND b)"),
            (neg(bin(col("a"), .plus, col("b"))), "-(a + b)"),
            (Expression(.cast(neg(col("x")), .integer, .postfix)), "(-x)::INTEGER"),
            (Expression(.between(col("a"), low: bin(col("x"), .and, col("y")), high: int(2), negated: false)), "a BETWEEN (x AND y) AND 2"),
            (bin(bin(col("a"), .or, col("b")), .and, col("c")), "(a OR b) AND c"),
        ]
        for (tree, text) in cases {
            #expect(tree.sql == text)
            #expect(try expression(text) == tree)
        }
    }
}
