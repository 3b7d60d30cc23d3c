import Foundation
import LaminarArrow

extension DeltaTable {
    /// The data files of the current snapshot, in path order.
    public func snapshotUnits() -> [ReadUnit] {
        snapshot.files.values.sorted { $0.path < $1.path }.map {
            ReadUnit(kind: .data, path: $0.path, partitionValues: $0.partitionValues, deletionVector: $0.deletionVector, stats: $0.stats,
                     size: $0.size)
        }
    }

    /// What an appending stream reads from one commit: the files it added with `dataChange`. Rearrangements
    /// (`dataChange = false`, as OPTIMIZE writes) bring no new rows. A commit that removed rows (an update,
    /// delete or merge) cannot be read as appends, as its new files repeat rows read before: it is an error,
    /// as in Spark, unless `skipChangeCommits` skips it whole.
    public static func appendUnits(_ actions: [DeltaAction], version: Int64, skipChangeCommits: Bool) throws(DeltaError) -> [ReadUnit] {
        let changesRows = actions.contains { action in
            if case .remove(let remove) = action { return remove.dataChange }
            return false
        }
        if changesRows {
            guard skipChangeCommits else {
                throw DeltaError(.unsupported, "version \(version) updated or deleted rows, which a stream of appends cannot express; read the change data feed (change_data_feed = true) or skip such commits (skip_change_commits = true)")
            }
            return []
        }
        var units: [ReadUnit] = []
        for action in actions {
            guard case .add(let add) = action, add.dataChange else { continue }
            units.append(ReadUnit(kind: .inserted, path: add.path, partitionValues: add.partitionValues, deletionVector: add.deletionVector,
                                  stats: add.stats, size: add.size))
        }
        return units
    }

