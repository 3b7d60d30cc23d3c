import LaminarSQL
import Testing

/// One malformed input and where/what the error must report.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let sql: String
    let line: Int
    let column: Int
    let expected: String
    var kind: SQLError.Kind = .syntax

    var testDescription: String { sql }
}

@Suite struct ErrorTests {
    static let cases: [MalformedCase] = [
        MalformedCase(sql: "SELECT FROM t", line: 1, column: 8, expected: "an expression"),
        MalformedCase(sql: "SELECT 'abc", line: 1, column: 8, expected: "closing \"'\"", kind: .lexical),
        MalformedCase(sql: "SELECT a,\n  'unterminated\n more", line: 2, column: 3, expected: "closing \"'\"", kind: .lexical),
        MalformedCase(sql: "CREATE SOURCE s WITH (a = )", line: 1, column: 27, expected: "an option value"),
        MalformedCase(sql: "SELECT a FROM", line: 1, column: 14, expected: "a table name or subquery"),
        MalformedCase(sql: "SELECT (a + b FROM t", line: 1, column: 15, expected: "')'"),
        MalformedCase(sql: "CREATE TABLE t", line: 1, column: 8, expected: "SOURCE, SINK or STREAM"),
        MalformedCase(sql: "DROP TABLE x", line: 1, column: 6, expected: "SOURCE, SINK or STREAM"),
        MalformedCase(sql: "SHOW TABLES", line: 1, column: 6, expected: "SOURCES, SINKS or STREAMS"),
        MalformedCase(sql: "SELECT * FROM t WHERE", line: 1, column: 22, expected: "an expression"),
        MalformedCase(sql: "SELECT a FROM t LIMIT", line: 1, column: 22, expected: "an expression"),
        MalformedCase(sql: "SELECT CAST(a AS foo) FROM t", line: 1, column: 18, expected: "a data type"),
        MalformedCase(sql: "SELECT a FROM t ORDER a", line: 1, column: 23, expected: "BY"),
        MalformedCase(sql: "SELECT \"abc FROM t", line: 1, column: 8, expected: "closing '\"'", kind: .lexical),
        MalformedCase(sql: "SELECT 1 /* never closed", line: 1, column: 10, expected: "'*/'", kind: .lexical),
        MalformedCase(sql: "SELECT a FROM t GROUP BY", line: 1, column: 25, expected: "an expression"),
        MalformedCase(sql: "CREATE SOURCE s (a INT, ) WITH (x = 1)", line: 1, column: 25, expected: "a column definition"),
        MalformedCase(sql: "CREATE SOURCE s (a) WITH (x = 1)", line: 1, column: 19, expected: "a data type"),
        MalformedCase(sql: "CREATE SOURCE s WITH (a = 1, A = 2)", line: 1, column: 30, expected: "a distinct option name", kind: .duplicate),
        MalformedCase(sql: "CREATE SOURCE s WITH (a 1)", line: 1, column: 25, expected: "'='"),
        MalformedCase(sql: "CREATE SINK k WITH (a = 1)", line: 1, column: 27, expected: "AS"),
        MalformedCase(sql: "SELECT a FROM t WHERE a BETWEEN 1 b", line: 1, column: 35, expected: "AND"),
        MalformedCase(sql: "SELECT CASE WHEN a THEN b FROM t", line: 1, column: 27, expected: "WHEN, ELSE or END"),
        MalformedCase(sql: "SELECT a\nFROM t\nWHERE a = ;", line: 3, column: 11, expected: "an expression"),
        MalformedCase(sql: "SELECT 1abc", line: 1, column: 8, expected: "a number", kind: .lexical),
        MalformedCase(sql: "SELECT a ! b", line: 1, column: 10, expected: "a token", kind: .lexical),
        MalformedCase(sql: "SELECT EXTRACT(foo FROM ts) FROM t", line: 1, column: 16, expected: "a date/time field"),
        MalformedCase(sql: "SELECT a FROM t JOIN u", line: 1, column: 23, expected: "ON"),
        MalformedCase(sql: "SELECT a IS b", line: 1, column: 13, expected: "NULL, NOT NULL or DISTINCT FROM"),
        MalformedCase(sql: "SELECT a NOT b", line: 1, column: 14, expected: "IN, BETWEEN, LIKE or ILIKE"),
        MalformedCase(sql: "SELECT a FROM t x y", line: 1, column: 19, expected: "';' or end of input"),
        MalformedCase(sql: "CREATE SOURCE IF EXISTS s", line: 1, column: 18, expected: "NOT"),
        MalformedCase(sql: "SELECT x::ARRAY<INT FROM t", line: 1, column: 21, expected: "'>'"),
        MalformedCase(sql: "SELECT x::DECIMAL(10, FROM t", line: 1, column: 23, expected: "an integer"),
        MalformedCase(sql: "SELECT a FROM (SELECT b FROM t", line: 1, column: 31, expected: "')'"),
        MalformedCase(
            sql: "CREATE SOURCE s (a INT, WATERMARK FOR a AS a, WATERMARK FOR a AS a) WITH (x = 1)", line: 1, column: 47,
            expected: "',' or ')'", kind: .duplicate),
        MalformedCase(sql: "SELECT COUNT(DISTINCT) FROM t", line: 1, column: 22, expected: "an expression"),
        MalformedCase(sql: "SELECT a. FROM t", line: 1, column: 11, expected: "a column name"),
        MalformedCase(sql: "EXPLAIN DROP SOURCE x", line: 1, column: 9, expected: "SELECT"),
        MalformedCase(sql: "SELECT \"\" FROM t", line: 1, column: 8, expected: "an identifier name", kind: .lexical),
        MalformedCase(sql: "SELECT a = NOT b", line: 1, column: 12, expected: "an expression"),
        MalformedCase(sql: "SELECT a FROM t ORDER BY a NULLS", line: 1, column: 33, expected: "FIRST or LAST"),
        MalformedCase(sql: "INSERT INTO t VALUES (1)", line: 1, column: 1, expected: "a statement"),
        MalformedCase(sql: "SELECT 1 SELECT 2", line: 1, column: 10, expected: "';' or end of input"),
        MalformedCase(sql: "CREATE SOURCE s WITH ()", line: 1, column: 23, expected: "an option name"),
        MalformedCase(sql: "SELECT a FROM t WHERE a IN ()", line: 1, column: 29, expected: "an expression"),
        MalformedCase(sql: "\tSELECT ünïcode FROM t WHERE ?", line: 1, column: 30, expected: "a token", kind: .lexical),
    ]

