/// The arithmetic operators of SQL.
public enum ArithmeticOperator: String, Hashable, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
}

/// Native types arithmetic is defined on. Integer results that overflow, and integer division by zero, are
/// errors (as in ANSI SQL and Spark's ANSI mode) rather than silently wrapping.
public protocol ArrowArithmetic: ArrowNativeType {
    /// `nil` when the result does not fit.
    static func apply(_ op: ArithmeticOperator, _ a: Self, _ b: Self) -> Self?
    static func isZero(_ value: Self) -> Bool
    /// Whether division by zero is an error (integers) rather than infinity or NaN (floats).
    static var divisionByZeroFails: Bool { get }
}

extension ArrowArithmetic where Self: FixedWidthInteger {
    @inlinable
    public static func apply(_ op: ArithmeticOperator, _ a: Self, _ b: Self) -> Self? {
        let (result, overflow): (Self, Bool)
        switch op {
        case .add: (result, overflow) = a.addingReportingOverflow(b)
        case .subtract: (result, overflow) = a.subtractingReportingOverflow(b)
        case .multiply: (result, overflow) = a.multipliedReportingOverflow(by: b)
        case .divide: (result, overflow) = a.dividedReportingOverflow(by: b)
        case .remainder: (result, overflow) = a.remainderReportingOverflow(dividingBy: b)
        }
        return overflow ? nil : result
    }

    @inlinable
    public static func isZero(_ value: Self) -> Bool { value == 0 }
    public static var divisionByZeroFails: Bool { true }
}

extension ArrowArithmetic where Self: BinaryFloatingPoint {
    @inlinable
    public static func apply(_ op: ArithmeticOperator, _ a: Self, _ b: Self) -> Self? {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        case .remainder: a.truncatingRemainder(dividingBy: b)
        }
    }

    @inlinable
    public static func isZero(_ value: Self) -> Bool { value == 0 }
    public static var divisionByZeroFails: Bool { false }
}

extension Int8: ArrowArithmetic {}
extension Int16: ArrowArithmetic {}
extension Int32: ArrowArithmetic {}
extension Int64: ArrowArithmetic {}
extension UInt8: ArrowArithmetic {}
extension UInt16: ArrowArithmetic {}
extension UInt32: ArrowArithmetic {}
extension UInt64: ArrowArithmetic {}
extension Float: ArrowArithmetic {}
extension Double: ArrowArithmetic {}
extension Int128: ArrowArithmetic {}

extension Compute {
    /// Element-wise arithmetic on two arrays of one numeric type; null where either side is null.
    ///
    /// Decimals must share their scale for `+` and `-` (cast first); `*` adds the scales. The result precision
    /// grows as Spark's does, capped at 38, and a value that exceeds it is an overflow error.
    public static func arithmetic(_ lhs: any ArrowArray, _ op: ArithmeticOperator, _ rhs: any ArrowArray)
        throws(ArrowError) -> any ArrowArray
    {
        try checkLengths(lhs, rhs)
        return try arithmetic(lhs, op, rhs, broadcastRight: false)
    }

    /// Applies `op` with the same scalar on the right of every element.
    public static func arithmetic(_ lhs: any ArrowArray, _ op: ArithmeticOperator, _ rhs: ScalarValue)
        throws(ArrowError) -> any ArrowArray
    {
        if rhs.isNull { return makeNullArray(type: lhs.dataType, count: lhs.count) }
        return try arithmetic(lhs, op, try makeArray(type: rhs.dataType, scalars: [rhs]), broadcastRight: true)
    }

    /// `-a`.
    public static func negate(_ array: any ArrowArray) throws(ArrowError) -> any ArrowArray {
        let zero = try makeArray(type: array.dataType, scalars: [zeroScalar(array.dataType)])
        let zeros = try take(zero, indices: Array(repeating: 0, count: array.count))
        return try arithmetic(zeros, .subtract, array)
    }

    private static func zeroScalar(_ type: DataType) throws(ArrowError) -> ScalarValue {
        switch type {
        case .int8: .int8(0)
        case .int16: .int16(0)
        case .int32: .int32(0)
        case .int64: .int64(0)
        case .float32: .float32(0)
        case .float64: .float64(0)
        case .decimal128(let p, let s): .decimal128(0, precision: p, scale: s)
        default: throw .unsupported("negation of \(type)")
        }
    }

