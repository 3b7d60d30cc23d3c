#if Delta
import Foundation
import LaminarArrow
import LaminarCore
import LaminarDelta
import LaminarObjectStore
import Logging

/// Streams a pipeline into a Delta table with exactly-once commits.
///
/// Between barriers, rows go to Parquet data files under the table root (invisible: no commit names them).
/// `prepareCommit` closes the files and lists them in the checkpoint; `finalizeCommit` commits them as one
/// table version carrying `txn { appId: writer_id, version: checkpoint_id }`. Before committing it reads the
/// table's latest `txn` for the writer: a checkpoint that already landed (the sink crashed after the commit
/// but before the checkpoint was marked finalized) is recognised and not committed twice. `abort` deletes
/// files only after checking that the table does not reference them.
public final class DeltaSink: LakehouseSink {
    private let settings: DeltaSinkSettings
    private let store: any ObjectStore
    private let logger: Logger
    private var table: DeltaTable?
    private var alignment: SchemaAlignment?
    private var writer: DataFileWriter?
    /// Upsert mode: the epoch's changes, applied at the next barrier.
    private var changes: [UpsertChanges] = []
    private let run = String(UUID().uuidString.lowercased().prefix(8))

    public init(_ settings: DeltaSinkSettings) throws(EngineError) {
        self.settings = settings
        do {
            store = try ObjectStores.open(settings.location, options: settings.storageOptions)
        } catch {
            throw EngineError(.sink, "opening \(settings.location): \(error)")
        }
        var logger = Logger(label: "laminar.sink.delta")
        logger[metadataKey: "sink"] = "\(settings.name)"
        self.logger = logger
    }

    public func initialize(schema: Schema) async throws(EngineError) {
        do throws(DeltaError) {
            var written = schema
            if let op = settings.opColumn {
                guard let index = schema.index(of: op) else { throw DeltaError(.invalidArgument, "op_column \(op) is not a column of the query") }
                written = Schema(schema.fields.enumerated().filter { $0.offset != index }.map(\.element), metadata: schema.metadata)
            }
            let streamSchema = try SchemaAlignment.deltaTypes(written)
            var table = try await openOrCreate(schema: streamSchema)
            try table.checkWritable()
            let metadata = try table.metadata
            let ignored = settings.tableProperties.filter { metadata.configuration[$0.key] != $0.value }.keys.sorted()
            if !ignored.isEmpty {
                logger.warning("the table exists: its properties stay as they are; table options of the sink are not applied",
                               metadata: ["location": "\(settings.location)", "properties": "\(ignored.joined(separator: ", "))"])
            }
            if let wanted = settings.partitionColumns, wanted != metadata.partitionColumns {
                throw DeltaError(.schemaMismatch, "\(settings.location) is partitioned by (\(metadata.partitionColumns.joined(separator: ", "))), not by (\(wanted.joined(separator: ", ")))")
            }
            let alignment = try SchemaAlignment(stream: streamSchema, table: try table.schema, evolve: settings.schemaEvolution,
                                                location: settings.location)
            if !alignment.addedColumns.isEmpty {
                try await evolve(&table, to: alignment)
            }
            let properties = try table.properties
            for column in settings.keyColumns ?? [] where alignment.tableSchema.index(of: column) == nil {
                throw DeltaError(.invalidArgument, "key column \(column) is not a column of \(settings.location)")
            }
            self.alignment = alignment
            self.table = table
            writer = try DataFileWriter(store: store, schema: alignment.tableSchema, partitionColumns: metadata.partitionColumns,
                                        targetFileSize: settings.targetFileSize, parquetOptions: settings.parquet,
                                        indexedColumns: properties.dataSkippingNumIndexedCols,
                                        namePrefix: filePrefix)
        } catch {
            throw EngineError(.sink, "\(error)")
        }
    }

    private func openOrCreate(schema: Schema) async throws(DeltaError) -> DeltaTable {
        if try await DeltaLog(store: store, location: settings.location).latestVersion() != nil {
            return try await DeltaTable.open(store: store, location: settings.location)
        }
        let table = try await DeltaTable.create(store: store, location: settings.location, schema: schema,
                                                partitionColumns: settings.partitionColumns ?? [],
                                                configuration: settings.tableProperties)
        logger.info("created Delta table", metadata: ["location": "\(settings.location)"])
        return table
    }

