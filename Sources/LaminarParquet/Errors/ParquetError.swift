import LaminarCompression

/// Why a Parquet file could not be read or written, and where.
///
/// Low layers (decoders, page parsers) throw with only a `reason` and perhaps an offset; each layer above adds
/// what it knows (`column`, `page`, `rowGroup`, `file`) through `adding(...)`, so the message a user sees names
/// the whole path to the bad bytes without every decoder having to know it.
public struct ParquetError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The bytes are not a Parquet file at all: too short, or the magic is wrong.
        case notParquet(String)
        /// The footer's Thrift could not be decoded.
        case corruptMetadata(ThriftError)
        /// A page, its header or its encoded values are inconsistent.
        case corruptPage(String)
        /// The codec rejected a compressed page.
        case decompression(String)
        /// A dictionary-encoded page refers past the end of its dictionary.
        case dictionaryIndexOutOfRange(index: Int, size: Int)
        /// Valid Parquet that this version does not read or write.
        case unsupported(String)
        /// A schema that cannot be mapped between Arrow and Parquet, or a projection naming no column.
        case schema(String)
        /// The caller passed data that does not fit the file (wrong schema, writer already closed).
        case invalidArgument(String)
        /// The byte source or sink failed.
        case io(String)
    }

    public var reason: Reason
    public var file: String?
    /// Dotted path of the leaf column.
    public var column: String?
    public var rowGroup: Int?
    /// Index of the page within its column chunk, dictionary page included.
    public var page: Int?
    /// Byte offset: within the file when no page is set, within the page's data otherwise.
    public var offset: Int?

    public init(_ reason: Reason, offset: Int? = nil) {
        self.reason = reason
        self.offset = offset
    }

    public static func corruptPage(_ detail: String, offset: Int? = nil) -> ParquetError {
        ParquetError(.corruptPage(detail), offset: offset)
    }

    public static func unsupported(_ detail: String) -> ParquetError { ParquetError(.unsupported(detail)) }
    public static func schema(_ detail: String) -> ParquetError { ParquetError(.schema(detail)) }
    public static func invalidArgument(_ detail: String) -> ParquetError { ParquetError(.invalidArgument(detail)) }

    /// The same error with the given context filled in where it was still unknown.
    public func adding(file: String? = nil, column: String? = nil, rowGroup: Int? = nil, page: Int? = nil)
        -> ParquetError
    {
        var copy = self
        copy.file = self.file ?? file
        copy.column = self.column ?? column
        copy.rowGroup = self.rowGroup ?? rowGroup
        copy.page = self.page ?? page
        return copy
    }

    public var description: String {
        var location: [String] = []
        if let file { location.append("file \(file)") }
        if let rowGroup { location.append("row group \(rowGroup)") }
        if let column { location.append("column \(column)") }
        if let page { location.append("page \(page)") }
        if let offset { location.append("offset \(offset)") }
        let prefix = location.isEmpty ? "" : location.joined(separator: ", ") + ": "
        return prefix + reasonDescription
    }

    private var reasonDescription: String {
        switch reason {
        case .notParquet(let detail): "not a Parquet file: \(detail)"
        case .corruptMetadata(let error): "corrupt metadata: \(error)"
        case .corruptPage(let detail): "corrupt page: \(detail)"
        case .decompression(let detail): "decompression failed: \(detail)"
        case .dictionaryIndexOutOfRange(let index, let size):
            "dictionary index \(index) out of range for a dictionary of \(size) values"
        case .unsupported(let detail): "unsupported: \(detail)"
        case .schema(let detail): "schema: \(detail)"
        case .invalidArgument(let detail): "invalid argument: \(detail)"
        case .io(let detail): "I/O: \(detail)"
        }
    }
}

extension ParquetError {
    init(_ error: ThriftError) { self.init(.corruptMetadata(error)) }
    init(_ error: CompressionError) { self.init(.decompression(String(describing: error))) }
}
