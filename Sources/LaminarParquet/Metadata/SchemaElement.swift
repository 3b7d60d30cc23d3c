/// One node of the flattened, depth-first Parquet schema: a group when `numChildren` is set, a leaf otherwise.
public struct SchemaElement: ThriftStruct, Hashable {
    public var type: PhysicalType?
    public var typeLength: Int32?
    public var repetition: Repetition?
    public var name: String
    public var numChildren: Int32?
    public var convertedType: ConvertedType?
    public var scale: Int32?
    public var precision: Int32?
    public var fieldID: Int32?
    public var logicalType: LogicalType?

    public init(name: String, type: PhysicalType? = nil, repetition: Repetition? = nil, numChildren: Int32? = nil) {
        self.name = name
        self.type = type
        self.repetition = repetition
        self.numChildren = numChildren
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var name: String?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: type = try reader.readEnum(field)
            case 2: typeLength = try reader.readI32(field)
            case 3: repetition = try reader.readEnum(field)
            case 4: name = try reader.readString(field)
            case 5: numChildren = try reader.readI32(field)
            case 6: convertedType = try reader.readEnum(field)
            case 7: scale = try reader.readI32(field)
            case 8: precision = try reader.readI32(field)
            case 9: fieldID = try reader.readI32(field)
            case 10: logicalType = try reader.readStruct(field)
            default: try reader.skip(field.type)
            }
        }
        self.name = try required(name, "SchemaElement", "name")
    }

    public func writeFields(to writer: inout CompactWriter) {
        if let type { writer.writeEnumField(1, type) }
        if let typeLength { writer.writeI32Field(2, typeLength) }
        if let repetition { writer.writeEnumField(3, repetition) }
        writer.writeStringField(4, name)
        if let numChildren { writer.writeI32Field(5, numChildren) }
        if let convertedType { writer.writeEnumField(6, convertedType) }
        if let scale { writer.writeI32Field(7, scale) }
        if let precision { writer.writeI32Field(8, precision) }
        if let fieldID { writer.writeI32Field(9, fieldID) }
        if let logicalType { writer.writeStructField(10, logicalType) }
    }
}
