/// Where each data page of a column chunk starts and which row it begins with.
public struct OffsetIndex: ThriftStruct, Hashable {
    public var pageLocations: [PageLocation]

    public init(pageLocations: [PageLocation]) { self.pageLocations = pageLocations }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var locations: [PageLocation]?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: locations = try reader.readStructList(field)
            default: try reader.skip(field.type)
            }
        }
        pageLocations = try required(locations, "OffsetIndex", "page_locations")
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeStructListField(1, pageLocations)
    }
}

public struct PageLocation: ThriftStruct, Hashable {
    public var offset: Int64
    public var compressedPageSize: Int32
    public var firstRowIndex: Int64

    public init(offset: Int64, compressedPageSize: Int32, firstRowIndex: Int64) {
        self.offset = offset
        self.compressedPageSize = compressedPageSize
        self.firstRowIndex = firstRowIndex
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var offset: Int64?
        var size: Int32?
        var firstRow: Int64?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: offset = try reader.readI64(field)
            case 2: size = try reader.readI32(field)
            case 3: firstRow = try reader.readI64(field)
            default: try reader.skip(field.type)
            }
        }
        self.offset = try required(offset, "PageLocation", "offset")
        compressedPageSize = try required(size, "PageLocation", "compressed_page_size")
        firstRowIndex = try required(firstRow, "PageLocation", "first_row_index")
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeI64Field(1, offset)
        writer.writeI32Field(2, compressedPageSize)
        writer.writeI64Field(3, firstRowIndex)
    }
}
