import Foundation
import LaminarObjectStore

extension DeltaTable {
    /// Writes a checkpoint of the current version when it is a multiple of `delta.checkpointInterval`
    /// (or of `interval`, when given), then deletes expired log files; returns whether it checkpointed.
    @discardableResult
    public func checkpointIfDue(interval: Int64? = nil) async throws(DeltaError) -> Bool {
        var every = try properties.checkpointInterval
        if let interval { every = interval }
        guard snapshot.version > 0, every > 0, snapshot.version % every == 0 else { return false }
        try await checkpoint()
        if try properties.enableExpiredLogCleanup { try await cleanUpExpiredLogs() }
        return true
    }

    /// Writes a classic checkpoint of the current version and points `_last_checkpoint` at it. Both are
    /// plain puts: a checkpoint of a version is the same whoever writes it, and the hint may lag.
    public func checkpoint() async throws(DeltaError) {
        let retention = try properties.deletedFileRetentionMillis
        let actions = snapshot.checkpointActions(tombstonesAfter: Self.nowMillis() - retention)
        let bytes = try await CheckpointFile.encode(actions)
        let name = LogFile.padded(snapshot.version) + ".checkpoint.parquet"
        let hint = LastCheckpoint(version: snapshot.version, size: Int64(actions.count), sizeInBytes: Int64(bytes.count),
                                  numOfAddFiles: Int64(snapshot.files.count))
        let encoded: Data
        do {
            encoded = try JSONEncoder().encode(hint)
        } catch {
            throw DeltaError(.invalidArgument, "encoding _last_checkpoint: \(error)")
        }
        try await log.io("writing \(location)/_delta_log/\(name)") { try await store.put(DeltaLog.path(name), bytes) }
        try await log.io("writing \(location)/_delta_log/_last_checkpoint") {
            try await store.put(DeltaLog.path("_last_checkpoint"), Array(encoded))
        }
    }

    /// Deletes log files older than `delta.logRetentionDuration`, as the protocol's metadata cleanup does:
    /// everything before the newest checkpoint at or before the newest expired commit, so every version
    /// still kept can be rebuilt.
    public func cleanUpExpiredLogs(now: Date = Date()) async throws(DeltaError) {
        let retention = try properties.logRetentionMillis
        let cutoff = now.addingTimeInterval(-Double(retention) / 1000)
        let listing = try await log.listing()
        guard let expired = listing.commits.filter({ $0.value.lastModified <= cutoff }).keys.max(),
              let keep = listing.checkpoint(atOrBefore: expired)?.version, keep > 0 else { return }
        var doomed: [ObjectPath] = listing.commits.filter { $0.key < keep }.map(\.value.path)
        for (version, byCount) in listing.checkpoints where version < keep {
            for parts in byCount.values { doomed += parts.values.map(\.path) }
        }
        for (version, files) in listing.uuidCheckpoints where version < keep { doomed += files.map(\.meta.path) }
        for other in listing.others where (other.file.version ?? .max) < keep { doomed.append(other.meta.path) }
        guard !doomed.isEmpty else { return }
        try await log.io("deleting expired log files of \(location)") { try await store.delete(doomed.sorted()) }
    }
}
