import LaminarCompression
import LaminarParquet
import LaminarSQL

/// The Parquet writing options every file-writing sink accepts: `compression`, `compression_level` and
/// `row_group_size`.
enum ParquetCompressionOptions {
    static func parse(_ options: ConnectorOptions) throws(SQLError) -> ParquetWriterOptions {
        var writer = ParquetWriterOptions()
        switch try options.choice("compression", ["snappy", "zstd", "gzip", "lz4", "brotli", "none", "uncompressed"]) {
        case nil, "snappy": writer.compression = .snappy
        case "zstd": writer.compression = .zstd
        case "gzip": writer.compression = .gzip
        case "lz4": writer.compression = .lz4Raw
        case "brotli": writer.compression = .brotli
        default: writer.compression = .uncompressed
        }
        if let level = try options.int("compression_level") {
            guard (-7...22).contains(level) else { throw options.invalid("compression_level", "must be between -7 and 22") }
            writer.compressionLevel = Int(level)
        }
        if let rows = try options.int("row_group_size") {
            guard rows > 0, rows <= 1 << 30 else { throw options.invalid("row_group_size", "must be 1 to 1073741824 rows") }
            writer.rowGroupRowLimit = Int(rows)
        }
        return writer
    }
}
