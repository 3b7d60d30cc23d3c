import LaminarArrow

/// The select list: one expression per output column.
public final class ProjectOperator: StreamOperator {
    public let expressions: [any PhysicalExpression]
    public let outputSchema: Schema

    public init(expressions: [any PhysicalExpression], schema: Schema) {
        self.expressions = expressions
        self.outputSchema = schema
    }

    public func process(_ batch: RecordBatch) throws(EngineError) -> [RecordBatch] {
        var columns: [any ArrowArray] = []
        columns.reserveCapacity(expressions.count)
        for expression in expressions { columns.append(try expression.evaluateArray(batch)) }
        return [try makeBatch(outputSchema, columns, rows: batch.rowCount)]
    }
}
