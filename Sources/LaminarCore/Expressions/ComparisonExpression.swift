import LaminarArrow

/// `=`, `<>`, `<`, `<=`, `>`, `>=` between operands of one type; null when either side is null.
public struct ComparisonExpression: PhysicalExpression {
    public let left: any PhysicalExpression
    public let op: ComparisonOperator
    public let right: any PhysicalExpression

    public init(_ left: any PhysicalExpression, _ op: ComparisonOperator, _ right: any PhysicalExpression) {
        self.left = left
        self.op = op
        self.right = right
    }

    public var dataType: DataType { .boolean }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        let lhs = try left.evaluate(batch)
        let rhs = try right.evaluate(batch)
        switch (lhs, rhs) {
        case (.array(let a), .array(let b)):
            return .array(try kernel(self) { () throws(ArrowError) in try Compute.compare(a, op, b) })
        case (.array(let a), .scalar(let s)):
            return .array(try kernel(self) { () throws(ArrowError) in try Compute.compare(a, op, s) })
        case (.scalar(let s), .array(let b)):
            return .array(try kernel(self) { () throws(ArrowError) in try Compute.compare(b, op.flipped, s) })
        case (.scalar(let s), .scalar(let t)):
            let a = try ColumnarValue.broadcast(s, type: left.dataType, count: 1)
            let result = try kernel(self) { () throws(ArrowError) in try Compute.compare(a, op, t) }
            return .scalar(result.scalar(at: 0))
        }
    }

    public var description: String { "(\(left) \(op.rawValue) \(right))" }
}

extension ComparisonOperator {
    /// The operator with its operands swapped: `1 < x` is `x > 1`.
    var flipped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
    }
}
