import LaminarArrow

/// `ts + INTERVAL ...`, `ts - INTERVAL ...` and `date + n`: adds a fixed number of ticks to every value,
/// keeping the type.
public struct TimestampShiftExpression: PhysicalExpression {
    public let operand: any PhysicalExpression
    /// Ticks of the operand's unit (days for dates).
    public let delta: Int64

    public init(_ operand: any PhysicalExpression, delta: Int64) {
        self.operand = operand
        self.delta = delta
    }

    public var dataType: DataType { operand.dataType }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        let value = try operand.evaluate(batch)
        let array = try value.array(count: 1, type: dataType)
        let shifted: any ArrowArray
        switch array {
        case let ticks as Int64Array: shifted = try shift(ticks)
        case let days as Int32Array: shifted = try shift(days)
        default: throw .execution("cannot shift \(array.dataType) by an interval")
        }
        if case .scalar = value { return .scalar(shifted.scalar(at: 0)) }
        return .array(shifted)
    }

    private func shift<T: FixedWidthInteger & ArrowNativeType>(_ input: PrimitiveArray<T>) throws(EngineError) -> PrimitiveArray<T> {
        guard let step = T(exactly: delta) else { throw .execution("interval \(delta) is out of range for \(dataType)") }
        var overflowed = false
        let shifted: [T] = input.withUnsafeValues { values in
            values.enumerated().map { row, value in
                let (sum, overflow) = value.addingReportingOverflow(step)
                if overflow && input.isValid(row) { overflowed = true }
                return sum
            }
        }
        if overflowed { throw .execution("\(description) overflows") }
        return PrimitiveArray<T>(values: shifted, type: input.dataType).replacingValidity(input.validity)
    }

    public var description: String { "(\(operand) + \(delta) ticks)" }
}
