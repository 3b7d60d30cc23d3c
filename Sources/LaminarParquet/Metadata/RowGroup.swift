/// A horizontal slice of the file: one column chunk per leaf column.
public struct RowGroup: ThriftStruct, Hashable {
    public var columns: [ColumnChunk]
    public var totalByteSize: Int64
    public var numRows: Int64
    public var fileOffset: Int64?
    public var totalCompressedSize: Int64?
    public var ordinal: Int16?

    public init(columns: [ColumnChunk], totalByteSize: Int64, numRows: Int64) {
        self.columns = columns
        self.totalByteSize = totalByteSize
        self.numRows = numRows
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var columns: [ColumnChunk]?
        var totalByteSize: Int64?
        var numRows: Int64?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: columns = try reader.readStructList(field)
            case 2: totalByteSize = try reader.readI64(field)
            case 3: numRows = try reader.readI64(field)
            case 5: fileOffset = try reader.readI64(field)
            case 6: totalCompressedSize = try reader.readI64(field)
            case 7:
                try reader.expect(field, .i16)
                ordinal = try reader.readI16()
            default: try reader.skip(field.type)
            }
        }
        self.columns = try required(columns, "RowGroup", "columns")
        self.totalByteSize = try required(totalByteSize, "RowGroup", "total_byte_size")
        self.numRows = try required(numRows, "RowGroup", "num_rows")
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeStructListField(1, columns)
        writer.writeI64Field(2, totalByteSize)
        writer.writeI64Field(3, numRows)
        if let fileOffset { writer.writeI64Field(5, fileOffset) }
        if let totalCompressedSize { writer.writeI64Field(6, totalCompressedSize) }
        if let ordinal {
            writer.writeFieldHeader(7, .i16)
            writer.writeI32(Int32(ordinal))
        }
    }
}
