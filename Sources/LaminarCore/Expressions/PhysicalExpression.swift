import LaminarArrow

/// A bound, typed expression evaluated a whole batch at a time.
///
/// The planner resolves names and inserts casts, so every implementation can assume its inputs already
/// have the types it was built for; evaluation then calls one kernel per node and batch, never per row.
public protocol PhysicalExpression: Sendable, CustomStringConvertible {
    var dataType: DataType { get }
    func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue
}

extension PhysicalExpression {
    /// The value as a column as long as the batch.
    public func evaluateArray(_ batch: RecordBatch) throws(EngineError) -> any ArrowArray {
        try evaluate(batch).array(count: batch.rowCount, type: dataType)
    }

    /// Evaluates a predicate; rows where it is null count as false, as in `WHERE`.
    func evaluateMask(_ batch: RecordBatch) throws(EngineError) -> BooleanArray {
        let result = try evaluateArray(batch)
        guard let mask = result as? BooleanArray else {
            throw .execution("predicate \(description) produced \(result.dataType), not a boolean")
        }
        return mask
    }

    /// A constant expression's value, computed once at planning time.
    var constantValue: ScalarValue? {
        guard let literal = self as? LiteralExpression else { return nil }
        return literal.value
    }
}

/// Runs a kernel and reports its failure as an execution error naming the expression.
@inline(__always)
func kernel<T>(_ expression: any PhysicalExpression, _ body: () throws(ArrowError) -> T) throws(EngineError) -> T {
    do {
        return try body()
    } catch {
        throw .execution("\(expression.description): \(error)")
    }
}
