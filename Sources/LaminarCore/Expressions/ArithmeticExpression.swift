import LaminarArrow

/// `a + b`, `a - b`, `a * b`, `a / b`, `a % b` over operands the planner has cast to one numeric type.
public struct ArithmeticExpression: PhysicalExpression {
    public let left: any PhysicalExpression
    public let op: ArithmeticOperator
    public let right: any PhysicalExpression
    public let dataType: DataType

    public init(_ left: any PhysicalExpression, _ op: ArithmeticOperator, _ right: any PhysicalExpression,
                dataType: DataType) {
        self.left = left
        self.op = op
        self.right = right
        self.dataType = dataType
    }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        let lhs = try left.evaluate(batch)
        let rhs = try right.evaluate(batch)
        switch (lhs, rhs) {
        case (.array(let a), .array(let b)):
            return .array(try kernel(self) { () throws(ArrowError) in try Compute.arithmetic(a, op, b) })
        case (.array(let a), .scalar(let s)):
            return .array(try kernel(self) { () throws(ArrowError) in try Compute.arithmetic(a, op, s) })
        case (.scalar(let s), .array(let b)):
            let a = try ColumnarValue.broadcast(s, type: left.dataType, count: b.count)
            return .array(try kernel(self) { () throws(ArrowError) in try Compute.arithmetic(a, op, b) })
        case (.scalar(let s), .scalar(let t)):
            let a = try ColumnarValue.broadcast(s, type: left.dataType, count: 1)
            let result = try kernel(self) { () throws(ArrowError) in try Compute.arithmetic(a, op, t) }
            return .scalar(result.scalar(at: 0))
        }
    }

    public var description: String { "(\(left) \(op.rawValue) \(right))" }
}
