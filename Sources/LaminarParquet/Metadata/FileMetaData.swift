/// The Parquet footer: schema, row groups and file-level metadata.
public struct FileMetaData: ThriftStruct, Hashable {
    public var version: Int32
    public var schema: [SchemaElement]
    public var numRows: Int64
    public var rowGroups: [RowGroup]
    public var keyValueMetadata: [KeyValue]?
    public var createdBy: String?
    /// Whether each leaf column's statistics use the type-defined sort order (the only order defined so far);
    /// nil in files from writers that predate column orders, whose min/max are signed-only.
    public var typeDefinedColumnOrders: Int?

    public init(version: Int32 = 2, schema: [SchemaElement], numRows: Int64, rowGroups: [RowGroup],
                keyValueMetadata: [KeyValue]? = nil, createdBy: String? = nil) {
        self.version = version
        self.schema = schema
        self.numRows = numRows
        self.rowGroups = rowGroups
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var version: Int32?
        var schema: [SchemaElement]?
        var numRows: Int64?
        var rowGroups: [RowGroup]?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: version = try reader.readI32(field)
            case 2: schema = try reader.readStructList(field)
            case 3: numRows = try reader.readI64(field)
            case 4: rowGroups = try reader.readStructList(field)
            case 5: keyValueMetadata = try reader.readStructList(field)
            case 6: createdBy = try reader.readString(field)
            case 7:
                let orders: [Void] = try reader.readList(field, of: .struct) { (r: inout CompactReader) throws(ThriftError) in
                    try r.skip(.struct)
                }
                typeDefinedColumnOrders = orders.count
            default: try reader.skip(field.type)
            }
        }
        self.version = try required(version, "FileMetaData", "version")
        self.schema = try required(schema, "FileMetaData", "schema")
        self.numRows = try required(numRows, "FileMetaData", "num_rows")
        self.rowGroups = try required(rowGroups, "FileMetaData", "row_groups")
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeI32Field(1, version)
        writer.writeStructListField(2, schema)
        writer.writeI64Field(3, numRows)
        writer.writeStructListField(4, rowGroups)
        if let keyValueMetadata { writer.writeStructListField(5, keyValueMetadata) }
        if let createdBy { writer.writeStringField(6, createdBy) }
        if let orders = typeDefinedColumnOrders {
            // ColumnOrder is a union whose only member, TYPE_ORDER (1), is an empty struct.
            writer.writeFieldHeader(7, .list)
            writer.writeListHeader(.struct, count: orders)
            for _ in 0..<orders {
                writer.beginStruct()
                writer.writeFieldHeader(1, .struct)
                writer.beginStruct()
                writer.endStruct()
                writer.endStruct()
            }
        }
    }
}
