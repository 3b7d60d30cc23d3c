import Foundation
import LaminarArrow
import LaminarCompression
import LaminarCore
import LaminarParquet
import LaminarSQL
import LaminarStorage

/// `type = 'parquet'`: Parquet files in a local directory, rolled at `target_file_size`.
///
/// Options: `path` (the directory, created when missing), `target_file_size` (default 128 MB),
/// `compression` (`snappy` by default, `zstd`, `gzip`, `lz4`, `brotli`, `none`), `compression_level`,
/// `row_group_size` (rows). Like Flink's FileSink, a file is written under a hidden in-progress name
/// (`.part-....inprogress`) and renamed to its final name only when committed, so a reader of the directory
/// only ever sees complete files.
public struct ParquetSinkConnector: SinkConnector {
    public let type = "parquet"

    static let keys = ["path", "target_file_size", "compression", "compression_level", "row_group_size"]

    public init() {}

    public func prepare(name: String, schema: Schema, options given: [WithOption]) async throws(SQLError) -> any PreparedSink {
        let options = try ConnectorOptions(given, connector: type, keys: Self.keys)
        let path = try options.required("path")
        if let scheme = path.range(of: "://"), !path.hasPrefix("file://") {
            throw options.invalid("path", "the parquet sink writes local directories; '\(path[..<scheme.lowerBound])://' storage comes with the lake sinks")
        }
        let target = try options.size("target_file_size") ?? 128 * 1024 * 1024
        guard target >= 1000 else { throw options.invalid("target_file_size", "must be at least 1 KB") }
        var writer = try ParquetCompressionOptions.parse(options)
        writer.rowGroupByteLimit = Int(min(target, Int64(writer.rowGroupByteLimit)))
        let directory = path.hasPrefix("file://") ? String(path.dropFirst("file://".count)) : path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw options.invalid("path", "cannot create \(directory): \(error.localizedDescription)")
        }
        return PreparedParquetSink(name: name, writerID: StateNames.folder(name), directory: directory, schema: schema, targetFileSize: Int(target), writerOptions: writer)
    }
}

struct PreparedParquetSink: PreparedSink {
    let name: String
    /// The sink's name in characters safe in file names (`StateNames.folder`).
    let writerID: String
    let directory: String
    let schema: Schema
    let targetFileSize: Int
    let writerOptions: ParquetWriterOptions

    func makeSink() async throws(EngineError) -> any LakehouseSink {
        ParquetFileSink(self)
    }
}
