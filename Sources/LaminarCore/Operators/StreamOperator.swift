import LaminarArrow

/// One stage of a running pipeline: it receives batches in order and hands on the batches it produces.
///
/// Operators are single-threaded state machines owned by their pipeline's task; a stage costs one call per
/// batch, never one per row. Watermarks (event time in microseconds since the epoch below which no more
/// input will arrive) let stateful operators close windows; `finish` flushes state when input ends.
public protocol StreamOperator: AnyObject {
    var outputSchema: Schema { get }
    func process(_ batch: RecordBatch) throws(EngineError) -> [RecordBatch]
    func advanceWatermark(to watermark: Int64) throws(EngineError) -> [RecordBatch]
    func finish() throws(EngineError) -> [RecordBatch]
    /// True once the operator will never emit again (a satisfied `LIMIT`), so upstream can stop early.
    var isExhausted: Bool { get }
    /// The state a checkpoint must keep, or nil for stateless operators.
    func snapshotState() throws(EngineError) -> OperatorState?
    /// Puts back what `snapshotState` returned, into a fresh operator of the same query.
    func restoreState(_ state: OperatorState) throws(EngineError)
}

extension StreamOperator {
    public func advanceWatermark(to watermark: Int64) throws(EngineError) -> [RecordBatch] { [] }
    public func finish() throws(EngineError) -> [RecordBatch] { [] }
    public var isExhausted: Bool { false }
    public func snapshotState() throws(EngineError) -> OperatorState? { nil }
    public func restoreState(_ state: OperatorState) throws(EngineError) {}
}

/// Builds a batch from columns the planner typed to match `schema`.
func makeBatch(_ schema: Schema, _ columns: [any ArrowArray], rows: Int) throws(EngineError) -> RecordBatch {
    if columns.isEmpty { return RecordBatch(emptySchemaRowCount: rows) }
    do {
        return try RecordBatch(schema: schema, columns: columns)
    } catch {
        throw .execution("building a batch of \(schema.names): \(error)")
    }
}
