import LaminarArrow

/// A reference to an input column by position; names are resolved once, by the planner.
public struct ColumnExpression: PhysicalExpression {
    public let index: Int
    public let name: String
    public let dataType: DataType

    public init(index: Int, name: String, dataType: DataType) {
        self.index = index
        self.name = name
        self.dataType = dataType
    }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        guard index < batch.columnCount else {
            throw .execution("column \(name) (#\(index)) is missing from a batch of \(batch.columnCount) columns")
        }
        return .array(batch.columns[index])
    }

    public var description: String { name }
}
