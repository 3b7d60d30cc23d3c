import LaminarArrow

/// The logical type annotation of a schema node (the `LogicalType` union of the Parquet format).
public enum LogicalType: ThriftStruct, Hashable {
    case string
    case map
    case list
    case `enum`
    case decimal(scale: Int32, precision: Int32)
    case date
    /// Units are milliseconds, microseconds or nanoseconds.
    case time(isAdjustedToUTC: Bool, unit: TimeUnit)
    case timestamp(isAdjustedToUTC: Bool, unit: TimeUnit)
    case integer(bitWidth: Int8, isSigned: Bool)
    /// Always null (`UNKNOWN` in the format).
    case null
    case json
    case bson
    case uuid
    case float16
    case variant
    case geometry
    case geography
    /// A member this version does not know; kept by id so files still open.
    case other(id: Int16)

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var result: LogicalType?
        while let field = try reader.readFieldHeader() {
            try reader.expect(field, .struct)
            switch field.id {
            case 5: result = try Self.readDecimal(&reader)
            case 7, 8:
                let (utc, unit) = try Self.readTemporal(&reader)
                result = field.id == 7 ? .time(isAdjustedToUTC: utc, unit: unit)
                    : .timestamp(isAdjustedToUTC: utc, unit: unit)
            case 10: result = try Self.readInteger(&reader)
            default:
                try reader.skip(.struct)
                result = Self.simple[field.id] ?? .other(id: field.id)
            }
        }
        self = try required(result, "LogicalType", "member")
    }

    private static let simple: [Int16: LogicalType] = [
        1: .string, 2: .map, 3: .list, 4: .enum, 6: .date, 11: .null, 12: .json, 13: .bson, 14: .uuid,
        15: .float16, 16: .variant, 17: .geometry, 18: .geography,
    ]

    private var memberID: Int16 {
        switch self {
        case .decimal: 5
        case .time: 7
        case .timestamp: 8
        case .integer: 10
        case .other(let id): id
        default: Self.simple.first { $0.value == self }?.key ?? 0
        }
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeFieldHeader(memberID, .struct)
        writer.beginStruct()
        switch self {
        case .decimal(let scale, let precision):
            writer.writeI32Field(1, scale)
            writer.writeI32Field(2, precision)
        case .time(let utc, let unit), .timestamp(let utc, let unit):
            writer.writeBoolField(1, utc)
            writer.writeFieldHeader(2, .struct)
            writer.beginStruct()
            writer.writeFieldHeader(unit == .millisecond ? 1 : unit == .microsecond ? 2 : 3, .struct)
            writer.beginStruct()
            writer.endStruct()
            writer.endStruct()
        case .integer(let bitWidth, let signed):
            writer.writeFieldHeader(1, .byte)
            writer.writeByte(UInt8(bitPattern: bitWidth))
            writer.writeBoolField(2, signed)
        default:
            break
        }
        writer.endStruct()
    }

    private static func readDecimal(_ reader: inout CompactReader) throws(ThriftError) -> LogicalType {
        try reader.beginStruct()
        var scale: Int32?
        var precision: Int32?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: scale = try reader.readI32(field)
            case 2: precision = try reader.readI32(field)
            default: try reader.skip(field.type)
            }
        }
        reader.endStruct()
        return .decimal(scale: try required(scale, "DecimalType", "scale"),
                        precision: try required(precision, "DecimalType", "precision"))
    }

    private static func readTemporal(_ reader: inout CompactReader) throws(ThriftError) -> (Bool, TimeUnit) {
        try reader.beginStruct()
        var utc: Bool?
        var unit: TimeUnit?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: utc = try reader.readBool(field)
            case 2:
                try reader.expect(field, .struct)
                try reader.beginStruct()
                while let member = try reader.readFieldHeader() {
                    try reader.skip(member.type)
                    switch member.id {
                    case 1: unit = .millisecond
                    case 2: unit = .microsecond
                    case 3: unit = .nanosecond
                    default: throw .invalidValue(structure: "TimeUnit", field: "member", value: String(member.id))
                    }
                }
                reader.endStruct()
            default: try reader.skip(field.type)
            }
        }
        reader.endStruct()
        return (try required(utc, "TimestampType", "isAdjustedToUTC"), try required(unit, "TimestampType", "unit"))
    }

    private static func readInteger(_ reader: inout CompactReader) throws(ThriftError) -> LogicalType {
        try reader.beginStruct()
        var bitWidth: Int8?
        var signed: Bool?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1:
                try reader.expect(field, .byte)
                bitWidth = try reader.readI8()
            case 2: signed = try reader.readBool(field)
            default: try reader.skip(field.type)
            }
        }
        reader.endStruct()
        return .integer(bitWidth: try required(bitWidth, "IntType", "bitWidth"),
                        isSigned: try required(signed, "IntType", "isSigned"))
    }
}
