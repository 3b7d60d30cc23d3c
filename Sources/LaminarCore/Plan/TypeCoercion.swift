import LaminarArrow
import LaminarSQL

/// SQL's implicit conversions: which type two operands meet at, and how SQL type names map to Arrow types.
enum TypeCoercion {
    /// The type both operands are cast to before a comparison, `CASE`, `COALESCE` or `IN`, or nil when they
    /// do not combine. Strings meet any scalar type at that type, so `date_col = '2024-01-31'` casts the literal.
    static func commonType(_ a: DataType, _ b: DataType) -> DataType? {
        if a == b { return a }
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case (.utf8, _) where !b.isNested: return b
        case (_, .utf8) where !a.isNested: return a
        case (.date32, .timestamp), (.timestamp, .date32):
            return a == .date32 ? b : a
        case (.timestamp(let u1, let z1), .timestamp(let u2, let z2)):
            return .timestamp(finer(u1, u2), timeZone: z1 ?? z2)
        case (.decimal128(_, let s1), .decimal128(_, let s2)):
            return .decimal128(precision: 38, scale: max(s1, s2))
        case (.decimal128(_, let s), _) where b.isInteger: return .decimal128(precision: 38, scale: s)
        case (_, .decimal128(_, let s)) where a.isInteger: return .decimal128(precision: 38, scale: s)
        case (.decimal128, _) where b.isFloatingPoint, (_, .decimal128) where a.isFloatingPoint: return .float64
        case _ where a.isFloatingPoint && b.isNumeric, _ where b.isFloatingPoint && a.isNumeric:
            return a == .float32 && b == .float32 ? .float32 : .float64
        case _ where a.isInteger && b.isInteger: return widerInteger(a, b)
        default: return nil
        }
    }

    static func finer(_ a: TimeUnit, _ b: TimeUnit) -> TimeUnit { a.ticksPerSecond >= b.ticksPerSecond ? a : b }

    /// Signed integers widen to the larger; mixing in unsigned types goes to `BIGINT`.
    static func widerInteger(_ a: DataType, _ b: DataType) -> DataType {
        let order: [DataType] = [.int8, .int16, .int32, .int64]
        guard let i = order.firstIndex(of: a), let j = order.firstIndex(of: b) else { return .int64 }
        return order[max(i, j)]
    }

    /// Whether an integer constant fits `type` exactly, so it can be cast instead of widening the column.
    static func integerLiteral(_ value: ScalarValue, fits type: DataType) -> Bool {
        guard let int = value.int64Value, case .int64 = value else { return false }
        switch type {
        case .int8: return Int8(exactly: int) != nil
        case .int16: return Int16(exactly: int) != nil
        case .int32: return Int32(exactly: int) != nil
        case .int64: return true
        default: return false
        }
    }

    static func dataType(_ type: SQLType) throws(SQLError) -> DataType {
        switch type {
        case .boolean: return .boolean
        case .tinyint: return .int8
        case .smallint: return .int16
        case .integer: return .int32
        case .bigint: return .int64
        case .real: return .float32
        case .double: return .float64
        case .decimal(let precision, let scale):
            let p = precision ?? 18
            let s = scale ?? (precision == nil ? 3 : 0)
            guard (1...38).contains(p), (0...p).contains(s) else {
                throw SQLError(kind: .semantic, message: "DECIMAL(\(p), \(s)) is out of range: precision 1 to 38, scale 0 to precision",
                               location: .unknown)
            }
            return .decimal128(precision: p, scale: s)
        case .varchar: return .utf8
        case .binary: return .binary
        case .date: return .date32
        case .time: return .time64(.microsecond)
        case .timestamp: return .timestamp(.microsecond, timeZone: nil)
        case .timestampWithTimeZone: return .timestamp(.microsecond, timeZone: "UTC")
        case .interval:
            throw SQLError(kind: .semantic, message: "INTERVAL is not a column type; use BIGINT microseconds", location: .unknown)
        case .array(let element): return .list(of: try dataType(element))
        case .struct(let fields):
            var converted: [Field] = []
            for field in fields { converted.append(Field(name: field.name.name, type: try dataType(field.type))) }
            return .struct(converted)
        case .map(let key, let value):
            return .map(key: try dataType(key), value: try dataType(value))
        }
    }

    /// A decimal literal such as `12.50` as `DECIMAL(4, 2)`, or as a double when it has more than 38 digits
    /// or an exponent.
    static func decimalLiteral(_ text: String) -> ScalarValue {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !text.contains(where: { $0 == "e" || $0 == "E" }), parts.count <= 2 else {
            return .float64(Double(text) ?? .nan)
        }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        let digits = (whole + fraction).drop { $0 == "0" }
        let scale = fraction.count
        let precision = max(digits.count, scale, 1)
        guard precision <= 38, let unscaled = Int128(String(whole + fraction)) else { return .float64(Double(text) ?? .nan) }
        return .decimal128(unscaled, precision: precision, scale: scale)
    }
}
