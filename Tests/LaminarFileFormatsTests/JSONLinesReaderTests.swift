import LaminarArrow
import Testing
@testable import LaminarFileFormats

@Suite struct JSONLinesReaderTests {
    @Test func readsFieldsByNameWithMissingAsNull() throws {
        let schema = Schema([Field(name: "id", type: .int64), Field(name: "name", type: .utf8),
                             Field(name: "ok", type: .boolean)])
        let text = """
            {"name": "a", "id": 1, "ok": true, "extra": {"deep": [1, 2, {"x": null}]}}

            {"ID": 2, "Name": "b"}
            {"id": 3, "name": null, "ok": false}\r
            """
        let batches = try readJSON(text, schema)
        #expect(column(batches, "id") == [.int64(1), .int64(2), .int64(3)])
        #expect(column(batches, "name") == [.utf8("a"), .utf8("b"), .null])
        #expect(column(batches, "ok") == [.boolean(true), .null, .boolean(false)])
    }

    @Test func exactNameWinsOverCaseInsensitiveMatch() throws {
        let schema = Schema([Field(name: "a", type: .int64)])
        let batches = try readJSON(#"{"a": 1, "A": 2}"# + "\n" + #"{"A": 3}"# + "\n" + #"{"a": 4, "a": 5}"#, schema)
        #expect(column(batches, "a") == [.int64(1), .int64(3), .int64(5)])
    }

    @Test func stringEscapesAndSurrogatePairs() throws {
        let schema = Schema([Field(name: "s", type: .utf8)])
        let text = #"{"s": "q\"b\\s\/n\nt\tu\u00e9\u4e2d\ud83d\ude00 raw é😀"}"#
        let batches = try readJSON(text, schema)
        #expect(column(batches, "s") == [.utf8("q\"b\\s/n\nt\tué中😀 raw é😀")])
    }

    @Test func escapedKeysMatchToo() throws {
        let batches = try readJSON(#"{"n\u0061me": "x"}"#, Schema([Field(name: "name", type: .utf8)]))
        #expect(column(batches, "name") == [.utf8("x")])
    }

    @Test func int64ExtremesAreExact() throws {
        let schema = Schema([Field(name: "v", type: .int64), Field(name: "u", type: .uint64)])
        let text = """
            {"v": 9223372036854775807, "u": 18446744073709551615}
            {"v": -9223372036854775808, "u": "18446744073709551614"}
            {"v": 9007199254740993, "u": 1e3}
            """
        let batches = try readJSON(text, schema)
        #expect(column(batches, "v") == [.int64(.max), .int64(.min), .int64(9_007_199_254_740_993)])
        #expect(column(batches, "u") == [.uint64(.max), .uint64(.max - 1), .uint64(1000)])
    }

    @Test func everySupportedScalarType() throws {
        let schema = Schema([
            Field(name: "i8", type: .int8), Field(name: "i16", type: .int16), Field(name: "i32", type: .int32),
            Field(name: "u8", type: .uint8), Field(name: "f32", type: .float32), Field(name: "f64", type: .float64),
            Field(name: "dec", type: .decimal128(precision: 20, scale: 3)), Field(name: "day", type: .date32),
            Field(name: "ts", type: .timestamp(.millisecond, timeZone: "UTC")),
            Field(name: "epoch", type: .timestamp(.second, timeZone: nil)), Field(name: "raw", type: .utf8),
        ])
        let text = #"{"i8": -128, "i16": 300, "i32": 2.0, "u8": 255, "f32": 0.5, "f64": -1.25e2, "#
            + #""dec": 0.1234, "day": "2024-01-31", "ts": "2024-01-31T10:00:00+01:00", "epoch": 60, "#
            + #""raw": {"a": [1, 2.50]}}"#
        let row = try #require(try readJSON(text, schema).first).row(0)
        #expect(row[0] == .int8(-128))
        #expect(row[1] == .int16(300))
        #expect(row[2] == .int32(2))
        #expect(row[3] == .uint8(255))
        #expect(row[4] == .float32(0.5))
        #expect(row[5] == .float64(-125))
        #expect(row[6] == .decimal128(123, precision: 20, scale: 3))
        #expect(row[7] == .date32(Temporal.parseDate("2024-01-31") ?? 0))
        let millis = (Temporal.parseTimestamp("2024-01-31T09:00:00", unit: .millisecond)?.ticks ?? 0)
        #expect(row[8] == .timestamp(millis, .millisecond, timeZone: "UTC"))
        #expect(row[9] == .timestamp(60, .second, timeZone: nil))
        #expect(row[10] == .utf8(#"{"a": [1, 2.50]}"#))
    }

    @Test func nestedListsAndStructs() throws {
        let point = DataType.struct([Field(name: "x", type: .int64), Field(name: "y", type: .float64)])
        let schema = Schema([Field(name: "tags", type: .list(of: .utf8)), Field(name: "p", type: point),
                             Field(name: "path", type: .list(of: point))])
        let text = """
            {"tags": ["a", null, "b"], "p": {"y": 2, "x": 1}, "path": [{"x": 1}, null, {"x": 2, "y": 0.5}]}
            {"tags": [], "p": null}
            """
        let batches = try readJSON(text, schema)
        #expect(column(batches, "tags") == [
            .list([.utf8("a"), .null, .utf8("b")], element: Field(name: "item", type: .utf8)),
            .list([], element: Field(name: "item", type: .utf8)),
        ])
        let fields = [Field(name: "x", type: .int64), Field(name: "y", type: .float64)]
        #expect(column(batches, "p") == [.struct([.int64(1), .float64(2)], fields: fields), .null])
        let path = column(batches, "path")
        #expect(path[0] == .list([.struct([.int64(1), .null], fields: fields), .null,
                                  .struct([.int64(2), .float64(0.5)], fields: fields)],
                                 element: Field(name: "item", type: point)))
        #expect(path[1] == .null)
    }

    @Test func splitsIntoBatches() throws {
        let schema = Schema([Field(name: "n", type: .int64)])
        var text = ""
        for row in 0..<20_001 { text += "{\"n\": \(row)}\n" }
        let batches = try readJSON(text, schema)
        #expect(batches.map(\.rowCount) == [8192, 8192, 3617])
        #expect(try readJSON(text, schema, batchSize: 7_000).map(\.rowCount) == [7_000, 7_000, 6_001])
    }
}
