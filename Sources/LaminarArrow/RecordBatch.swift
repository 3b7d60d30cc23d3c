/// Equal-length columns under a schema: the unit that flows between operators, writers and readers.
public struct RecordBatch: Sendable {
    public let schema: Schema
    public let columns: [any ArrowArray]
    public let rowCount: Int

    /// Checks that there is one column per field, with the field's type and the same length.
    public init(schema: Schema, columns: [any ArrowArray]) throws(ArrowError) {
        guard schema.count == columns.count else {
            throw .invalidArgument("schema has \(schema.count) fields but \(columns.count) columns were given")
        }
        let rowCount = columns.first?.count ?? 0
        for (field, column) in zip(schema.fields, columns) {
            guard field.type == column.dataType else {
                throw .invalidArgument("column '\(field.name)' is \(column.dataType), schema says \(field.type)")
            }
            guard column.count == rowCount else {
                throw .invalidArgument("column '\(field.name)' has \(column.count) rows, expected \(rowCount)")
            }
            guard field.isNullable || column.nullCount == 0 else {
                throw .invalidArgument("column '\(field.name)' is not nullable but has \(column.nullCount) nulls")
            }
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    /// A batch with no columns but a row count, for `SELECT count(*)`-style plans.
    public init(emptySchemaRowCount rowCount: Int) {
        self.schema = Schema([])
        self.columns = []
        self.rowCount = rowCount
    }

    /// A batch with named columns whose fields are nullable and typed after the arrays.
    public init(_ namedColumns: KeyValuePairs<String, any ArrowArray>) throws(ArrowError) {
        let fields = namedColumns.map { Field(name: $0.key, type: $0.value.dataType) }
        try self.init(schema: Schema(fields), columns: namedColumns.map(\.value))
    }

    private init(trusted schema: Schema, columns: [any ArrowArray], rowCount: Int) {
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    public var columnCount: Int { columns.count }

    public func column(named name: String) -> (any ArrowArray)? { schema.index(of: name).map { columns[$0] } }

    /// Rows `[offset, offset + count)`, sharing buffers.
    public func slice(offset: Int, count: Int) -> RecordBatch {
        precondition(offset >= 0 && count >= 0 && offset + count <= rowCount, "slice out of bounds")
        return RecordBatch(trusted: schema, columns: columns.map { $0.slice(offset: offset, count: count) },
                           rowCount: count)
    }

    /// The given columns, in the given order.
    public func project(_ indices: [Int]) throws(ArrowError) -> RecordBatch {
        RecordBatch(trusted: try schema.project(indices), columns: indices.map { columns[$0] }, rowCount: rowCount)
    }

    /// Row `index` as scalars, one per column.
    public func row(_ index: Int) -> [ScalarValue] { columns.map { $0.scalar(at: index) } }

    /// Applies a per-column transform that preserves types and yields `rowCount` rows, e.g. take and filter.
    func mapColumns(rowCount: Int, _ transform: (any ArrowArray) throws(ArrowError) -> any ArrowArray)
        throws(ArrowError) -> RecordBatch
    {
        var mapped: [any ArrowArray] = []
        mapped.reserveCapacity(columns.count)
        for column in columns { mapped.append(try transform(column)) }
        return RecordBatch(trusted: schema, columns: mapped, rowCount: rowCount)
    }

    /// Joins batches of one schema end to end.
    public static func concatenate(_ batches: [RecordBatch]) throws(ArrowError) -> RecordBatch {
        guard let first = batches.first else { throw .invalidArgument("concatenate needs at least one batch") }
        for batch in batches where batch.schema.fields.map(\.type) != first.schema.fields.map(\.type) {
            throw .invalidArgument("cannot concatenate batches with schemas\n\(first.schema)\nand\n\(batch.schema)")
        }
        let columns = first.schema.fields.indices.map { column in
            concatenateSameType(batches.map { $0.columns[column] })
        }
        return RecordBatch(trusted: first.schema, columns: columns,
                           rowCount: batches.reduce(0) { $0 + $1.rowCount })
    }
}
