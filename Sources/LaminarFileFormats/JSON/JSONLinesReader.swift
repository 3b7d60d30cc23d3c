import Foundation
import LaminarArrow

/// Decodes JSON Lines (one object per line) into record batches of a caller-given schema.
///
/// Values are scanned straight from the bytes into Arrow builders by a small JSON scanner: Foundation's
/// `JSONSerialization` would build an `NSDictionary` per line and round int64 values through `Double`. Keys
/// match field names exactly first and case-insensitively second; missing keys and `null` give nulls; keys the
/// schema does not name are validated and skipped. The input is held whole but decoded one batch per `next()`.
public struct JSONLinesReader: RecordBatchReader, Sendable {
    public let schema: Schema
    /// The name used in error messages, usually the file name.
    public let source: String
    /// Rows per batch; 8192 by default, as for CSV.
    public let batchSize: Int

    private let data: [UInt8]
    private var position: Int
    /// The 1-based line `position` is on.
    private var line = 1
    /// The first error, rethrown by every later call.
    private var failure: FileFormatError?

    /// Checks the batch size and that every field type can be read from JSON; reading starts with `next()`.
    public init(data: [UInt8], schema: Schema, source: String = "<jsonl>", batchSize: Int = 8192)
        throws(FileFormatError)
    {
        guard batchSize > 0 else {
            throw FileFormatError(.invalidArgument("batch size must be positive, got \(batchSize)"), source: source)
        }
        self.data = data
        self.schema = schema
        self.source = source
        self.batchSize = batchSize
        // A UTF-8 byte order mark is not part of the first record.
        position = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        _ = try Self.makeDecoders(schema, source: source, capacity: 0)
    }

    /// Reads `data` whole; see `init(data:schema:source:batchSize:)`.
    public init(data: Data, schema: Schema, source: String = "<jsonl>", batchSize: Int = 8192)
        throws(FileFormatError)
    {
        try self.init(data: [UInt8](data), schema: schema, source: source, batchSize: batchSize)
    }

    /// The next batch of at most `batchSize` rows, or nil when the input is exhausted.
    public mutating func next() throws(FileFormatError) -> RecordBatch? {
        if let failure { throw failure }
        do {
            return try readBatch()
        } catch {
            failure = error
            throw error
        }
    }


    private static func makeDecoders(_ schema: Schema, source: String, capacity: Int) throws(FileFormatError)
        -> (builders: [any ArrayBuilder], decoders: [any JSONValueDecoder])
    {
        var builders: [any ArrayBuilder] = []
        var decoders: [any JSONValueDecoder] = []
        for field in schema.fields {
            let builder = makeBuilder(for: field.type, capacity: capacity)
            builders.append(builder)
            decoders.append(try makeJSONDecoder(field: field, path: field.name, builder: builder, source: source))
        }
        return (builders, decoders)
    }

    private mutating func readBatch() throws(FileFormatError) -> RecordBatch? {
        let (builders, decoders) = try Self.makeDecoders(schema, source: source, capacity: min(batchSize, 1 << 16))
        var matcher = JSONFieldMatcher(fields: schema.fields)
        var position = self.position
        var line = self.line
        var rows = 0
        let batchSize = self.batchSize
        let source = self.source
        defer {
            self.position = position
            self.line = line
        }
        try data.withFormatBuffer { (bytes) throws(FileFormatError) in
            var scanner = JSONScanner(bytes: bytes, source: source)
            while rows < batchSize, try scanner.nextObjectLine(position: &position, line: &line) {
                try JSONStructDecoder.decodeMembers(&scanner, matcher: &matcher, children: decoders)
                try scanner.finishObjectLine()
                rows += 1
            }
        }
        guard rows > 0 else { return nil }
        if builders.isEmpty { return RecordBatch(emptySchemaRowCount: rows) }
        do {
            return try RecordBatch(schema: schema, columns: builders.map { $0.finish() })
        } catch {
            throw FileFormatError(.invalidArgument(error.description), source: source)
        }
    }
}
