/// Per-page min/max bounds and null information of one column chunk, stored after the row groups so readers
/// can skip pages without reading them.
public struct ColumnIndex: ThriftStruct, Hashable {
    public var nullPages: [Bool]
    public var minValues: [[UInt8]]
    public var maxValues: [[UInt8]]
    public var boundaryOrder: BoundaryOrder
    public var nullCounts: [Int64]?

    public init(nullPages: [Bool], minValues: [[UInt8]], maxValues: [[UInt8]], boundaryOrder: BoundaryOrder,
                nullCounts: [Int64]?) {
        self.nullPages = nullPages
        self.minValues = minValues
        self.maxValues = maxValues
        self.boundaryOrder = boundaryOrder
        self.nullCounts = nullCounts
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var nullPages: [Bool]?
        var minValues: [[UInt8]]?
        var maxValues: [[UInt8]]?
        var order: BoundaryOrder?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1:
                nullPages = try reader.readList(field, of: .booleanTrue) { (r: inout CompactReader) throws(ThriftError) in
                    try r.readBool()
                }
            case 2, 3:
                let values = try reader.readList(field, of: .binary) { (r: inout CompactReader) throws(ThriftError) in
                    try r.readBinary()
                }
                if field.id == 2 { minValues = values } else { maxValues = values }
            case 4: order = try reader.readEnum(field)
            case 5:
                nullCounts = try reader.readList(field, of: .i64) { (r: inout CompactReader) throws(ThriftError) in
                    try r.readI64()
                }
            default: try reader.skip(field.type)
            }
        }
        self.nullPages = try required(nullPages, "ColumnIndex", "null_pages")
        self.minValues = try required(minValues, "ColumnIndex", "min_values")
        self.maxValues = try required(maxValues, "ColumnIndex", "max_values")
        boundaryOrder = try required(order, "ColumnIndex", "boundary_order")
        guard self.minValues.count == self.nullPages.count, self.maxValues.count == self.nullPages.count else {
            throw .invalidValue(structure: "ColumnIndex", field: "min_values/max_values",
                                value: "\(self.minValues.count)/\(self.maxValues.count) for \(self.nullPages.count) pages")
        }
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeFieldHeader(1, .list)
        writer.writeListHeader(.booleanTrue, count: nullPages.count)
        for page in nullPages { writer.writeBool(page) }
        writer.writeBinaryListField(2, minValues)
        writer.writeBinaryListField(3, maxValues)
        writer.writeEnumField(4, boundaryOrder)
        if let nullCounts { writer.writeI64ListField(5, nullCounts) }
    }
}
