import Testing
import LaminarArrow
@testable import LaminarFileFormats

/// Reads a CSV string whole into one list of batches.
func readCSV(_ text: String, _ schema: Schema, options: CSVOptions = CSVOptions(), source: String = "t.csv")
    throws(FileFormatError) -> [RecordBatch]
{
    var reader = try CSVReader(data: Array(text.utf8), schema: schema, source: source, options: options)
    return try reader.readAll()
}

func readJSON(_ text: String, _ schema: Schema, batchSize: Int = 8192) throws(FileFormatError) -> [RecordBatch] {
    var reader = try JSONLinesReader(data: Array(text.utf8), schema: schema, source: "t.jsonl", batchSize: batchSize)
    return try reader.readAll()
}

/// The error a throwing body raised, or nil; any error other than `FileFormatError` fails the test.
func formatError(_ body: () throws -> Void) -> FileFormatError? {
    do {
        try body()
        return nil
    } catch let error as FileFormatError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

/// Column `name` of a single-batch result as scalars.
func column(_ batches: [RecordBatch], _ name: String) -> [ScalarValue] {
    batches.flatMap { $0.column(named: name)?.scalars ?? [] }
}
