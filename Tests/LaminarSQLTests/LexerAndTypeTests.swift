import LaminarSQL
import Testing

@Suite struct LexerAndTypeTests {
    @Test func commentsWhitespaceAndCase() throws {
        let a = try statement("select\ta -- trailing\n/* block /* nested */ */ FROM\r\nT")
        #expect(a == .query(select(item(col("a")), from: table("t"))))
    }

    @Test func locationsCountLinesAndScalars() throws {
        let error = try #require(parseError("SELECT 'ü',\r\n  'ß' ?"))
        #expect(error.location == SourceLocation(line: 2, column: 7, offset: 21))
        let crError = try #require(parseError("SELECT 1,\r2,\r  ?"))
        #expect(crError.location.line == 3)
        #expect(crError.location.column == 3)
    }

    @Test func typesAndAliases() throws {
        let cases: [(String, SQLType)] = [
            ("BOOL", .boolean), ("BOOLEAN", .boolean), ("TINYINT", .tinyint), ("SMALLINT", .smallint), ("INT", .integer),
            ("INTEGER", .integer), ("BIGINT", .bigint), ("REAL", .real), ("FLOAT", .real), ("DOUBLE", .double),
            ("DOUBLE PRECISION", .double), ("DECIMAL(10,2)", .decimal(precision: 10, scale: 2)),
            ("NUMERIC", .decimal(precision: nil, scale: nil)), ("VARCHAR", .varchar(length: nil)),
            ("VARCHAR(20)", .varchar(length: 20)), ("STRING", .varchar(length: nil)), ("TEXT", .varchar(length: nil)),
            ("BINARY", .binary), ("BYTEA", .binary), ("DATE", .date), ("TIME", .time), ("TIMESTAMP", .timestamp(precision: nil)),
            ("TIMESTAMP(3)", .timestamp(precision: 3)), ("TIMESTAMP WITHOUT TIME ZONE", .timestamp(precision: nil)),
            ("TIMESTAMP WITH TIME ZONE", .timestampWithTimeZone(precision: nil)), ("TIMESTAMPTZ", .timestampWithTimeZone(precision: nil)),
            ("INTERVAL", .interval), ("ARRAY<INT>", .array(.integer)), ("INT[]", .array(.integer)), ("INT[][]", .array(.array(.integer))),
            ("MAP<VARCHAR, ARRAY<DOUBLE>>", .map(key: .varchar(length: nil), value: .array(.double))),
            ("STRUCT<a INT, \"B\" STRUCT<c DATE>>", .struct([StructField("a", .integer), StructField("B", .struct([StructField("c", .date)]))])),
        ]
        for (text, type) in cases {
            #expect(try Parser.parseType(text) == type, "\(text)")
            #expect(try Parser.parseType(type.sql) == type, "\(type.sql)")
        }
    }
}
