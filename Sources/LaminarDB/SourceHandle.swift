import LaminarArrow
import LaminarConnectors
import LaminarCore

/// Pushes rows into a `type = 'push'` source from Swift.
public struct SourceHandle: Sendable {
    public let name: String
    let source: PushSource

    public var schema: Schema { source.schema }

    /// Delivers a batch to every query reading the source, waiting while one of them is far behind.
    /// The batch's column types must match the source's declared columns.
    public func push(_ batch: RecordBatch) async throws {
        let renamed = try RecordBatch(schema: source.schema, columns: batch.columns)
        try await source.push(renamed)
    }

    /// Pushes rows given as scalars, one array per row in column order.
    public func push(rows: [[ScalarValue]]) async throws {
        var columns: [any ArrowArray] = []
        for (index, field) in source.schema.fields.enumerated() {
            let builder = makeBuilder(for: field.type, capacity: rows.count)
            for row in rows {
                guard row.count == source.schema.count else {
                    throw EngineError(.invalidState, "a row of \(row.count) values for \(source.schema.count) columns")
                }
                try builder.append(try Self.coerce(row[index], to: field.type))
            }
            columns.append(builder.finish())
        }
        try await source.push(try RecordBatch(schema: source.schema, columns: columns))
    }

    /// Ends the source: queries over it finish once they have processed what was pushed.
    public func close() {
        source.close()
    }

    /// Lets callers pass `.int64(5)` for an `INT` column or `.utf8("2024-01-01")` for a date.
    private static func coerce(_ value: ScalarValue, to type: DataType) throws -> ScalarValue {
        if value.isNull || value.dataType == type { return value }
        return try Compute.cast(try makeArray(type: value.dataType, scalars: [value]), to: type).scalar(at: 0)
    }
}
