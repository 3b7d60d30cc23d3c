/// One value of any Arrow type: what a row holds at one column.
///
/// Used at the edges (literals in SQL, statistics, printing, tests) and never in the inner loops of kernels,
/// which work on buffers directly.
public enum ScalarValue: Hashable, Sendable {
    case null
    case boolean(Bool)
    case int8(Int8)
    case int16(Int16)
    case int32(Int32)
    case int64(Int64)
    case uint8(UInt8)
    case uint16(UInt16)
    case uint32(UInt32)
    case uint64(UInt64)
    case float32(Float)
    case float64(Double)
    /// The unscaled value: `decimal128(12345, precision: 10, scale: 2)` is 123.45.
    case decimal128(Int128, precision: Int, scale: Int)
    case utf8(String)
    case binary([UInt8])
    case fixedSizeBinary([UInt8])
    case date32(Int32)
    case time64(Int64, TimeUnit)
    case timestamp(Int64, TimeUnit, timeZone: String?)
    case list([ScalarValue], element: Field)
    case `struct`([ScalarValue], fields: [Field])
    /// Entries of a map, in stored order; `type` is the map's data type.
    case map(keys: [ScalarValue], values: [ScalarValue], type: DataType)

    public var isNull: Bool { self == .null }

    /// The Arrow type of the value; `.null` for the untyped null.
    public var dataType: DataType {
        switch self {
        case .null: .null
        case .boolean: .boolean
        case .int8: .int8
        case .int16: .int16
        case .int32: .int32
        case .int64: .int64
        case .uint8: .uint8
        case .uint16: .uint16
        case .uint32: .uint32
        case .uint64: .uint64
        case .float32: .float32
        case .float64: .float64
        case .decimal128(_, let p, let s): .decimal128(precision: p, scale: s)
        case .utf8: .utf8
        case .binary: .binary
        case .fixedSizeBinary(let bytes): .fixedSizeBinary(byteWidth: bytes.count)
        case .date32: .date32
        case .time64(_, let unit): .time64(unit)
        case .timestamp(_, let unit, let tz): .timestamp(unit, timeZone: tz)
        case .list(_, let element): .list(element)
        case .struct(_, let fields): .struct(fields)
        case .map(_, _, let type): type
        }
    }

    /// The value as a signed 64-bit integer, for integer-typed and temporal scalars that fit.
    public var int64Value: Int64? {
        switch self {
        case .int8(let v): Int64(v)
        case .int16(let v): Int64(v)
        case .int32(let v): Int64(v)
        case .int64(let v): v
        case .uint8(let v): Int64(v)
        case .uint16(let v): Int64(v)
        case .uint32(let v): Int64(v)
        case .uint64(let v): Int64(exactly: v)
        case .date32(let v): Int64(v)
        case .time64(let v, _), .timestamp(let v, _, _): v
        default: nil
        }
    }

    /// The value as a double, for numeric scalars (decimals are scaled).
    public var doubleValue: Double? {
        switch self {
        case .float32(let v): Double(v)
        case .float64(let v): v
        case .uint64(let v): Double(v)
        case .decimal128(let v, _, let scale): Double(v) / Self.powerOfTen(scale)
        default: int64Value.map { Double($0) }
        }
    }

    private static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}

extension ScalarValue: CustomStringConvertible {
    /// The value as SQL tools print it: dates as `YYYY-MM-DD`, timestamps in ISO 8601, decimals with their scale.
    public var description: String {
        switch self {
        case .null: "null"
        case .boolean(let v): String(v)
        case .int8(let v): String(v)
        case .int16(let v): String(v)
        case .int32(let v): String(v)
        case .int64(let v): String(v)
        case .uint8(let v): String(v)
        case .uint16(let v): String(v)
        case .uint32(let v): String(v)
        case .uint64(let v): String(v)
        case .float32(let v): String(v)
        case .float64(let v): String(v)
        case .decimal128(let v, _, let scale): DecimalFormat.string(v, scale: scale)
        case .utf8(let v): v
        case .binary(let v), .fixedSizeBinary(let v): "0x" + v.map { hexByte($0) }.joined()
        case .date32(let days): Temporal.formatDate(days)
        case .time64(let v, let unit): Temporal.formatTime(v, unit: unit)
        case .timestamp(let v, let unit, let tz): Temporal.formatTimestamp(v, unit: unit, utc: tz != nil)
        case .list(let items, _): "[" + items.map(\.nestedDescription).joined(separator: ", ") + "]"
        case .struct(let values, let fields):
            "{" + zip(fields, values).map { "\($0.name): \($1.nestedDescription)" }.joined(separator: ", ") + "}"
        case .map(let keys, let values, _):
            "{" + zip(keys, values).map { "\($0.nestedDescription): \($1.nestedDescription)" }
                .joined(separator: ", ") + "}"
        }
    }

    /// Inside nested values strings are quoted, so `["a, b"]` and `["a", "b"]` print differently.
    private var nestedDescription: String {
        if case .utf8(let v) = self { return "\"\(v)\"" }
        return description
    }
}

func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
