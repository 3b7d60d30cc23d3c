import LaminarArrow
import LaminarSQL

extension QueryPlanner {
    /// The Arrow schema of declared columns: `CREATE SOURCE s (id BIGINT NOT NULL, ...)`.
    public static func schema(of columns: [ColumnDefinition]) throws(SQLError) -> Schema {
        var fields: [Field] = []
        var seen: Set<String> = []
        for column in columns {
            guard seen.insert(column.name.name.lowercased()).inserted else {
                throw SQLError(kind: .semantic, message: "column \(column.name.name) is declared twice", location: column.name.location)
            }
            let type: DataType
            do {
                type = try TypeCoercion.dataType(column.type)
            } catch {
                throw SQLError(kind: .semantic, message: "column \(column.name.name): \(error.message)", location: column.name.location)
            }
            fields.append(Field(name: column.name.name, type: type, nullable: column.isNullable))
        }
        return Schema(fields)
    }

    /// Binds `WATERMARK FOR ts AS ts - INTERVAL '5' SECOND` against a source's columns.
    public static func watermark(_ watermark: Watermark, schema: Schema, source: String) throws(SQLError) -> WatermarkSpec {
        let binder = ExpressionBinder(scope: Scope(schema: schema, qualifier: source))
        let column = try binder.bind(Expression(.column([watermark.column]), location: watermark.column.location))
        guard case .timestamp = column.dataType else {
            throw SQLError(kind: .semantic, message: "WATERMARK FOR \(watermark.column.name): the column is \(column.dataType), not a timestamp",
                           location: watermark.column.location)
        }
        var expression = try binder.bind(watermark.expression)
        if expression.dataType != column.dataType {
            expression = try binder.cast(expression, to: column.dataType)
        }
        return WatermarkSpec(column: watermark.column.name, expression: expression)
    }
}
