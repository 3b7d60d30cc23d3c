import LaminarArrow
import Testing
@testable import LaminarFileFormats

@Suite struct CSVInferenceTests {
    @Test func infersEveryType() throws {
        let text = """
            flag,count,ratio,day,moment,zoned,label,empty
            true,1,1,2024-01-31,2024-01-31 10:00:00,2024-01-31T10:00:00Z,a,
            FALSE,-2,2.5,2024-02-01,2024-02-01,2024-01-31 10:00:00+02:00,1,
            ,,,,,,,

            """
        let schema = try CSVReader.inferSchema(data: Array(text.utf8))
        #expect(schema.fields.map(\.type) == [
            .boolean, .int64, .float64, .date32, .timestamp(.microsecond, timeZone: nil),
            .timestamp(.microsecond, timeZone: "UTC"), .utf8, .utf8,
        ])
        #expect(schema.names == ["flag", "count", "ratio", "day", "moment", "zoned", "label", "empty"])
        // The inferred schema reads the same file.
        let batches = try readCSV(text, schema)
        #expect(column(batches, "ratio") == [.float64(1), .float64(2.5), .null])
        #expect(column(batches, "flag") == [.boolean(true), .boolean(false), .null])
    }

    @Test func widensAcrossSamplesAndStopsAtTheLimit() throws {
        let text = "a,b\n1,1\n2,x\n3.5,2\n"
        let all = try CSVReader.inferSchema(data: Array(text.utf8))
        #expect(all.fields.map(\.type) == [.float64, .utf8])
        let first = try CSVReader.inferSchema(data: Array(text.utf8), maxRecords: 1)
        #expect(first.fields.map(\.type) == [.int64, .int64])
    }

    @Test func overflowingIntegersAreDoublesAndWordsAreNotNumbers() throws {
        let text = "big,word\n99999999999999999999,nan\n"
        let schema = try CSVReader.inferSchema(data: Array(text.utf8))
        #expect(schema.fields.map(\.type) == [.float64, .utf8])
    }

    @Test func unnamedColumnsGetPositionalNames() throws {
        let schema = try CSVReader.inferSchema(data: Array("a,,c\n1,2,3\n".utf8))
        #expect(schema.names == ["a", "column1", "c"])
    }

    @Test func inferenceReportsMalformedRecords() {
        let error = formatError { _ = try CSVReader.inferSchema(data: Array("a,b\n1\n".utf8), source: "x.csv") }
        #expect(error?.description == "x.csv:2: expected 2 fields, found 1")
    }
}
