import LaminarArrow

/// `AND` / `OR` with SQL's three-valued logic (`false AND null` is false, `true OR null` is true).
public struct LogicalExpression: PhysicalExpression {
    public enum Operator: String, Sendable {
        case and = "AND"
        case or = "OR"
    }

    public let op: Operator
    public let operands: [any PhysicalExpression]

    /// Long `a AND b AND c ...` chains are kept flat so evaluation is a loop, not deep recursion.
    public init(_ op: Operator, _ operands: [any PhysicalExpression]) {
        self.op = op
        self.operands = operands.flatMap { operand -> [any PhysicalExpression] in
            if let nested = operand as? LogicalExpression, nested.op == op { return nested.operands }
            return [operand]
        }
    }

    public var dataType: DataType { .boolean }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        var result: BooleanArray?
        for operand in operands {
            let mask = try operand.evaluateMask(batch)
            guard let accumulated = result else {
                result = mask
                continue
            }
            result = try kernel(self) { () throws(ArrowError) in
                op == .and ? try Compute.and(accumulated, mask) : try Compute.or(accumulated, mask)
            }
        }
        guard let result else { return .scalar(.boolean(op == .and)) }
        return .array(result)
    }

    public var description: String {
        "(" + operands.map(\.description).joined(separator: " \(op.rawValue) ") + ")"
    }
}

/// `NOT x`; null stays null.
public struct NotExpression: PhysicalExpression {
    public let operand: any PhysicalExpression

    public init(_ operand: any PhysicalExpression) { self.operand = operand }

    public var dataType: DataType { .boolean }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        switch try operand.evaluate(batch) {
        case .scalar(.boolean(let value)): return .scalar(.boolean(!value))
        case .scalar: return .scalar(.null)
        case .array: return .array(Compute.not(try operand.evaluateMask(batch)))
        }
    }

    public var description: String { "(NOT \(operand))" }
}

/// `x IS [NOT] NULL`: never null itself.
public struct IsNullExpression: PhysicalExpression {
    public let operand: any PhysicalExpression
    public let negated: Bool

    public init(_ operand: any PhysicalExpression, negated: Bool) {
        self.operand = operand
        self.negated = negated
    }

    public var dataType: DataType { .boolean }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        switch try operand.evaluate(batch) {
        case .scalar(let value): return .scalar(.boolean(value.isNull != negated))
        case .array(let array): return .array(negated ? Compute.isNotNull(array) : Compute.isNull(array))
        }
    }

    public var description: String { "(\(operand) IS \(negated ? "NOT " : "")NULL)" }
}
