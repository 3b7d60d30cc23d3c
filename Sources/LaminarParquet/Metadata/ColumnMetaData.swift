/// Where a column chunk's pages are and how they are stored.
public struct ColumnMetaData: ThriftStruct, Hashable {
    public var type: PhysicalType
    public var encodings: [Encoding]
    public var pathInSchema: [String]
    public var codec: ParquetCodec
    public var numValues: Int64
    public var totalUncompressedSize: Int64
    public var totalCompressedSize: Int64
    public var keyValueMetadata: [KeyValue]?
    public var dataPageOffset: Int64
    public var indexPageOffset: Int64?
    public var dictionaryPageOffset: Int64?
    public var statistics: Statistics?
    public var bloomFilterOffset: Int64?
    public var bloomFilterLength: Int32?

    public init(type: PhysicalType, encodings: [Encoding], pathInSchema: [String], codec: ParquetCodec,
                numValues: Int64, totalUncompressedSize: Int64, totalCompressedSize: Int64, dataPageOffset: Int64) {
        self.type = type
        self.encodings = encodings
        self.pathInSchema = pathInSchema
        self.codec = codec
        self.numValues = numValues
        self.totalUncompressedSize = totalUncompressedSize
        self.totalCompressedSize = totalCompressedSize
        self.dataPageOffset = dataPageOffset
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var type: PhysicalType?
        var encodings: [Encoding]?
        var path: [String]?
        var codec: ParquetCodec?
        var counts: [Int16: Int64] = [:]
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: type = try reader.readEnum(field)
            case 2:
                encodings = try reader.readList(field, of: .i32) { (r: inout CompactReader) throws(ThriftError) in
                    Encoding(rawValue: try r.readI32())
                }
            case 3:
                path = try reader.readList(field, of: .binary) { (r: inout CompactReader) throws(ThriftError) in
                    try r.readString()
                }
            case 4: codec = try reader.readEnum(field)
            case 5, 6, 7, 9, 10, 11, 14: counts[field.id] = try reader.readI64(field)
            case 8: keyValueMetadata = try reader.readStructList(field)
            case 12: statistics = try reader.readStruct(field)
            case 15: bloomFilterLength = try reader.readI32(field)
            default: try reader.skip(field.type)
            }
        }
        self.type = try required(type, "ColumnMetaData", "type")
        self.encodings = try required(encodings, "ColumnMetaData", "encodings")
        pathInSchema = try required(path, "ColumnMetaData", "path_in_schema")
        self.codec = try required(codec, "ColumnMetaData", "codec")
        numValues = try required(counts[5], "ColumnMetaData", "num_values")
        totalUncompressedSize = try required(counts[6], "ColumnMetaData", "total_uncompressed_size")
        totalCompressedSize = try required(counts[7], "ColumnMetaData", "total_compressed_size")
        dataPageOffset = try required(counts[9], "ColumnMetaData", "data_page_offset")
        indexPageOffset = counts[10]
        dictionaryPageOffset = counts[11]
        bloomFilterOffset = counts[14]
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeEnumField(1, type)
        writer.writeFieldHeader(2, .list)
        writer.writeListHeader(.i32, count: encodings.count)
        for encoding in encodings { writer.writeI32(encoding.rawValue) }
        writer.writeBinaryListField(3, pathInSchema.map { Array($0.utf8) })
        writer.writeEnumField(4, codec)
        writer.writeI64Field(5, numValues)
        writer.writeI64Field(6, totalUncompressedSize)
        writer.writeI64Field(7, totalCompressedSize)
        if let keyValueMetadata { writer.writeStructListField(8, keyValueMetadata) }
        writer.writeI64Field(9, dataPageOffset)
        if let indexPageOffset { writer.writeI64Field(10, indexPageOffset) }
        if let dictionaryPageOffset { writer.writeI64Field(11, dictionaryPageOffset) }
        if let statistics { writer.writeStructField(12, statistics) }
        if let bloomFilterOffset { writer.writeI64Field(14, bloomFilterOffset) }
        if let bloomFilterLength { writer.writeI32Field(15, bloomFilterLength) }
    }
}