    @Test(arguments: cases)
    func malformedSQLReportsWhereAndWhat(_ testCase: MalformedCase) throws {
        let error = try #require(parseError(testCase.sql))
        #expect(error.kind == testCase.kind, "\(error.description)")
        #expect(error.location.line == testCase.line, "\(error.description)")
        #expect(error.location.column == testCase.column, "\(error.description)")
        #expect(error.expected?.contains(testCase.expected) == true, "\(error.description)")
        #expect(error.message.contains("expected " + testCase.expected), "\(error.message)")
        #expect(error.found != nil)
        let rendered = error.description
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "error: " + error.message)
        #expect(rendered.contains("--> \(testCase.line):\(testCase.column)"))
        // The caret line: gutter, then spaces up to the column, then carets.
        let caretLine = try #require(lines.last)
        let caretStart = try #require(caretLine.firstIndex(of: "^"))
        let sourceLine = try #require(lines.dropLast().last)
        let prefix = "\(testCase.line) | "
        #expect(sourceLine.hasPrefix(prefix))
        #expect(caretLine.distance(from: caretLine.startIndex, to: caretStart) == prefix.count + testCase.column - 1)
    }

    @Test func descriptionRendersLikeACompiler() throws {
        let error = try #require(parseError("SELECT FROM t"))
        #expect(error.description == """
            error: expected an expression, found keyword FROM
             --> 1:8
              |
            1 | SELECT FROM t
              |        ^^^^
            """)
    }

    @Test func endOfInputIsReportedAsSuch() throws {
        let error = try #require(parseError("SELECT a FROM t WHERE"))
        #expect(error.found == "end of input")
        #expect(error.message == "expected an expression, found end of input")
    }

    @Test func optionErrorsCanBeGivenTheirSourceLater() throws {
        let sql = "CREATE SINK k WITH (target_file_size = 'huge') AS SELECT 1"
        guard case .createSink(let sink) = try statement(sql), let option = sink.options.option("target_file_size") else {
            Issue.record("unexpected parse")
            return
        }
        do {
            _ = try option.size()
            Issue.record("expected a size error")
        } catch {
            #expect(error.sourceLine == nil)
            let located = error.withSource(sql)
            #expect(located.description.contains("1 | " + sql))
            #expect(located.description.hasSuffix(String(repeating: " ", count: 39) + "^^^^^^"))
        }
    }
}
