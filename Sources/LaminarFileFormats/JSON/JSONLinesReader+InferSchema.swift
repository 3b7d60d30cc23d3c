import Foundation
import LaminarArrow

extension JSONLinesReader {
    /// Guesses a schema from the first `maxRecords` records, as DuckDB's `read_json` does: integers are int64,
    /// other numbers float64, `true`/`false` boolean, strings utf8 unless every one is a date (date32) or a
    /// timestamp (timestamp in microseconds), objects structs and arrays lists. Fields appear in the order they
    /// were first seen. A field whose values disagree in kind, or that is only ever null, becomes utf8.
    public static func inferSchema(data: [UInt8], source: String = "<jsonl>", maxRecords: Int = 1000)
        throws(FileFormatError) -> Schema
    {
        var root = JSONInferredObject()
        try data.withFormatBuffer { (bytes) throws(FileFormatError) in
            var scanner = JSONScanner(bytes: bytes, source: source)
            var position = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var line = 1
            var records = 0
            while records < maxRecords, try scanner.nextObjectLine(position: &position, line: &line) {
                root.merge(try JSONInferredObject.infer(&scanner, depth: 0))
                try scanner.finishObjectLine()
                records += 1
            }
        }
        return Schema(root.fields)
    }

    /// Reads `data` whole; see `inferSchema(data:source:maxRecords:)`.
    public static func inferSchema(data: Data, source: String = "<jsonl>", maxRecords: Int = 1000)
        throws(FileFormatError) -> Schema
    {
        try inferSchema(data: [UInt8](data), source: source, maxRecords: maxRecords)
    }
}
