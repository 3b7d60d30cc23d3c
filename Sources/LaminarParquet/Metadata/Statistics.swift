/// Min/max bounds and counts of a page or column chunk. Bounds are PLAIN-encoded values (byte arrays without
/// their length prefix); `minValue`/`maxValue` follow the column's sort order, the deprecated `min`/`max` are
/// signed-only and kept for old files.
public struct Statistics: ThriftStruct, Hashable {
    public var max: [UInt8]?
    public var min: [UInt8]?
    public var nullCount: Int64?
    public var distinctCount: Int64?
    public var maxValue: [UInt8]?
    public var minValue: [UInt8]?
    public var isMaxValueExact: Bool?
    public var isMinValueExact: Bool?
    public var nanCount: Int64?

    public init(nullCount: Int64? = nil, minValue: [UInt8]? = nil, maxValue: [UInt8]? = nil) {
        self.nullCount = nullCount
        self.minValue = minValue
        self.maxValue = maxValue
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: max = try reader.readBinary(field)
            case 2: min = try reader.readBinary(field)
            case 3: nullCount = try reader.readI64(field)
            case 4: distinctCount = try reader.readI64(field)
            case 5: maxValue = try reader.readBinary(field)
            case 6: minValue = try reader.readBinary(field)
            case 7: isMaxValueExact = try reader.readBool(field)
            case 8: isMinValueExact = try reader.readBool(field)
            case 9: nanCount = try reader.readI64(field)
            default: try reader.skip(field.type)
            }
        }
    }

    public func writeFields(to writer: inout CompactWriter) {
        if let max { writer.writeBinaryField(1, max) }
        if let min { writer.writeBinaryField(2, min) }
        if let nullCount { writer.writeI64Field(3, nullCount) }
        if let distinctCount { writer.writeI64Field(4, distinctCount) }
        if let maxValue { writer.writeBinaryField(5, maxValue) }
        if let minValue { writer.writeBinaryField(6, minValue) }
        if let isMaxValueExact { writer.writeBoolField(7, isMaxValueExact) }
        if let isMinValueExact { writer.writeBoolField(8, isMinValueExact) }
        if let nanCount { writer.writeI64Field(9, nanCount) }
    }
}
