import Foundation
import LaminarArrow
import LaminarObjectStore
import LaminarParquet

/// What `OPTIMIZE` did.
public struct OptimizeMetrics: Sendable, Hashable {
    public var filesRemoved = 0
    public var filesAdded = 0
    public var bytesRemoved: Int64 = 0
    public var bytesAdded: Int64 = 0
    public var partitionsOptimized = 0
    /// The version the compaction committed, nil when there was nothing to compact.
    public var version: Int64?
}

extension DeltaTable {
    /// Bin-packs the small files of each partition into files of about `targetFileSize` bytes and commits
    /// the swap as one `OPTIMIZE` version with `dataChange = false`, so streaming readers skip it and
    /// concurrent appends do not conflict with it; rows deletion vectors delete are dropped on the way.
    /// Files at or above the target and partitions with a single small file are left alone. `progress` is called with the bins
    /// done and the bins planned.
    public mutating func optimize(targetFileSize: Int64? = nil, parquet: ParquetWriterOptions = ParquetWriterOptions(),
                                  progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws(DeltaError) -> OptimizeMetrics {
        try checkWritable()
        var target = try properties.targetFileSize ?? 128 * 1024 * 1024
        if let targetFileSize { target = targetFileSize }
        let partitionColumns = try metadata.partitionColumns
        let dataSchema = Schema(try schema.fields.filter { !partitionColumns.contains($0.name) })
        let bins = Self.plan(Array(snapshot.files.values), target: target, partitionColumns: partitionColumns)
        var metrics = OptimizeMetrics()
        metrics.partitionsOptimized = Set(bins.map { PartitionPath.directory(columns: partitionColumns, values: $0[0].partitionValues) }).count
        guard !bins.isEmpty else { return metrics }
        progress(0, bins.count)
        let now = Self.nowMillis()
        var actions: [DeltaAction] = []
        var written: [AddFile] = []
        do {
            for (index, bin) in bins.enumerated() {
                let values = bin[0].partitionValues
                let writer = try DataFileWriter(store: store, schema: dataSchema, partitionColumns: [], targetFileSize: Int(target),
                                                parquetOptions: parquet, indexedColumns: try properties.dataSkippingNumIndexedCols,
                                                namePrefix: "optimize",
                                                directory: partitionColumns.isEmpty ? nil : PartitionPath.directory(columns: partitionColumns, values: values))
                for file in bin {
                    for batch in try await readDataFile(file) { try await writer.write(batch) }
                    var removal = RemoveFile(path: file.path, deletionTimestamp: now, dataChange: false, extendedFileMetadata: true,
                                             partitionValues: file.partitionValues, size: file.size)
                    removal.deletionVector = file.deletionVector
                    actions.append(.remove(removal))
                    metrics.filesRemoved += 1
                    metrics.bytesRemoved += file.size
                }
                for var file in try await writer.finish().map(\.add) {
                    file.partitionValues = values
                    file.dataChange = false
                    written.append(file)
                    actions.append(.add(file))
                    metrics.filesAdded += 1
                    metrics.bytesAdded += file.size
                }
                progress(index + 1, bins.count)
            }
            let request = CommitRequest(
                actions: actions, operation: "OPTIMIZE",
                operationParameters: ["predicate": "[]", "targetSize": String(target)],
                operationMetrics: ["numRemovedFiles": String(metrics.filesRemoved), "numAddedFiles": String(metrics.filesAdded),
                                   "numRemovedBytes": String(metrics.bytesRemoved), "numAddedBytes": String(metrics.bytesAdded)],
                isBlindAppend: false, readFiles: Set(bins.flatMap { $0.map(\.path) }))
            if case .committed(let version) = try await commit(request) { metrics.version = version }
            return metrics
        } catch {
            // Files of a compaction that certainly did not land are removed now rather than left for VACUUM;
            // after a storage failure the commit may have landed, so they stay.
            if error.kind != .io {
                let orphans = written.compactMap { PartitionPath.uriDecode($0.path).flatMap { try? ObjectPath($0) } }
                try? await store.delete(orphans)
            }
            throw error
        }
    }

    /// Groups the small files of each partition into bins whose sizes add up to at most `target`, largest
    /// files first; bins of one file are dropped, as rewriting them gains nothing.
    static func plan(_ files: [AddFile], target: Int64, partitionColumns: [String]) -> [[AddFile]] {
        var byPartition: [String: [AddFile]] = [:]
        for file in files where file.size < target {
            byPartition[PartitionPath.directory(columns: partitionColumns, values: file.partitionValues), default: []].append(file)
        }
        var bins: [[AddFile]] = []
        for key in byPartition.keys.sorted() {
            var open: [(size: Int64, files: [AddFile])] = []
            for file in (byPartition[key] ?? []).sorted(by: { ($0.size, $0.path) > ($1.size, $1.path) }) {
                if let index = open.firstIndex(where: { $0.size + file.size <= target }) {
                    open[index].size += file.size
                    open[index].files.append(file)
                } else {
                    open.append((file.size, [file]))
                }
            }
            bins += open.map(\.files).filter { $0.count > 1 }
        }
        return bins
    }
}
