import LaminarCompression

/// How a `ParquetWriter` lays out a file. The defaults follow pyarrow's and parquet-java's, except that page
/// indexes are written (they let readers skip pages) and small decimals are stored as integers.
public struct ParquetWriterOptions: Sendable {
    public enum PageVersion: Sendable, Hashable {
        case v1
        case v2
    }

    public var compression: CompressionCodec = .snappy
    /// Codec level (zstd 1...22, gzip 1...9, brotli 0...11); nil for the codec's default.
    public var compressionLevel: Int?
    public var pageVersion: PageVersion = .v1
    /// A row group is closed once it holds this many rows...
    public var rowGroupRowLimit = 1_048_576
    /// ...or once its values take about this many bytes before compression.
    public var rowGroupByteLimit = 128 * 1024 * 1024
    /// Target size of a data page's values before compression.
    public var pageByteLimit = 1024 * 1024
    public var pageRowLimit = 20_000
    public var dictionaryEnabled = true
    /// Once a column chunk's dictionary would pass this size, its remaining pages are written without one.
    public var dictionaryByteLimit = 1024 * 1024
    /// Encodings by dotted column path, used instead of the dictionary (or after it falls back): `.plain`,
    /// `.deltaBinaryPacked` (INT32, INT64), `.deltaLengthByteArray` and `.deltaByteArray` (BYTE_ARRAY),
    /// `.byteStreamSplit` (FLOAT, DOUBLE, INT32, INT64, FIXED_LEN_BYTE_ARRAY), `.rle` (BOOLEAN).
    public var columnEncodings: [String: Encoding] = [:]
    public var writeStatistics = true
    /// Binary and string bounds in statistics and page indexes are cut to this many bytes; nil keeps them whole.
    public var statisticsTruncateLength: Int? = 64
    public var writePageIndex = true
    public var decimalAsFixed = false
    public var keyValueMetadata: [String: String] = [:]
    public var createdBy = "LaminarDB parquet-swift version 0.1.0"
    /// Batches of at least this many rows have their columns encoded on several threads at once (each
    /// column chunk is independent); smaller batches, and a value of 0, stay on the calling thread, where
    /// handing work to other threads would cost more than it saves.
    public var parallelEncodingMinimumRows = 4096

    public init() {}

    /// The encoding to use for `column` when no dictionary is used.
    func fallbackEncoding(for column: ColumnDescriptor) -> Encoding {
        if let requested = columnEncodings[column.dottedPath] { return requested }
        if column.physicalType == .boolean, pageVersion == .v2 { return .rle }
        return .plain
    }

    func usesDictionary(_ column: ColumnDescriptor) -> Bool {
        guard dictionaryEnabled, column.physicalType != .boolean else { return false }
        guard let requested = columnEncodings[column.dottedPath] else { return true }
        return requested == .rleDictionary || requested == .plainDictionary
    }
}
