import LaminarArrow

/// A constant. `NULL` keeps the type the planner gave it so it can meet typed kernels.
public struct LiteralExpression: PhysicalExpression {
    public let value: ScalarValue
    public let dataType: DataType

    public init(_ value: ScalarValue, type: DataType? = nil) {
        self.value = value
        self.dataType = type ?? value.dataType
    }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue { .scalar(value) }

    public var description: String {
        switch value {
        case .null: return "NULL"
        case .utf8(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        default: return value.description
        }
    }
}
