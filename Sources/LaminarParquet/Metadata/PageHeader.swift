/// The header before every page of a column chunk. Exactly one of the type-specific headers is set.
public struct PageHeader: ThriftStruct, Hashable {
    public var type: PageType
    public var uncompressedPageSize: Int32
    public var compressedPageSize: Int32
    public var crc: Int32?
    public var dataPageHeader: DataPageHeader?
    public var dictionaryPageHeader: DictionaryPageHeader?
    public var dataPageHeaderV2: DataPageHeaderV2?

    public init(type: PageType, uncompressedPageSize: Int32, compressedPageSize: Int32) {
        self.type = type
        self.uncompressedPageSize = uncompressedPageSize
        self.compressedPageSize = compressedPageSize
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var type: PageType?
        var uncompressed: Int32?
        var compressed: Int32?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: type = try reader.readEnum(field)
            case 2: uncompressed = try reader.readI32(field)
            case 3: compressed = try reader.readI32(field)
            case 4: crc = try reader.readI32(field)
            case 5: dataPageHeader = try reader.readStruct(field)
            case 7: dictionaryPageHeader = try reader.readStruct(field)
            case 8: dataPageHeaderV2 = try reader.readStruct(field)
            default: try reader.skip(field.type)
            }
        }
        self.type = try required(type, "PageHeader", "type")
        self.uncompressedPageSize = try required(uncompressed, "PageHeader", "uncompressed_page_size")
        self.compressedPageSize = try required(compressed, "PageHeader", "compressed_page_size")
        guard uncompressedPageSize >= 0, compressedPageSize >= 0 else {
            throw .invalidValue(structure: "PageHeader", field: "page size",
                                value: "\(compressedPageSize)/\(uncompressedPageSize)")
        }
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeEnumField(1, type)
        writer.writeI32Field(2, uncompressedPageSize)
        writer.writeI32Field(3, compressedPageSize)
        if let crc { writer.writeI32Field(4, crc) }
        if let dataPageHeader { writer.writeStructField(5, dataPageHeader) }
        if let dictionaryPageHeader { writer.writeStructField(7, dictionaryPageHeader) }
        if let dataPageHeaderV2 { writer.writeStructField(8, dataPageHeaderV2) }
    }
}

/// Header of a version 1 data page: levels and values are compressed together.
public struct DataPageHeader: ThriftStruct, Hashable {
    public var numValues: Int32
    public var encoding: Encoding
    public var definitionLevelEncoding: Encoding
    public var repetitionLevelEncoding: Encoding
    public var statistics: Statistics?

    public init(numValues: Int32, encoding: Encoding, definitionLevelEncoding: Encoding = .rle,
                repetitionLevelEncoding: Encoding = .rle, statistics: Statistics? = nil) {
        self.numValues = numValues
        self.encoding = encoding
        self.definitionLevelEncoding = definitionLevelEncoding
        self.repetitionLevelEncoding = repetitionLevelEncoding
        self.statistics = statistics
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var numValues: Int32?
        var encoding: Encoding?
        var definition: Encoding?
        var repetition: Encoding?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: encoding = try reader.readEnum(field)
            case 3: definition = try reader.readEnum(field)
            case 4: repetition = try reader.readEnum(field)
            case 5: statistics = try reader.readStruct(field)
            default: try reader.skip(field.type)
            }
        }
        self.numValues = try required(numValues, "DataPageHeader", "num_values")
        self.encoding = try required(encoding, "DataPageHeader", "encoding")
        self.definitionLevelEncoding = try required(definition, "DataPageHeader", "definition_level_encoding")
        self.repetitionLevelEncoding = try required(repetition, "DataPageHeader", "repetition_level_encoding")
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeI32Field(1, numValues)
        writer.writeEnumField(2, encoding)
        writer.writeEnumField(3, definitionLevelEncoding)
        writer.writeEnumField(4, repetitionLevelEncoding)
        if let statistics { writer.writeStructField(5, statistics) }
    }
}

/// Header of a version 2 data page: levels are stored uncompressed ahead of the (optionally compressed) values.
public struct DataPageHeaderV2: ThriftStruct, Hashable {
    public var numValues: Int32
    public var numNulls: Int32
    public var numRows: Int32
    public var encoding: Encoding
    public var definitionLevelsByteLength: Int32
    public var repetitionLevelsByteLength: Int32
    public var isCompressed: Bool
    public var statistics: Statistics?

    public init(numValues: Int32, numNulls: Int32, numRows: Int32, encoding: Encoding,
                definitionLevelsByteLength: Int32, repetitionLevelsByteLength: Int32, isCompressed: Bool = true,
                statistics: Statistics? = nil) {
        self.numValues = numValues
        self.numNulls = numNulls
        self.numRows = numRows
        self.encoding = encoding
        self.definitionLevelsByteLength = definitionLevelsByteLength
        self.repetitionLevelsByteLength = repetitionLevelsByteLength
        self.isCompressed = isCompressed
        self.statistics = statistics
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var values: [Int16: Int32] = [:]
        var encoding: Encoding?
        isCompressed = true
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1, 2, 3, 5, 6: values[field.id] = try reader.readI32(field)
            case 4: encoding = try reader.readEnum(field)
            case 7: isCompressed = try reader.readBool(field)
            case 8: statistics = try reader.readStruct(field)
            default: try reader.skip(field.type)
            }
        }
        numValues = try required(values[1], "DataPageHeaderV2", "num_values")
        numNulls = try required(values[2], "DataPageHeaderV2", "num_nulls")
        numRows = try required(values[3], "DataPageHeaderV2", "num_rows")
        self.encoding = try required(encoding, "DataPageHeaderV2", "encoding")
        definitionLevelsByteLength = try required(values[5], "DataPageHeaderV2", "definition_levels_byte_length")
        repetitionLevelsByteLength = try required(values[6], "DataPageHeaderV2", "repetition_levels_byte_length")
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeI32Field(1, numValues)
        writer.writeI32Field(2, numNulls)
        writer.writeI32Field(3, numRows)
        writer.writeEnumField(4, encoding)
        writer.writeI32Field(5, definitionLevelsByteLength)
        writer.writeI32Field(6, repetitionLevelsByteLength)
        writer.writeBoolField(7, isCompressed)
        if let statistics { writer.writeStructField(8, statistics) }
    }
}

/// Header of the dictionary page that precedes dictionary-encoded data pages.
public struct DictionaryPageHeader: ThriftStruct, Hashable {
    public var numValues: Int32
    public var encoding: Encoding
    public var isSorted: Bool?

    public init(numValues: Int32, encoding: Encoding = .plain) {
        self.numValues = numValues
        self.encoding = encoding
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var numValues: Int32?
        var encoding: Encoding?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: encoding = try reader.readEnum(field)
            case 3: isSorted = try reader.readBool(field)
            default: try reader.skip(field.type)
            }
        }
        self.numValues = try required(numValues, "DictionaryPageHeader", "num_values")
        self.encoding = try required(encoding, "DictionaryPageHeader", "encoding")
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeI32Field(1, numValues)
        writer.writeEnumField(2, encoding)
        if let isSorted { writer.writeBoolField(3, isSorted) }
    }
}