    /// Starts the names of this run's data files: the writer id in characters safe in any store's keys, then
    /// the run, so files of two runs never collide.
    private var filePrefix: String {
        let safe = settings.writerID.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": String(scalar)
            default: "_"
            }
        }.joined()
        return safe + "-" + run
    }

    /// Commits the new columns before any data that has them.
    private func evolve(_ table: inout DeltaTable, to alignment: SchemaAlignment) async throws(DeltaError) {
        var metadata = try table.metadata
        metadata.schemaString = try DeltaSchema.json(for: alignment.tableSchema)
        let request = CommitRequest(actions: [.metadata(metadata)], operation: "ADD COLUMNS",
                                    operationParameters: ["columns": alignment.addedColumns.joined(separator: ",")],
                                    isBlindAppend: false)
        _ = try await table.commit(request)
        logger.info("added columns to the Delta table", metadata: ["columns": "\(alignment.addedColumns)"])
    }

    public func write(_ batch: RecordBatch) async throws(EngineError) {
        guard let alignment, let writer else { throw EngineError(.sink, "the Delta sink \(settings.name) was not initialized") }
        do {
            guard settings.keyColumns != nil else {
                try await writer.write(try alignment.align(batch))
                return
            }
            var rows = batch
            var deletes = Array(repeating: false, count: batch.rowCount)
            if let op = settings.opColumn, let index = batch.schema.index(of: op) {
                deletes = try Self.deleteFlags(batch.columns[index], column: op)
                rows = try RecordBatch(schema: Schema(batch.schema.fields.enumerated().filter { $0.offset != index }.map(\.element)),
                                       columns: batch.columns.enumerated().filter { $0.offset != index }.map(\.element))
            }
            changes.append(UpsertChanges(batch: try alignment.align(rows), deletes: deletes))
        } catch {
            throw EngineError(.sink, "\(error)")
        }
    }

    /// Which rows delete their key: `d`, `delete` (any case) in a string column, `true` in a boolean one.
    static func deleteFlags(_ array: any ArrowArray, column: String) throws(DeltaError) -> [Bool] {
        var flags: [Bool] = []
        flags.reserveCapacity(array.count)
        for row in 0..<array.count {
            switch array.scalar(at: row) {
            case .utf8(let text): flags.append(["d", "delete"].contains(text.lowercased()))
            case .boolean(let flag): flags.append(flag)
            case .null: flags.append(false)
            default: throw DeltaError(.invalidArgument, "op_column \(column) must be a string ('d' or 'delete' deletes) or a boolean")
            }
        }
        return flags
    }

    public func prepareCommit(checkpointID: Int64) async throws(EngineError) -> PreparedCommit {
        guard let writer else { throw EngineError(.sink, "the Delta sink \(settings.name) was not initialized") }
        if let keys = settings.keyColumns { return try await prepareUpsert(checkpointID: checkpointID, keys: keys) }
        let written: [DataFileWriter.WrittenFile]
        do {
            written = try await writer.finish()
        } catch {
            throw EngineError(.sink, "\(error)")
        }
        let files = written.map { file in
            DataFile(path: file.add.path, sizeBytes: file.add.size, rowCount: file.rowCount,
                     partitionValues: file.add.partitionValues, encodedStatistics: file.add.stats)
        }
        return PreparedCommit(sink: settings.name, writerID: settings.writerID, checkpointID: checkpointID, files: files,
                              properties: ["delta.modificationTime": String(written.map(\.add.modificationTime).max() ?? 0),
                                           "delta.readVersion": String(table?.version ?? -1)])
    }

    /// Upsert mode: rewrites the files holding the epoch's keys and writes the new rows; the actions go into
    /// the prepared commit, so finalizing after a restart commits exactly what was planned.
    private func prepareUpsert(checkpointID: Int64, keys: [String]) async throws(EngineError) -> PreparedCommit {
        let epoch = changes
        changes = []
        do {
            let table = try await currentTable()
            let plan = try await table.planUpsert(epoch, keyColumns: keys, targetFileSize: settings.targetFileSize,
                                                  parquet: settings.parquet, namePrefix: filePrefix)
            var files: [DataFile] = []
            for action in plan.actions {
                switch action {
                case .add(let add):
                    files.append(DataFile(path: add.path, sizeBytes: add.size, rowCount: plan.rowCounts[add.path] ?? 0,
                                          partitionValues: add.partitionValues))
                case .cdc(let cdc): files.append(DataFile(path: cdc.path, sizeBytes: cdc.size, rowCount: 0, partitionValues: cdc.partitionValues))
                default: continue
                }
            }
            let encoded = String(decoding: try CommitFile.encode(plan.actions), as: UTF8.self)
            return PreparedCommit(sink: settings.name, writerID: settings.writerID, checkpointID: checkpointID, files: files, properties: [
                "delta.actions": encoded, "delta.readFiles": plan.readFiles.sorted().joined(separator: "\n"),
                "delta.writtenKeys": plan.writtenKeys.joined(separator: "\n"), "delta.readVersion": String(table.version),
                "delta.inserted": String(plan.inserted), "delta.updated": String(plan.updated), "delta.deleted": String(plan.deleted),
            ])
        } catch {
            throw EngineError(.sink, "planning the upsert of checkpoint \(checkpointID) into \(settings.location): \(error)")
        }
    }

    public func finalizeCommit(_ commit: PreparedCommit) async throws(EngineError) -> CommitInfo {
        do {
            var table = try await currentTable()
            if let landed = table.snapshot.transactionVersion(appId: commit.writerID), landed >= commit.checkpointID {
                try checkLanded(commit, in: table, landed: landed)
                return CommitInfo(checkpointID: commit.checkpointID, tableVersion: table.version, filesAdded: 0,
                                  rowsAdded: 0, alreadyCommitted: !commit.files.isEmpty)
            }
            let transaction = TransactionAction(appId: commit.writerID, version: commit.checkpointID,
                                                lastUpdated: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
            let request: CommitRequest
            if let encoded = commit.properties["delta.actions"] {
                let actions = try CommitFile.decode(Array(encoded.utf8), name: "checkpoint \(commit.checkpointID) of \(settings.name)")
                guard !actions.isEmpty else {
                    return CommitInfo(checkpointID: commit.checkpointID, tableVersion: table.version, filesAdded: 0, rowsAdded: 0,
                                      alreadyCommitted: false)
                }
                let readFiles = (commit.properties["delta.readFiles"] ?? "").split(separator: "\n").map(String.init)
                request = CommitRequest(
                    actions: actions, operation: "MERGE",
                    operationParameters: ["predicate": (settings.keyColumns ?? []).map { "target.\($0) = source.\($0)" }.joined(separator: " AND "),
                                          "queryId": commit.writerID, "epochId": String(commit.checkpointID)],
                    operationMetrics: ["numTargetRowsInserted": commit.properties["delta.inserted"] ?? "0",
                                       "numTargetRowsUpdated": commit.properties["delta.updated"] ?? "0",
                                       "numTargetRowsDeleted": commit.properties["delta.deleted"] ?? "0"],
                    appTransaction: transaction, isBlindAppend: false, readFiles: Set(readFiles), conflictsWithAppends: true,
                    readVersion: Self.readVersion(of: commit))
            } else {
                guard !commit.files.isEmpty else {
                    return CommitInfo(checkpointID: commit.checkpointID, tableVersion: table.version, filesAdded: 0, rowsAdded: 0,
                                      alreadyCommitted: false)
                }
                let modified = Int64(commit.properties["delta.modificationTime"] ?? "") ?? 0
                let actions: [DeltaAction] = commit.files.map { file in
                    .add(AddFile(path: file.path, partitionValues: file.partitionValues, size: file.sizeBytes,
                                 modificationTime: modified, dataChange: true, stats: file.encodedStatistics))
                }
                request = CommitRequest(
                    actions: actions, operation: "STREAMING UPDATE",
                    operationParameters: ["outputMode": "Append", "queryId": commit.writerID, "epochId": String(commit.checkpointID)],
                    operationMetrics: ["numAddedFiles": String(commit.files.count), "numOutputRows": String(commit.rowCount),
                                       "numOutputBytes": String(commit.files.reduce(0) { $0 + $1.sizeBytes })],
                    appTransaction: transaction, isBlindAppend: true, readVersion: Self.readVersion(of: commit))
            }
            let outcome = try await table.commit(request)
            self.table = table
            guard case .committed(let version) = outcome else {
                try checkLanded(commit, in: table, landed: table.snapshot.transactionVersion(appId: commit.writerID) ?? 0)
                return CommitInfo(checkpointID: commit.checkpointID, tableVersion: table.version, filesAdded: 0, rowsAdded: 0,
                                  alreadyCommitted: true)
            }
            do {
                try await table.checkpointIfDue(interval: settings.checkpointInterval)
            } catch {
                logger.warning("Delta log checkpoint failed; the commit stands", metadata: ["version": "\(version)", "error": "\(error)"])
            }
            return CommitInfo(checkpointID: commit.checkpointID, tableVersion: version, filesAdded: commit.files.count,
                              rowsAdded: commit.rowCount, alreadyCommitted: false)
        } catch {
            throw EngineError(.sink, "committing checkpoint \(commit.checkpointID) to \(settings.location): \(error)")
        }
    }

    /// The table version a prepared commit was planned against, when it recorded one.
    static func readVersion(of commit: PreparedCommit) -> Int64? {
        guard let text = commit.properties["delta.readVersion"], let version = Int64(text), version >= 0 else { return nil }
        return version
    }

    /// A checkpoint the table's `txn` says landed must have landed with these very files (live, or removed
    /// since by a compaction). Otherwise another pipeline writes with this writer id, or this pipeline's
    /// checkpoints were reset, and skipping the commit would silently drop its rows.
    private func checkLanded(_ commit: PreparedCommit, in table: DeltaTable, landed: Int64) throws(DeltaError) {
        guard let first = commit.files.first(where: { !$0.path.hasPrefix("_change_data/") }) else { return }
        let known = table.snapshot.files.values.contains { $0.path == first.path }
            || table.snapshot.tombstones.values.contains { $0.path == first.path }
        guard known else {
            throw DeltaError(.conflict, "writer_id '\(commit.writerID)' has already committed checkpoint \(landed) to \(settings.location), but not the files of this pipeline's checkpoint \(commit.checkpointID): another pipeline writes with this writer_id, or this pipeline's checkpoints were deleted; give the sink a writer_id of its own")
        }
    }

    public func abort(_ commit: PreparedCommit) async throws(EngineError) {
        do {
            let table = try await currentTable()
            if let landed = table.snapshot.transactionVersion(appId: commit.writerID), landed >= commit.checkpointID { return }
            var doomed: [ObjectPath] = []
            if let written = commit.properties["delta.writtenKeys"] {
                // An upsert's new files: data, change data and deletion vectors, none of them live before it.
                for key in written.split(separator: "\n") { doomed.append(try ObjectPath(String(key))) }
            } else {
                let live = Set(table.snapshot.files.values.map(\.path))
                for file in commit.files where !live.contains(file.path) {
                    guard let key = PartitionPath.uriDecode(file.path) else { continue }
                    doomed.append(try ObjectPath(key))
                }
            }
            if !doomed.isEmpty { try await store.delete(doomed) }
        } catch {
            throw EngineError(.sink, "aborting checkpoint \(commit.checkpointID) of \(settings.location): \(error)")
        }
    }

    public func close() async {
        await writer?.abandon()
    }

    /// The table with every commit made so far, also by other writers.
    private func currentTable() async throws(DeltaError) -> DeltaTable {
        var table: DeltaTable
        if let known = self.table {
            table = known
            try await table.update()
        } else {
            table = try await DeltaTable.open(store: store, location: settings.location)
        }
        self.table = table
        return table
    }
}
#endif
