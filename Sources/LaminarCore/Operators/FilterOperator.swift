import LaminarArrow

/// `WHERE` and `HAVING`: keeps the rows where the predicate is true.
public final class FilterOperator: StreamOperator {
    public let predicate: any PhysicalExpression
    public let outputSchema: Schema

    public init(predicate: any PhysicalExpression, schema: Schema) {
        self.predicate = predicate
        self.outputSchema = schema
    }

    public func process(_ batch: RecordBatch) throws(EngineError) -> [RecordBatch] {
        let mask = try predicate.evaluateMask(batch)
        let kept = mask.nullCount == 0 ? mask.trueCount : -1
        if kept == batch.rowCount { return [batch] }
        if kept == 0 { return [] }
        do {
            let filtered = try Compute.filter(batch, mask: mask)
            return filtered.rowCount == 0 ? [] : [filtered]
        } catch {
            throw .arrow(error)
        }
    }
}
