/// Physical storage types of Parquet leaf columns.
public struct PhysicalType: ThriftEnum, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let boolean = PhysicalType(rawValue: 0)
    public static let int32 = PhysicalType(rawValue: 1)
    public static let int64 = PhysicalType(rawValue: 2)
    public static let int96 = PhysicalType(rawValue: 3)
    public static let float = PhysicalType(rawValue: 4)
    public static let double = PhysicalType(rawValue: 5)
    public static let byteArray = PhysicalType(rawValue: 6)
    public static let fixedLenByteArray = PhysicalType(rawValue: 7)

    public var description: String {
        ["BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"]
            .element(rawValue) ?? "TYPE(\(rawValue))"
    }
}

/// The legacy type annotations that predate `LogicalType`; still written for old readers.
public struct ConvertedType: ThriftEnum, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let utf8 = ConvertedType(rawValue: 0)
    public static let map = ConvertedType(rawValue: 1)
    public static let mapKeyValue = ConvertedType(rawValue: 2)
    public static let list = ConvertedType(rawValue: 3)
    public static let `enum` = ConvertedType(rawValue: 4)
    public static let decimal = ConvertedType(rawValue: 5)
    public static let date = ConvertedType(rawValue: 6)
    public static let timeMillis = ConvertedType(rawValue: 7)
    public static let timeMicros = ConvertedType(rawValue: 8)
    public static let timestampMillis = ConvertedType(rawValue: 9)
    public static let timestampMicros = ConvertedType(rawValue: 10)
    public static let uint8 = ConvertedType(rawValue: 11)
    public static let uint16 = ConvertedType(rawValue: 12)
    public static let uint32 = ConvertedType(rawValue: 13)
    public static let uint64 = ConvertedType(rawValue: 14)
    public static let int8 = ConvertedType(rawValue: 15)
    public static let int16 = ConvertedType(rawValue: 16)
    public static let int32 = ConvertedType(rawValue: 17)
    public static let int64 = ConvertedType(rawValue: 18)
    public static let json = ConvertedType(rawValue: 19)
    public static let bson = ConvertedType(rawValue: 20)
    public static let interval = ConvertedType(rawValue: 21)

    public var description: String {
        ["UTF8", "MAP", "MAP_KEY_VALUE", "LIST", "ENUM", "DECIMAL", "DATE", "TIME_MILLIS", "TIME_MICROS",
         "TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "UINT_8", "UINT_16", "UINT_32", "UINT_64", "INT_8", "INT_16",
         "INT_32", "INT_64", "JSON", "BSON", "INTERVAL"].element(rawValue) ?? "CONVERTED(\(rawValue))"
    }
}

/// Whether a schema node is required, optional or repeated.
public struct Repetition: ThriftEnum, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let required = Repetition(rawValue: 0)
    public static let optional = Repetition(rawValue: 1)
    public static let repeated = Repetition(rawValue: 2)

    public var description: String { ["REQUIRED", "OPTIONAL", "REPEATED"].element(rawValue) ?? "REPETITION(\(rawValue))" }
}

/// Value and level encodings.
public struct Encoding: ThriftEnum, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let plain = Encoding(rawValue: 0)
    public static let plainDictionary = Encoding(rawValue: 2)
    public static let rle = Encoding(rawValue: 3)
    public static let bitPacked = Encoding(rawValue: 4)
    public static let deltaBinaryPacked = Encoding(rawValue: 5)
    public static let deltaLengthByteArray = Encoding(rawValue: 6)
    public static let deltaByteArray = Encoding(rawValue: 7)
    public static let rleDictionary = Encoding(rawValue: 8)
    public static let byteStreamSplit = Encoding(rawValue: 9)

    public var description: String {
        ["PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED", "DELTA_BINARY_PACKED",
         "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"].element(rawValue)
            ?? "ENCODING(\(rawValue))"
    }
}

/// Compression codec of a column chunk, as numbered in the Parquet footer.
public struct ParquetCodec: ThriftEnum, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let uncompressed = ParquetCodec(rawValue: 0)
    public static let snappy = ParquetCodec(rawValue: 1)
    public static let gzip = ParquetCodec(rawValue: 2)
    public static let lzo = ParquetCodec(rawValue: 3)
    public static let brotli = ParquetCodec(rawValue: 4)
    /// Hadoop-framed LZ4 (deprecated, still written by old Hadoop writers).
    public static let lz4 = ParquetCodec(rawValue: 5)
    public static let zstd = ParquetCodec(rawValue: 6)
    public static let lz4Raw = ParquetCodec(rawValue: 7)

    public var description: String {
        ["UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"].element(rawValue)
            ?? "CODEC(\(rawValue))"
    }
}

public struct PageType: ThriftEnum, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let dataPage = PageType(rawValue: 0)
    public static let indexPage = PageType(rawValue: 1)
    public static let dictionaryPage = PageType(rawValue: 2)
    public static let dataPageV2 = PageType(rawValue: 3)

    public var description: String {
        ["DATA_PAGE", "INDEX_PAGE", "DICTIONARY_PAGE", "DATA_PAGE_V2"].element(rawValue) ?? "PAGE(\(rawValue))"
    }
}

public struct BoundaryOrder: ThriftEnum {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unordered = BoundaryOrder(rawValue: 0)
    public static let ascending = BoundaryOrder(rawValue: 1)
    public static let descending = BoundaryOrder(rawValue: 2)
}

extension Array {
    /// The element at a Thrift enum value, if the value is a known index.
    func element(_ index: Int32) -> Element? {
        index >= 0 && Int(index) < count ? self[Int(index)] : nil
    }
}