    /// What a change feed reads from one commit, given the snapshot before it: its `cdc` files when it has
    /// any; otherwise the rows of files it added (inserts) and removed (deletes), and for a file whose
    /// deletion vector changed, the rows between the two vectors.
    public static func changeUnits(_ actions: [DeltaAction], before previous: Snapshot) -> [ReadUnit] {
        var changeFiles: [ReadUnit] = []
        var adds: [AddFile] = []
        var removes: [RemoveFile] = []
        for action in actions {
            switch action {
            case .cdc(let cdc): changeFiles.append(ReadUnit(kind: .changeData, path: cdc.path, partitionValues: cdc.partitionValues, size: cdc.size))
            case .add(let add) where add.dataChange: adds.append(add)
            case .remove(let remove) where remove.dataChange: removes.append(remove)
            default: continue
            }
        }
        if !changeFiles.isEmpty { return changeFiles }
        var units: [ReadUnit] = []
        let removedPaths = Dictionary(removes.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let addedPaths = Set(adds.map(\.path))
        for add in adds {
            if let removal = removedPaths[add.path] {
                units.append(ReadUnit(kind: .deletionVectorChange, path: add.path, partitionValues: add.partitionValues,
                                      deletionVector: add.deletionVector, previousDeletionVector: removal.deletionVector, size: add.size))
            } else {
                units.append(ReadUnit(kind: .inserted, path: add.path, partitionValues: add.partitionValues, deletionVector: add.deletionVector,
                                      stats: add.stats, size: add.size))
            }
        }
        for remove in removes where !addedPaths.contains(remove.path) {
            // A remove may omit its partition values; the snapshot before the commit has them.
            let known = previous.files.values.first { $0.path == remove.path }
            let values = remove.partitionValues ?? known?.partitionValues ?? [:]
            units.append(ReadUnit(kind: .deleted, path: remove.path, partitionValues: values,
                                  deletionVector: remove.deletionVector ?? known?.deletionVector, size: remove.size ?? known?.size))
        }
        return units
    }

    /// The rows of a unit with every table column; change units (all but `data`) also get `_change_type`.
    /// With `columns`, only those are decoded (at least one, to keep the row count); the others are null.
    public func read(_ unit: ReadUnit, columns: Set<String>? = nil) async throws(DeltaError) -> [RecordBatch] {
        let schema = try self.schema
        let allData = try dataSchema
        var data = allData
        var unread = Set<String>()
        if let columns {
            let wanted = Set(columns.map { $0.lowercased() })
            // NOT NULL columns are always read: they cannot be left null.
            var kept = allData.fields.filter { wanted.contains($0.name.lowercased()) || !$0.isNullable }
            if kept.isEmpty, let first = allData.fields.first { kept = [first] }
            data = Schema(kept, metadata: allData.metadata)
            unread = Set(allData.fields.map(\.name)).subtracting(kept.map(\.name))
        }
        let changeType = Field(name: "_change_type", type: .utf8, nullable: false)
        let changeSchema = Schema(schema.fields + [changeType])
        var output: [RecordBatch] = []
        func emit(_ batches: [RecordBatch], type: String?) throws(DeltaError) {
            for batch in batches where batch.rowCount > 0 {
                let full = try withPartitionColumns(batch, partitionValues: unit.partitionValues, schema: schema, unread: unread)
                guard let type else {
                    output.append(full)
                    continue
                }
                do {
                    output.append(try RecordBatch(schema: changeSchema, columns: full.columns + [StringArray(Array(repeating: type, count: full.rowCount))]))
                } catch {
                    throw DeltaError(.corruptLog, "labelling changes: \(error)")
                }
            }
        }
        switch unit.kind {
        case .data:
            try emit(try await readFileRows(path: unit.path, deletionVector: unit.deletionVector, size: unit.size, as: data).batches, type: nil)
        case .inserted:
            try emit(try await readFileRows(path: unit.path, deletionVector: unit.deletionVector, size: unit.size, as: data).batches, type: "insert")
        case .deleted:
            try emit(try await readFileRows(path: unit.path, deletionVector: unit.deletionVector, size: unit.size, as: data).batches, type: "delete")
        case .changeData:
            let rows = try await readFileRows(path: unit.path, deletionVector: nil, size: unit.size, as: Schema(data.fields + [changeType]))
            for batch in rows.batches where batch.rowCount > 0 {
                let full = try withPartitionColumns(batch, partitionValues: unit.partitionValues, schema: changeSchema, unread: unread)
                output.append(full)
            }
        case .deletionVectorChange:
            let before = try await deletedRows(unit.previousDeletionVector)
            let after = try await deletedRows(unit.deletionVector)
            let all = try await readFileRows(path: unit.path, deletionVector: nil, size: unit.size, as: data)
            for (batch, positions) in zip(all.batches, all.positions) {
                var deleted: [Int] = []
                var restored: [Int] = []
                for row in 0..<positions.count {
                    let position = positions[row]
                    let was = before.contains(UInt64(position))
                    let now = after.contains(UInt64(position))
                    if now && !was { deleted.append(row) } else if was && !now { restored.append(row) }
                }
                do {
                    if !deleted.isEmpty { try emit([try Compute.take(batch, indices: deleted)], type: "delete") }
                    if !restored.isEmpty { try emit([try Compute.take(batch, indices: restored)], type: "insert") }
                } catch let error as DeltaError {
                    throw error
                } catch {
                    throw DeltaError(.corruptLog, "\(location)/\(unit.path): \(error)")
                }
            }
        }
        return output
    }

    private func deletedRows(_ vector: JSONValue?) async throws(DeltaError) -> RoaringBitmap {
        guard let descriptor = try DeletionVectorDescriptor(vector) else { return RoaringBitmap([]) }
        return try await loadDeletionVector(descriptor)
    }

    /// When version `version` was committed: its in-commit timestamp, else `commitInfo.timestamp`, else the
    /// commit file's modification time (which copies and checkouts lose), in milliseconds.
    public static func commitTimestamp(_ actions: [DeltaAction], fileTime: Date?) -> Int64 {
        for action in actions {
            guard case .commitInfo(let info) = action else { continue }
            if case .integer(let value)? = info["inCommitTimestamp"] { return value }
            if case .integer(let value)? = info["timestamp"] { return value }
        }
        return Int64(((fileTime ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970 * 1000).rounded())
    }
}
