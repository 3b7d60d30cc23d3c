import Foundation
import LaminarArrow

/// Decodes RFC 4180 CSV into record batches of a caller-given schema.
///
/// The input is held whole (files are read in one go) but decoded one batch at a time: each call to `next()`
/// scans only the records of that batch, straight from the bytes into Arrow builders, so memory stays at one
/// batch of columns plus the input. Columns are found in the header by name, ignoring case as SQL identifiers
/// do; header columns the schema does not mention are skipped without being converted.
public struct CSVReader: RecordBatchReader, Sendable {
    /// The schema every batch has.
    public let schema: Schema
    /// The header names as written in the file, in file order.
    public let header: [String]
    public let options: CSVOptions
    /// The name used in error messages, usually the file name.
    public let source: String

    private let data: [UInt8]
    private var scanner: CSVScanner
    /// For each header column, the schema column it fills, or nil when the schema does not use it.
    private let targets: [Int?]
    private let nullValues: [[UInt8]]
    private let emptyIsNull: Bool
    /// The first error, rethrown by every later call: after bad input the position is meaningless.
    private var failure: FileFormatError?

    /// Reads the header and matches it to `schema`; fails on a missing header, a schema column that the header
    /// lacks, a type that text cannot be converted to, or bad options.
    public init(data: [UInt8], schema: Schema, source: String = "<csv>", options: CSVOptions = CSVOptions())
        throws(FileFormatError)
    {
        try options.validate(source: source)
        for field in schema.fields where !CSVColumnBuilder.supports(field.type) {
            throw FileFormatError(.invalidArgument("CSV cannot hold \(field.type) values"), source: source,
                                  column: field.name)
        }
        self.data = data
        self.schema = schema
        self.options = options
        self.source = source
        nullValues = options.nullValues.map { Array($0.utf8) }
        emptyIsNull = options.nullValues.contains("")
        (scanner, header) = try Self.readHeader(data, options: options, source: source)
        let names = header
        var mapping = [Int?](repeating: nil, count: names.count)
        for (column, field) in schema.fields.enumerated() {
            let lowered = field.name.lowercased()
            // An exact match wins over a case-insensitive one; each header column fills at most one field.
            guard let index = names.indices.first(where: { mapping[$0] == nil && names[$0] == field.name })
                ?? names.indices.first(where: { mapping[$0] == nil && names[$0].lowercased() == lowered })
            else {
                throw FileFormatError(.missingColumn, source: source, line: 1, column: field.name)
            }
            mapping[index] = column
        }
        targets = mapping
    }

    /// Reads `data` whole; see `init(data:schema:source:options:)`.
    public init(data: Data, schema: Schema, source: String = "<csv>", options: CSVOptions = CSVOptions())
        throws(FileFormatError)
    {
        try self.init(data: [UInt8](data), schema: schema, source: source, options: options)
    }

    /// Scans the header record; the scanner is left at the first data record.
    static func readHeader(_ data: [UInt8], options: CSVOptions, source: String) throws(FileFormatError)
        -> (CSVScanner, [String])
    {
        try data.withFormatBuffer { (bytes) throws(FileFormatError) in
            var scanner = CSVScanner(delimiter: options.delimiter, source: source, bytes: bytes)
            var names: [String] = []
            guard try scanner.nextRecord(bytes, field: { _, value, _ in
                names.append(String(decoding: value, as: UTF8.self))
            }) != nil else {
                throw FileFormatError(.missingHeader, source: source, line: 1)
            }
            scanner.columnNames = names
            return (scanner, names)
        }
    }

    /// The next batch of at most `options.batchSize` rows, or nil when the input is exhausted.
    public mutating func next() throws(FileFormatError) -> RecordBatch? {
        if let failure { throw failure }
        do {
            return try readBatch()
        } catch {
            failure = error
            throw error
        }
    }


    private mutating func readBatch() throws(FileFormatError) -> RecordBatch? {
        let batchSize = options.batchSize
        let builders = schema.fields.map {
            CSVColumnBuilder(field: $0, source: source, capacity: min(batchSize, 1 << 16))
        }
        var lines: [Int] = []
        let expected = header.count
        var scanner = self.scanner
        let targets = self.targets
        let nullValues = self.nullValues
        let emptyIsNull = self.emptyIsNull
        defer { self.scanner = scanner }
        try data.withFormatBuffer { (bytes) throws(FileFormatError) in
            while lines.count < batchSize {
                scanner.skipBlankLines(bytes)
                let recordLine = scanner.line
                let record = try scanner.nextRecord(bytes) { (index, value, quoted) throws(FileFormatError) in
                    guard index < targets.count, let column = targets[index] else { return }
                    let builder = builders[column]
                    if (!quoted || builder.field.type != .utf8),
                       Self.isNull(value, emptyIsNull: emptyIsNull, nullValues: nullValues)
                    {
                        try builder.appendNull(line: recordLine)
                    } else {
                        try builder.append(value, line: recordLine)
                    }
                }
                guard let record else { break }
                guard record.fieldCount == expected else {
                    throw FileFormatError(.fieldCount(expected: expected, found: record.fieldCount), source: source,
                                          line: record.line)
                }
                lines.append(record.line)
            }
        }
        guard !lines.isEmpty else { return nil }
        var columns: [any ArrowArray] = []
        columns.reserveCapacity(builders.count)
        for builder in builders { columns.append(try builder.finish(lines: lines)) }
        if columns.isEmpty { return RecordBatch(emptySchemaRowCount: lines.count) }
        do {
            return try RecordBatch(schema: schema, columns: columns)
        } catch {
            throw FileFormatError(.invalidArgument(error.description), source: source)
        }
    }

    private static func isNull(_ value: UnsafeBufferPointer<UInt8>, emptyIsNull: Bool, nullValues: [[UInt8]]) -> Bool {
        if value.isEmpty { return emptyIsNull }
        for candidate in nullValues where candidate.count == value.count && candidate.elementsEqual(value) {
            return true
        }
        return false
    }
}
