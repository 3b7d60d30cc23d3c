/// The logical type of a column, following Arrow's type system.
///
/// Physical storage follows from the type: integers, floats, decimals and temporal types are fixed-width values
/// (`PrimitiveArray`), strings and binaries use 32-bit offsets into a value buffer, nested types keep child arrays.
public indirect enum DataType: Hashable, Sendable {
    case null
    case boolean
    case int8, int16, int32, int64
    case uint8, uint16, uint32, uint64
    case float32, float64
    /// A 128-bit decimal; `precision` is at most 38 digits, `scale` digits sit right of the point.
    case decimal128(precision: Int, scale: Int)
    case utf8
    case binary
    case fixedSizeBinary(byteWidth: Int)
    /// Days since 1970-01-01.
    case date32
    /// Time of day since midnight, in microseconds or nanoseconds.
    case time64(TimeUnit)
    /// Ticks since the Unix epoch. With a time zone the value is a UTC instant (Arrow semantics); without one it
    /// is a wall-clock time with no zone (Spark's `TIMESTAMP_NTZ`).
    case timestamp(TimeUnit, timeZone: String?)
    /// A variable-length list whose items are described by `Field` (conventionally named `item` or `element`).
    case list(Field)
    case `struct`([Field])
    /// A map stored as a list of `entries` structs with a non-null `key` and a `value` field.
    case map(entries: Field, keysSorted: Bool)

    /// A map type with Arrow's conventional field names (`entries`, `key`, `value`).
    public static func map(key: DataType, value: DataType, valueNullable: Bool = true, keysSorted: Bool = false)
        -> DataType
    {
        let entries = Field(
            name: "entries",
            type: .struct([Field(name: "key", type: key, nullable: false),
                           Field(name: "value", type: value, nullable: valueNullable)]),
            nullable: false
        )
        return .map(entries: entries, keysSorted: keysSorted)
    }

    /// A list type with Arrow's conventional item field name.
    public static func list(of element: DataType, nullable: Bool = true) -> DataType {
        .list(Field(name: "item", type: element, nullable: nullable))
    }
}

extension DataType {
    public var isInteger: Bool {
        switch self {
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64: true
        default: false
        }
    }

    public var isSignedInteger: Bool {
        switch self {
        case .int8, .int16, .int32, .int64: true
        default: false
        }
    }

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }

    public var isDecimal: Bool {
        if case .decimal128 = self { return true }
        return false
    }

    /// Integers, floats and decimals: the types arithmetic is defined on.
    public var isNumeric: Bool { isInteger || isFloatingPoint || isDecimal }

    public var isTemporal: Bool {
        switch self {
        case .date32, .time64, .timestamp: true
        default: false
        }
    }

    public var isNested: Bool {
        switch self {
        case .list, .struct, .map: true
        default: false
        }
    }

    /// Size in bytes of one value for fixed-width types; `nil` for variable-width, nested, boolean and null types.
    public var byteWidth: Int? {
        switch self {
        case .int8, .uint8: 1
        case .int16, .uint16: 2
        case .int32, .uint32, .float32, .date32: 4
        case .int64, .uint64, .float64, .time64, .timestamp: 8
        case .decimal128: 16
        case .fixedSizeBinary(let width): width
        default: nil
        }
    }

    /// Child fields of nested types, in storage order.
    public var children: [Field] {
        switch self {
        case .list(let item): [item]
        case .struct(let fields): fields
        case .map(let entries, _): [entries]
        default: []
        }
    }

    /// The key and value fields of a map type.
    public var mapKeyValue: (key: Field, value: Field)? {
        guard case .map(let entries, _) = self, case .struct(let kv) = entries.type, kv.count == 2 else { return nil }
        return (kv[0], kv[1])
    }
}

extension DataType: CustomStringConvertible {
    /// pyarrow's spelling of the type, so messages read the same as in the tools users know.
    public var description: String {
        switch self {
        case .null: "null"
        case .boolean: "bool"
        case .int8: "int8"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .uint8: "uint8"
        case .uint16: "uint16"
        case .uint32: "uint32"
        case .uint64: "uint64"
        case .float32: "float"
        case .float64: "double"
        case .decimal128(let p, let s): "decimal128(\(p), \(s))"
        case .utf8: "string"
        case .binary: "binary"
        case .fixedSizeBinary(let w): "fixed_size_binary[\(w)]"
        case .date32: "date32[day]"
        case .time64(let unit): "time64[\(unit.abbreviation)]"
        case .timestamp(let unit, let tz):
            tz.map { "timestamp[\(unit.abbreviation), tz=\($0)]" } ?? "timestamp[\(unit.abbreviation)]"
        case .list(let item): "list<\(item.name): \(item.type)>"
        case .struct(let fields): "struct<\(fields.map { "\($0.name): \($0.type)" }.joined(separator: ", "))>"
        case .map(_, let sorted):
            if let (k, v) = mapKeyValue { "map<\(k.type), \(v.type)\(sorted ? ", keys_sorted" : "")>" } else { "map" }
        }
    }
}