    private static func arithmetic(_ lhs: any ArrowArray, _ op: ArithmeticOperator, _ rhs: any ArrowArray,
                                   broadcastRight: Bool) throws(ArrowError) -> any ArrowArray
    {
        let resultType = try arithmeticResultType(lhs.dataType, op, rhs.dataType)
        guard let left = lhs as? any PrimitiveArrayProtocol else {
            throw .unsupported("arithmetic on \(lhs.dataType)")
        }
        let result = try arithmeticPrimitive(left, op, rhs, broadcastRight, resultType)
        if case .decimal128(let precision, _) = resultType, let decimals = result as? Decimal128Array {
            try checkPrecision(decimals, precision: precision)
        }
        return result
    }

    static func arithmeticResultType(_ lhs: DataType, _ op: ArithmeticOperator, _ rhs: DataType)
        throws(ArrowError) -> DataType
    {
        switch (lhs, rhs) {
        case (.decimal128(let p1, let s1), .decimal128(let p2, let s2)):
            switch op {
            case .add, .subtract:
                guard s1 == s2 else { throw .invalidArgument("decimal scales differ (\(s1), \(s2)); cast first") }
                return .decimal128(precision: min(38, max(p1 - s1, p2 - s2) + s1 + 1), scale: s1)
            case .multiply:
                guard s1 + s2 <= 38 else { throw .overflow("decimal scale \(s1 + s2) exceeds 38") }
                return .decimal128(precision: min(38, p1 + p2 + 1), scale: s1 + s2)
            case .divide, .remainder:
                throw .unsupported("decimal \(op.rawValue); cast to double first")
            }
        default:
            guard lhs == rhs, lhs.isInteger || lhs.isFloatingPoint else {
                throw .invalidArgument("cannot apply \(op.rawValue) to \(lhs) and \(rhs); cast to a common type")
            }
            return lhs
        }
    }

    private static func arithmeticPrimitive<P: PrimitiveArrayProtocol>(
        _ lhs: P, _ op: ArithmeticOperator, _ rhs: any ArrowArray, _ broadcast: Bool, _ resultType: DataType
    ) throws(ArrowError) -> any ArrowArray {
        guard let kernel = P.Native.self as? any ArrowArithmetic.Type else {
            throw .unsupported("arithmetic on \(lhs.dataType)")
        }
        return try arithmeticLoop(kernel, lhs.asPrimitive, op, rhs, broadcast, resultType)
    }

    private static func arithmeticLoop<A: ArrowArithmetic, T>(
        _: A.Type, _ lhs: PrimitiveArray<T>, _ op: ArithmeticOperator, _ rhs: any ArrowArray, _ broadcast: Bool,
        _ resultType: DataType
    ) throws(ArrowError) -> any ArrowArray {
        guard let left = lhs as? PrimitiveArray<A>, let right = rhs as? PrimitiveArray<A> else {
            throw .invalidArgument("cannot apply \(op.rawValue) to \(lhs.dataType) and \(rhs.dataType)")
        }
        let validity = intersectValidity(left, right, broadcastRight: broadcast)
        let output = MutableBuffer(capacity: left.count * MemoryLayout<A>.stride)
        let checksZero = A.divisionByZeroFails && (op == .divide || op == .remainder)
        for index in 0..<left.count {
            guard validity.isValid(index) else {
                output.append(A.zero)
                continue
            }
            let a = left.value(at: index)
            let b = right.value(at: broadcast ? 0 : index)
            if checksZero, A.isZero(b) { throw .divideByZero(row: index) }
            guard let value = A.apply(op, a, b) else {
                throw .overflow("\(a) \(op.rawValue) \(b) does not fit \(resultType) at row \(index)")
            }
            output.append(value)
        }
        return PrimitiveArray<A>(dataType: resultType, values: output.freeze(), count: left.count, validity: validity)
    }

    private static func checkPrecision(_ array: Decimal128Array, precision: Int) throws(ArrowError) {
        let bound = DecimalFormat.maxUnscaled(precision: precision)
        for index in 0..<array.count where array.isValid(index) {
            let value = array.value(at: index)
            guard value.magnitude < bound.magnitude else {
                throw .overflow("decimal result at row \(index) exceeds precision \(precision)")
            }
        }
    }
}
