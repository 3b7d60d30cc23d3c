import Foundation
import LaminarArrow

extension CSVReader {
    /// Guesses a schema from the header and the first `maxRecords` records: per column, the narrowest of
    /// boolean, int64, float64, date32, timestamp and utf8 that reads every non-null sample, the types DuckDB's
    /// sniffer picks for the same files. Columns with no non-null sample are utf8, which reads anything.
    /// Malformed records fail here exactly as they would when reading.
    public static func inferSchema(
        data: [UInt8], source: String = "<csv>", options: CSVOptions = CSVOptions(), maxRecords: Int = 1000
    ) throws(FileFormatError) -> Schema {
        try options.validate(source: source)
        var (scanner, header) = try readHeader(data, options: options, source: source)
        var sniffers = [TextTypeSniffer](repeating: .forCSV(), count: header.count)
        let nullValues = Set(options.nullValues.map { Array($0.utf8) })
        let expected = header.count
        try data.withFormatBuffer { (bytes) throws(FileFormatError) in
            var records = 0
            while records < maxRecords {
                let record = try scanner.nextRecord(bytes) { index, value, quoted in
                    guard index < sniffers.count else { return }
                    if !quoted, nullValues.contains(Array(value)) { return }
                    sniffers[index].observe(value)
                }
                guard let record else { break }
                guard record.fieldCount == expected else {
                    throw FileFormatError(.fieldCount(expected: expected, found: record.fieldCount), source: source,
                                          line: record.line)
                }
                records += 1
            }
        }
        let fields = header.enumerated().map { index, name in
            // DuckDB names an unnamed column after its position.
            Field(name: name.isEmpty ? "column\(index)" : name, type: sniffers[index].resolvedType)
        }
        return Schema(fields)
    }

    /// Reads `data` whole; see `inferSchema(data:source:options:maxRecords:)`.
    public static func inferSchema(
        data: Data, source: String = "<csv>", options: CSVOptions = CSVOptions(), maxRecords: Int = 1000
    ) throws(FileFormatError) -> Schema {
        try inferSchema(data: [UInt8](data), source: source, options: options, maxRecords: maxRecords)
    }
}
