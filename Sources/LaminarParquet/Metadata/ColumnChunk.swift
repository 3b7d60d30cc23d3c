/// One column of one row group: its metadata and where its page indexes are.
public struct ColumnChunk: ThriftStruct, Hashable {
    /// Set only when the chunk lives in another file, which this project never writes.
    public var filePath: String?
    public var fileOffset: Int64
    public var metaData: ColumnMetaData?
    public var offsetIndexOffset: Int64?
    public var offsetIndexLength: Int32?
    public var columnIndexOffset: Int64?
    public var columnIndexLength: Int32?

    public init(fileOffset: Int64, metaData: ColumnMetaData) {
        self.fileOffset = fileOffset
        self.metaData = metaData
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var fileOffset: Int64?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: filePath = try reader.readString(field)
            case 2: fileOffset = try reader.readI64(field)
            case 3: metaData = try reader.readStruct(field)
            case 4: offsetIndexOffset = try reader.readI64(field)
            case 5: offsetIndexLength = try reader.readI32(field)
            case 6: columnIndexOffset = try reader.readI64(field)
            case 7: columnIndexLength = try reader.readI32(field)
            default: try reader.skip(field.type)
            }
        }
        // Some writers leave file_offset out although the format requires it; 0 is what they mean.
        self.fileOffset = fileOffset ?? 0
    }

    public func writeFields(to writer: inout CompactWriter) {
        if let filePath { writer.writeStringField(1, filePath) }
        writer.writeI64Field(2, fileOffset)
        if let metaData { writer.writeStructField(3, metaData) }
        if let offsetIndexOffset { writer.writeI64Field(4, offsetIndexOffset) }
        if let offsetIndexLength { writer.writeI32Field(5, offsetIndexLength) }
        if let columnIndexOffset { writer.writeI64Field(6, columnIndexOffset) }
        if let columnIndexLength { writer.writeI32Field(7, columnIndexLength) }
    }
}
