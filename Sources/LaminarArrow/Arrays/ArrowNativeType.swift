/// A fixed-width value stored directly in a `PrimitiveArray`'s buffer.
public protocol ArrowNativeType: BitwiseCopyable, Sendable, Hashable, Comparable {
    static var zero: Self { get }
    /// The data type an array of this storage gets when none is given.
    static var defaultDataType: DataType { get }
    /// Whether values of `type` are stored as `Self` (`Int32` stores `int32` and `date32`, for example).
    static func stores(_ type: DataType) -> Bool
    /// Wraps a value as a scalar of `type`.
    static func scalar(_ value: Self, type: DataType) -> ScalarValue
    /// Unwraps a scalar of a type stored as `Self`.
    static func value(of scalar: ScalarValue) -> Self?
    /// Three-way SQL ordering (-1, 0, 1); see `sqlCompare` in `PrimitiveArrayProtocol.swift`.
    static func sqlCompare(_ a: Self, _ b: Self) -> Int
}

extension Int8: ArrowNativeType {
    public static var defaultDataType: DataType { .int8 }
    public static func stores(_ type: DataType) -> Bool { type == .int8 }
    public static func scalar(_ value: Int8, type: DataType) -> ScalarValue { .int8(value) }
    public static func value(of scalar: ScalarValue) -> Int8? {
        if case .int8(let v) = scalar { v } else { nil }
    }
}

extension Int16: ArrowNativeType {
    public static var defaultDataType: DataType { .int16 }
    public static func stores(_ type: DataType) -> Bool { type == .int16 }
    public static func scalar(_ value: Int16, type: DataType) -> ScalarValue { .int16(value) }
    public static func value(of scalar: ScalarValue) -> Int16? {
        if case .int16(let v) = scalar { v } else { nil }
    }
}

extension Int32: ArrowNativeType {
    public static var defaultDataType: DataType { .int32 }
    public static func stores(_ type: DataType) -> Bool { type == .int32 || type == .date32 }
    public static func scalar(_ value: Int32, type: DataType) -> ScalarValue {
        type == .date32 ? .date32(value) : .int32(value)
    }
    public static func value(of scalar: ScalarValue) -> Int32? {
        switch scalar {
        case .int32(let v), .date32(let v): v
        default: nil
        }
    }
}

extension Int64: ArrowNativeType {
    public static var defaultDataType: DataType { .int64 }
    public static func stores(_ type: DataType) -> Bool {
        switch type {
        case .int64, .time64, .timestamp: true
        default: false
        }
    }
    public static func scalar(_ value: Int64, type: DataType) -> ScalarValue {
        switch type {
        case .time64(let unit): .time64(value, unit)
        case .timestamp(let unit, let tz): .timestamp(value, unit, timeZone: tz)
        default: .int64(value)
        }
    }
    public static func value(of scalar: ScalarValue) -> Int64? {
        switch scalar {
        case .int64(let v), .time64(let v, _), .timestamp(let v, _, _): v
        default: nil
        }
    }
}

extension UInt8: ArrowNativeType {
    public static var defaultDataType: DataType { .uint8 }
    public static func stores(_ type: DataType) -> Bool { type == .uint8 }
    public static func scalar(_ value: UInt8, type: DataType) -> ScalarValue { .uint8(value) }
    public static func value(of scalar: ScalarValue) -> UInt8? {
        if case .uint8(let v) = scalar { v } else { nil }
    }
}

extension UInt16: ArrowNativeType {
    public static var defaultDataType: DataType { .uint16 }
    public static func stores(_ type: DataType) -> Bool { type == .uint16 }
    public static func scalar(_ value: UInt16, type: DataType) -> ScalarValue { .uint16(value) }
    public static func value(of scalar: ScalarValue) -> UInt16? {
        if case .uint16(let v) = scalar { v } else { nil }
    }
}

extension UInt32: ArrowNativeType {
    public static var defaultDataType: DataType { .uint32 }
    public static func stores(_ type: DataType) -> Bool { type == .uint32 }
    public static func scalar(_ value: UInt32, type: DataType) -> ScalarValue { .uint32(value) }
    public static func value(of scalar: ScalarValue) -> UInt32? {
        if case .uint32(let v) = scalar { v } else { nil }
    }
}

extension UInt64: ArrowNativeType {
    public static var defaultDataType: DataType { .uint64 }
    public static func stores(_ type: DataType) -> Bool { type == .uint64 }
    public static func scalar(_ value: UInt64, type: DataType) -> ScalarValue { .uint64(value) }
    public static func value(of scalar: ScalarValue) -> UInt64? {
        if case .uint64(let v) = scalar { v } else { nil }
    }
}

extension Float: ArrowNativeType {
    @inlinable
    public static func sqlCompare(_ a: Float, _ b: Float) -> Int { floatingSQLCompare(a, b) }
    public static var defaultDataType: DataType { .float32 }
    public static func stores(_ type: DataType) -> Bool { type == .float32 }
    public static func scalar(_ value: Float, type: DataType) -> ScalarValue { .float32(value) }
    public static func value(of scalar: ScalarValue) -> Float? {
        if case .float32(let v) = scalar { v } else { nil }
    }
}

extension Double: ArrowNativeType {
    @inlinable
    public static func sqlCompare(_ a: Double, _ b: Double) -> Int { floatingSQLCompare(a, b) }
    public static var defaultDataType: DataType { .float64 }
    public static func stores(_ type: DataType) -> Bool { type == .float64 }
    public static func scalar(_ value: Double, type: DataType) -> ScalarValue { .float64(value) }
    public static func value(of scalar: ScalarValue) -> Double? {
        if case .float64(let v) = scalar { v } else { nil }
    }
}

extension Int128: ArrowNativeType {
    public static var defaultDataType: DataType { .decimal128(precision: 38, scale: 0) }
    public static func stores(_ type: DataType) -> Bool { type.isDecimal }
    public static func scalar(_ value: Int128, type: DataType) -> ScalarValue {
        if case .decimal128(let p, let s) = type { return .decimal128(value, precision: p, scale: s) }
        return .decimal128(value, precision: 38, scale: 0)
    }
    public static func value(of scalar: ScalarValue) -> Int128? {
        if case .decimal128(let v, _, _) = scalar { v } else { nil }
    }
}
