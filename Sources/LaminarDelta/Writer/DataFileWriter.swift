import Foundation
import LaminarArrow
import LaminarObjectStore
import LaminarParquet

/// Writes rows of a table's schema as Parquet data files under the table root: split by partition into
/// Hive-style directories (partition columns stay out of the files, as Delta writers do), each file rolled
/// when it reaches the target size, each with its statistics. `finish()` closes the open files and returns
/// the `add` actions that would commit them.
public final class DataFileWriter {
    private final class OpenFile {
        let writer: ParquetWriter
        let sink: UploadByteSink
        let key: String
        let partitionValues: [String: String?]
        var statistics: FileStatisticsCollector

        init(writer: ParquetWriter, sink: UploadByteSink, key: String, partitionValues: [String: String?], statistics: FileStatisticsCollector) {
            self.writer = writer
            self.sink = sink
            self.key = key
            self.partitionValues = partitionValues
            self.statistics = statistics
        }
    }

    public let store: any ObjectStore
    public let schema: Schema
    public let partitionColumns: [String]
    public let targetFileSize: Int
    public let parquetOptions: ParquetWriterOptions
    public let indexedColumns: Int
    /// Starts every file name, so files of one writer and epoch can be told apart (`part-<prefix>-…`).
    public let namePrefix: String
    /// Where changes go instead of the table's data directories (`_change_data` for CDF files).
    public let directory: String?

    let dataSchema: Schema
    private let partitionIndices: [Int]
    private let dataIndices: [Int]
    private var open: [String: OpenFile] = [:]
    private var finished: [WrittenFile] = []
    private var sequence = 0

    public init(store: any ObjectStore, schema: Schema, partitionColumns: [String], targetFileSize: Int,
                parquetOptions: ParquetWriterOptions, indexedColumns: Int, namePrefix: String, directory: String? = nil) throws(DeltaError) {
        self.store = store
        self.schema = schema
        self.partitionColumns = partitionColumns
        self.targetFileSize = targetFileSize
        self.parquetOptions = parquetOptions
        self.indexedColumns = indexedColumns
        self.namePrefix = namePrefix
        self.directory = directory
        var partitionIndices: [Int] = []
        for column in partitionColumns {
            guard let index = schema.index(of: column) else {
                throw DeltaError(.invalidArgument, "partition column \(column) is not a column of the table (\(schema.fields.map(\.name).joined(separator: ", ")))")
            }
            partitionIndices.append(index)
        }
        self.partitionIndices = partitionIndices
        dataIndices = schema.fields.indices.filter { !partitionIndices.contains($0) }
        dataSchema = Schema(dataIndices.map { schema.fields[$0] }, metadata: schema.metadata)
    }

    public func write(_ batch: RecordBatch) async throws(DeltaError) {
        guard batch.rowCount > 0 else { return }
        let data: RecordBatch
        do {
            data = try RecordBatch(schema: dataSchema, columns: dataIndices.map { batch.columns[$0] })
        } catch {
            throw DeltaError(.invalidArgument, "selecting data columns: \(error)")
        }
        guard !partitionIndices.isEmpty else {
            try await write(data, partition: [:])
            return
        }
        var groups: [[String?]: [Int]] = [:]
        var order: [[String?]] = []
        let partitionArrays = partitionIndices.map { batch.columns[$0] }
        for row in 0..<batch.rowCount {
            var key: [String?] = []
            for (column, array) in zip(partitionColumns, partitionArrays) {
                key.append(try PartitionValue.string(array.scalar(at: row), column: column))
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        for key in order {
            guard let rows = groups[key] else { continue }
            var values: [String: String?] = [:]
            for (column, value) in zip(partitionColumns, key) { values[column] = .some(value) }
            let slice: RecordBatch
            do {
                slice = rows.count == batch.rowCount ? data : try Compute.take(data, indices: rows)
            } catch {
                throw DeltaError(.invalidArgument, "splitting rows by partition: \(error)")
            }
            try await write(slice, partition: values)
        }
    }

    private func write(_ batch: RecordBatch, partition: [String: String?]) async throws(DeltaError) {
        let directoryKey = PartitionPath.directory(columns: partitionColumns, values: partition)
        let file: OpenFile
        if let existing = open[directoryKey] {
            file = existing
        } else {
            file = try await openFile(directory: directoryKey, partition: partition)
            open[directoryKey] = file
        }
        do {
            try await file.writer.write(batch)
        } catch {
            throw DeltaError(.io, "writing \(file.key): \(error)")
        }
        file.statistics.add(batch)
        if file.writer.estimatedSize >= targetFileSize {
            open[directoryKey] = nil
            try await close(file)
        }
    }

    /// A finished data file: the `add` action that commits it and its row count.
    public struct WrittenFile: Sendable, Hashable {
        public var add: AddFile
        public var rowCount: Int64
    }

    /// Closes every open file and returns those written since the last call.
    public func finish() async throws(DeltaError) -> [WrittenFile] {
        let files = open.keys.sorted().compactMap { open[$0] }
        open = [:]
        for file in files { try await close(file) }
        defer { finished = [] }
        return finished
    }

    /// Abandons the open files; nothing of them becomes visible.
    public func abandon() async {
        let files = Array(open.values)
        open = [:]
        finished = []
        for file in files { try? await file.sink.upload.abort() }
    }

    private func openFile(directory partitionDirectory: String, partition: [String: String?]) async throws(DeltaError) -> OpenFile {
        sequence += 1
        let extensionName = parquetOptions.compression == .uncompressed ? "" : "." + String(describing: parquetOptions.compression).lowercased()
        let name = "part-\(LogFile.padded(Int64(sequence), width: 5))-\(namePrefix)-\(UUID().uuidString.lowercased())-c000\(extensionName).parquet"
        let key = [directory, partitionDirectory.isEmpty ? nil : partitionDirectory, name].compactMap { $0 }.joined(separator: "/")
        do {
            let path = try ObjectPath(key)
            let sink = UploadByteSink(try await store.upload(path))
            let writer = try ParquetWriter(schema: dataSchema, sink: sink, options: parquetOptions)
            return OpenFile(writer: writer, sink: sink, key: key, partitionValues: partition,
                            statistics: FileStatisticsCollector(schema: dataSchema, indexedColumns: indexedColumns))
        } catch {
            throw DeltaError(.io, "creating data file \(key): \(error)")
        }
    }

    private func close(_ file: OpenFile) async throws(DeltaError) {
        do {
            _ = try await file.writer.close()
        } catch {
            try? await file.sink.upload.abort()
            throw DeltaError(.io, "finishing data file \(file.key): \(error)")
        }
        let meta = file.sink.meta
        let size = meta?.size ?? Int64(file.writer.bytesWritten)
        let modified = Int64(((meta?.lastModified ?? Date()).timeIntervalSince1970 * 1000).rounded())
        let add = AddFile(path: PartitionPath.uriEncode(file.key), partitionValues: file.partitionValues, size: size,
                          modificationTime: modified, dataChange: true, stats: file.statistics.json())
        finished.append(WrittenFile(add: add, rowCount: file.statistics.numRecords))
    }
}
