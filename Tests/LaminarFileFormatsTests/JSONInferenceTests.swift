import LaminarArrow
import Testing
@testable import LaminarFileFormats

@Suite struct JSONInferenceTests {
    @Test func infersScalarsNestedTypesAndOrder() throws {
        let text = """
            {"id": 1, "price": 2, "ok": true, "name": "a", "day": "2024-01-31", "at": "2024-01-31T10:00:00"}
            {"price": 2.5, "tags": ["x"], "p": {"x": 1}, "id": null, "mixed": 1, "nothing": null}
            {"p": {"y": "2024-01-01", "x": 2.5}, "mixed": "one", "day": "2024-02-01", "at": "2024-02-01"}
            """
        let schema = try JSONLinesReader.inferSchema(data: Array(text.utf8))
        #expect(schema.names == ["id", "price", "ok", "name", "day", "at", "tags", "p", "mixed", "nothing"])
        #expect(schema.fields.map(\.type) == [
            .int64, .float64, .boolean, .utf8, .date32, .timestamp(.microsecond, timeZone: nil),
            .list(of: .utf8),
            .struct([Field(name: "x", type: .float64), Field(name: "y", type: .date32)]),
            .utf8, .utf8,
        ])
        // The inferred schema reads the file it came from; the mixed field keeps each value's JSON text.
        let batches = try readJSON(text, schema)
        #expect(column(batches, "mixed") == [.null, .utf8("1"), .utf8("one")])
        #expect(column(batches, "at")[1] == .null)
    }

    @Test func integersBeyondInt64AreDoubles() throws {
        let schema = try JSONLinesReader.inferSchema(data: Array(#"{"a": 18446744073709551615, "b": [[]], "c": {}}"#.utf8))
        #expect(schema.fields.map(\.type) == [.float64, .list(of: .list(of: .utf8)), .utf8])
    }

    @Test func respectsTheRecordLimit() throws {
        let text = "{\"a\": 1}\n{\"a\": \"x\", \"b\": 1}\n"
        let schema = try JSONLinesReader.inferSchema(data: Array(text.utf8), maxRecords: 1)
        #expect(schema == Schema([Field(name: "a", type: .int64)]))
    }
}
