import Foundation
import LaminarObjectStore

/// What `VACUUM` found, and deleted unless it was a dry run.
public struct VacuumResult: Sendable, Hashable {
    /// Object keys, relative to the table root.
    public var files: [String]
    public var dryRun: Bool
}

extension DeltaTable {
    /// Deletes files under the table that no version within the retention period references: files of
    /// removed `add`s whose tombstones expired, and files of commits that never landed. Only files older than the retention are touched, so a writer's files that are
    /// written but not yet committed survive. A retention shorter than `delta.deletedFileRetentionDuration`
    /// is refused unless `enforceRetention` is off, as in Spark and delta-rs.
    public mutating func vacuum(retentionHours: Double? = nil, dryRun: Bool = false, enforceRetention: Bool = true,
                                now: Date = Date()) async throws(DeltaError) -> VacuumResult {
        try checkWritable()
        let configured = try properties.deletedFileRetentionMillis
        var retention = configured
        if let retentionHours {
            guard retentionHours >= 0 else { throw DeltaError(.invalidArgument, "the retention must not be negative") }
            retention = Int64(retentionHours * 3_600_000)
        }
        if enforceRetention, retention < configured {
            throw DeltaError(.invalidArgument, "a retention of \(retention / 3_600_000) hours is shorter than the table's delta.deletedFileRetentionDuration (\(configured / 3_600_000) hours); readers of older versions and running writers could lose files. Turn the check off to force it")
        }
        let cutoff = Int64((now.timeIntervalSince1970 * 1000).rounded()) - retention
        var referenced = Set<String>()
        for add in snapshot.files.values {
            if let key = PartitionPath.uriDecode(add.path) { referenced.insert(key) }
            if let vector = try? DeletionVectorDescriptor(add.deletionVector), let key = try? vector.relativeFileKey() { referenced.insert(key) }
        }
        for remove in snapshot.tombstones.values where (remove.deletionTimestamp ?? 0) > cutoff {
            if let key = PartitionPath.uriDecode(remove.path) { referenced.insert(key) }
            if let vector = try? DeletionVectorDescriptor(remove.deletionVector), let key = try? vector.relativeFileKey() { referenced.insert(key) }
        }
        let objects = try await log.io("listing \(location)") { try await store.list(prefix: nil, delimiter: false).allObjects() }
        var doomed: [String] = []
        for object in objects {
            let key = object.path.rawValue
            guard Self.isVacuumable(key), !referenced.contains(key) else { continue }
            guard Int64((object.lastModified.timeIntervalSince1970 * 1000).rounded()) < cutoff else { continue }
            doomed.append(key)
        }
        doomed.sort()
        if !dryRun, !doomed.isEmpty {
            let paths = doomed.compactMap { try? ObjectPath($0) }
            try await log.io("deleting unreferenced files of \(location)") { try await store.delete(paths) }
            _ = try await commit(CommitRequest(actions: [], operation: "VACUUM END",
                                               operationParameters: ["status": "COMPLETED"],
                                               operationMetrics: ["numDeletedFiles": String(doomed.count)], isBlindAppend: false))
        }
        return VacuumResult(files: doomed, dryRun: dryRun)
    }

    /// Data files live in folders not starting with `_` or `.` (except `_change_data` and partition
    /// folders such as `_p=1`); hidden files are skipped, as in Spark.
    static func isVacuumable(_ key: String) -> Bool {
        let segments = key.split(separator: "/")
        guard let name = segments.last else { return false }
        for folder in segments.dropLast() where folder.hasPrefix("_") || folder.hasPrefix(".") {
            guard folder == "_change_data" || folder.contains("=") else { return false }
        }
        return !name.hasPrefix("_") && !name.hasPrefix(".")
    }
}
