import LaminarArrow

/// The rows of a finished query, as Arrow batches.
public struct QueryResult: Sendable, CustomStringConvertible {
    public let schema: Schema
    public let batches: [RecordBatch]

    public init(schema: Schema, batches: [RecordBatch]) {
        self.schema = schema
        self.batches = batches
    }

    public var rowCount: Int { batches.reduce(0) { $0 + $1.rowCount } }

    /// Every row as scalars, for tests and small results.
    public var rows: [[ScalarValue]] {
        batches.flatMap { batch in (0..<batch.rowCount).map { batch.row($0) } }
    }

    /// A bordered table, as the `laminar sql` shell prints it.
    public var description: String {
        batches.isEmpty ? "(\(schema.names.joined(separator: ", "))) 0 rows" : PrettyPrinter.format(batches)
    }

    /// A one-column result of text lines (`EXPLAIN`, messages).
    static func lines(_ column: String, _ lines: [String]) -> QueryResult {
        table([column], [lines])
    }

    /// A result of string columns given column by column.
    static func table(_ names: [String], _ columns: [[String]]) -> QueryResult {
        let schema = Schema(names.map { Field(name: $0, type: .utf8) })
        let arrays: [any ArrowArray] = columns.map { StringArray($0) }
        let batch = (try? RecordBatch(schema: schema, columns: arrays)).map { [$0] } ?? []
        return QueryResult(schema: schema, batches: batch)
    }
}

/// What one statement did.
public enum ExecutionResult: Sendable {
    /// A query's rows, or the table answered by `SHOW`, `DESCRIBE` and `EXPLAIN`.
    case rows(QueryResult)
    /// A source, stream or sink was created or dropped; the text says which (`CREATE SOURCE trades`).
    case done(String)
    /// `CREATE SINK` started a pipeline, which keeps running in the background.
    case sink(SinkHandle)

    /// The rows, when the statement returned some.
    public var result: QueryResult? {
        if case .rows(let result) = self { return result }
        return nil
    }
}
