import Foundation
import LaminarArrow
import LaminarCore
import LaminarFileFormats
import LaminarParquet
import LaminarSQL

/// `type = 'file'`: CSV (with a header row), JSON lines or Parquet, from one file or a directory.
///
/// Options: `path` (required), `format` (`csv`, `jsonl`, `parquet`; by default from the file extension),
/// `mode` (`batch`, the default, reads what is there and ends; `continuous` keeps watching a directory for
/// new files), `poll_interval` (default 1 second), `delimiter` (CSV, one character), `batch_size`.
/// Columns may be declared; otherwise they are inferred from the first file, as DuckDB's readers do.
/// In a directory, names starting with `.` or `_` are skipped: writers use them for files in progress.
public struct FileSourceConnector: SourceConnector {
    public let type = "file"

    static let keys = ["path", "format", "mode", "poll_interval", "delimiter", "batch_size"]

    public init() {}

    public func prepare(_ definition: SourceDefinition) async throws(SQLError) -> any PreparedSource {
        let options = try ConnectorOptions(definition.options, connector: type, keys: Self.keys)
        let path = try options.required("path")
        let mode = try options.choice("mode", ["batch", "continuous"]) ?? "batch"
        let poll = try options.duration("poll_interval") ?? .seconds(1)
        guard poll > .zero else { throw options.invalid("poll_interval", "must be positive") }
        let batchSize = try options.int("batch_size") ?? 8192
        guard batchSize > 0, batchSize <= 1 << 20 else { throw options.invalid("batch_size", "must be 1 to 1048576") }
        var delimiter = UInt8(ascii: ",")
        if let text = try options.string("delimiter") {
            guard text.utf8.count == 1, let byte = text.utf8.first else {
                throw options.invalid("delimiter", "must be a single one-byte character")
            }
            delimiter = byte
        }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw options.invalid("path", "\(path) does not exist")
        }
        if mode == "continuous" && !isDirectory.boolValue {
            throw options.invalid("mode", "continuous mode watches a directory; \(path) is a file")
        }
        let files = FileListing.files(at: path)
        var format: FileFormat?
        if let text = try options.string("format") {
            guard let chosen = FileFormat(option: text.lowercased()) else {
                throw options.invalid("format", "must be csv, jsonl or parquet, found '\(text)'")
            }
            format = chosen
        } else {
            format = files.lazy.compactMap { FileFormat(fileName: $0) }.first
        }
        guard let format else {
            throw options.invalid("path", "cannot tell the format of \(path); set format = 'csv', 'jsonl' or 'parquet'")
        }
        let settings = FileReadSettings(format: format, csv: CSVOptions(delimiter: delimiter, batchSize: Int(batchSize)),
                                        batchSize: Int(batchSize))
        let schema: Schema
        if let declared = definition.columns, !declared.fields.isEmpty {
            schema = declared
        } else {
            guard let first = files.first else {
                throw options.invalid("path", "\(path) holds no files to infer columns from; declare the columns")
            }
            do {
                schema = try await settings.inferSchema(of: first)
            } catch {
                throw SQLError(kind: .semantic, message: "cannot infer the columns of \(first): \(error.message)", location: .unknown)
            }
        }
        return PreparedFileSource(path: path, schema: schema, settings: settings, continuous: mode == "continuous",
                                  pollInterval: poll)
    }
}

/// The files of a source path: the path itself, or a directory's visible regular files in name order.
enum FileListing {
    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }.sorted().compactMap { name in
            let full = (path as NSString).appendingPathComponent(name)
            var nested: ObjCBool = false
            return FileManager.default.fileExists(atPath: full, isDirectory: &nested) && !nested.boolValue ? full : nil
        }
    }
}
