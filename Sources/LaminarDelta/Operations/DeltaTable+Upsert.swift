import Foundation
import LaminarArrow
import LaminarObjectStore
import LaminarParquet

/// The files and actions of one upsert, ready to commit.
public struct UpsertPlan: Sendable {
    /// `remove` for each rewritten file, `add` for the rewritten and new files, `cdc` for change data files.
    public var actions: [DeltaAction] = []
    /// Files whose rows decided the plan; a concurrent removal of one conflicts with it.
    public var readFiles: Set<String> = []
    public var inserted = 0
    public var updated = 0
    public var deleted = 0
    /// Object keys of every file the plan wrote, so an abandoned plan can be cleaned up.
    public var writtenKeys: [String] = []
    /// Rows in each data file the plan added, by `add.path`.
    public var rowCounts: [String: Int64] = [:]
}

/// One change of an upsert stream: the row (in the table's schema) and whether it deletes its key.
public struct UpsertChanges: Sendable {
    public var batch: RecordBatch
    public var deletes: [Bool]

    public init(batch: RecordBatch, deletes: [Bool]) {
        self.batch = batch
        self.deletes = deletes
    }
}

extension DeltaTable {
    /// Plans an upsert: the changes are collapsed to the last one per key (in arrival order); every file
    /// holding one of the keys loses those rows, by copy-on-write (rewritten without them: `remove` + `add`)
    /// or, when the table enables deletion vectors, by a new deletion vector on the same file; upserted rows
    /// are written as new files. With Change Data Feed on, `_change_data` files record `insert`,
    /// `update_preimage`, `update_postimage` and `delete` rows. Files are pruned with their key statistics
    /// when there is a single key column.
    public func planUpsert(_ changes: [UpsertChanges], keyColumns: [String], targetFileSize: Int,
                           parquet: ParquetWriterOptions, namePrefix: String) async throws(DeltaError) -> UpsertPlan {
        let schema = try self.schema
        let partitionColumns = try metadata.partitionColumns
        let properties = try self.properties
        for column in keyColumns where schema.index(of: column) == nil {
            throw DeltaError(.invalidArgument, "key column \(column) is not a column of \(location)")
        }
        // The last change per key wins. A key with a null part equals no other key, as in SQL's MERGE: such
        // rows are inserted as they come, and deletes of them delete nothing.
        var last: [[ScalarValue]: (change: Int, row: Int)] = [:]
        var upsertRows: [[Int]] = Array(repeating: [], count: changes.count)
        var nullKeyed = 0
        for (index, change) in changes.enumerated() {
            let keyArrays = keyColumns.compactMap { change.batch.column(named: $0) }
            for row in 0..<change.batch.rowCount {
                let parts = keyArrays.map { $0.scalar(at: row) }
                if parts.contains(.null) {
                    if !change.deletes[row] {
                        upsertRows[index].append(row)
                        nullKeyed += 1
                    }
                    continue
                }
                last[try Self.key(parts, columns: keyColumns, partitionColumns: partitionColumns)] = (index, row)
            }
        }
        var deleteKeys = Set<[ScalarValue]>()
        var upsertKeys: [[ScalarValue]] = []
        for (key, position) in last.sorted(by: { ($0.value.change, $0.value.row) < ($1.value.change, $1.value.row) }) {
            if changes[position.change].deletes[position.row] {
                deleteKeys.insert(key)
            } else {
                upsertRows[position.change].append(position.row)
                upsertKeys.append(key)
            }
        }
        var upserts: [RecordBatch] = []
        do {
            for (change, rows) in zip(changes, upsertRows) where !rows.isEmpty {
                upserts.append(try Compute.take(change.batch, indices: rows.sorted()))
            }
        } catch {
            throw DeltaError(.invalidArgument, "collecting upserted rows: \(error)")
        }

        var plan = UpsertPlan()
        let now = Self.nowMillis()
        let dataSchema = Schema(schema.fields.filter { !partitionColumns.contains($0.name) })
        let cdf = properties.enableChangeDataFeed
        let cdcSchema = Schema(dataSchema.fields + [Field(name: "_change_type", type: .utf8, nullable: false)])
        let wanted = Set(last.keys)
        var existing = Set<[ScalarValue]>()
        var preimages: [(AddFile, RecordBatch, [String])] = []
        let useDeletionVectors = TableFeatures.writesDeletionVectors(try protocolVersions, properties)
        for file in try candidates(for: wanted, keyColumns: keyColumns, partitionColumns: partitionColumns) {
            let rows = try await readDataFileRows(file)
            var keep: [RecordBatch] = []
            var matchedAny = false
            var fileMatches: [(RecordBatch, [String])] = []
            var matchedPositions: [UInt64] = []
            for (batch, positions) in zip(rows.batches, rows.positions) {
                var kept: [Int] = []
                var matched: [Int] = []
                var types: [String] = []
                let keyArrays = keyColumns.map { batch.column(named: $0) }
                for row in 0..<batch.rowCount {
                    var parts: [ScalarValue] = []
                    for (column, array) in zip(keyColumns, keyArrays) {
                        if let array { parts.append(array.scalar(at: row)) } else { parts.append((file.partitionValues[column] ?? nil).map { .utf8($0) } ?? .null) }
                    }
                    let key = try Self.key(parts, columns: keyColumns, partitionColumns: partitionColumns)
                    if wanted.contains(key) {
                        matched.append(row)
                        matchedPositions.append(UInt64(positions[row]))
                        existing.insert(key)
                        types.append(deleteKeys.contains(key) ? "delete" : "update_preimage")
                    } else {
                        kept.append(row)
                    }
                }
                guard !matched.isEmpty else {
                    keep.append(batch)
                    continue
                }
                matchedAny = true
                do {
                    if !kept.isEmpty { keep.append(try Compute.take(batch, indices: kept)) }
                    fileMatches.append((try Compute.take(batch, indices: matched), types))
                } catch {
                    throw DeltaError(.invalidArgument, "splitting \(file.path): \(error)")
                }
            }
            guard matchedAny else { continue }
            plan.readFiles.insert(file.path)
            var removal = RemoveFile(path: file.path, deletionTimestamp: now, dataChange: true, extendedFileMetadata: true,
                                     partitionValues: file.partitionValues, size: file.size)
            removal.deletionVector = file.deletionVector
            plan.actions.append(.remove(removal))
            for (batch, types) in fileMatches { preimages.append((file, batch, types)) }
            if useDeletionVectors {
                // Mark the rows deleted instead of rewriting the file; a file left with no rows is just removed.
                let deleted = rows.deleted.union(RoaringBitmap(matchedPositions))
                guard Int64(deleted.count) < rows.physicalRows else { continue }
                let (descriptor, key) = try await writeDeletionVector(deleted)
                var marked = file
                marked.deletionVector = descriptor.json
                marked.dataChange = true
                marked.modificationTime = now
                marked.stats = Self.looseBounds(file.stats, physicalRows: rows.physicalRows)
                plan.actions.append(.add(marked))
                plan.writtenKeys.append(key)
                continue
            }
            let directory = partitionColumns.isEmpty ? nil : PartitionPath.directory(columns: partitionColumns, values: file.partitionValues)
            if !keep.isEmpty {
                let writer = try DataFileWriter(store: store, schema: dataSchema, partitionColumns: [], targetFileSize: targetFileSize,
                                                parquetOptions: parquet, indexedColumns: properties.dataSkippingNumIndexedCols,
                                                namePrefix: namePrefix, directory: directory)
                for batch in keep { try await writer.write(batch) }
                for var written in try await writer.finish().map(\.add) {
                    written.partitionValues = file.partitionValues
                    plan.actions.append(.add(written))
                    plan.writtenKeys.append(PartitionPath.uriDecode(written.path) ?? written.path)
                }
            }
        }
        plan.updated = upsertKeys.filter { existing.contains($0) }.count
        plan.inserted = upsertKeys.count - plan.updated + nullKeyed
        plan.deleted = deleteKeys.filter { existing.contains($0) }.count

        let writer = try DataFileWriter(store: store, schema: schema, partitionColumns: partitionColumns, targetFileSize: targetFileSize,
                                        parquetOptions: parquet, indexedColumns: properties.dataSkippingNumIndexedCols, namePrefix: namePrefix)
        for batch in upserts { try await writer.write(batch) }
        for written in try await writer.finish() {
            plan.actions.append(.add(written.add))
            plan.rowCounts[written.add.path] = written.rowCount
            plan.writtenKeys.append(PartitionPath.uriDecode(written.add.path) ?? written.add.path)
        }

        // Change data is only needed when rows changed; readers derive plain inserts from the `add`s.
        guard cdf, plan.updated + plan.deleted > 0 else { return plan }
        for (file, batch, types) in preimages {
            let directory = ["_change_data", partitionColumns.isEmpty ? nil : PartitionPath.directory(columns: partitionColumns, values: file.partitionValues)]
                .compactMap { $0 }.joined(separator: "/")
            let cdc = try DataFileWriter(store: store, schema: cdcSchema, partitionColumns: [], targetFileSize: targetFileSize,
                                         parquetOptions: parquet, indexedColumns: 0, namePrefix: namePrefix, directory: directory)
            try await cdc.write(try Self.appending(types, to: batch, schema: cdcSchema))
            for written in try await cdc.finish() {
                plan.actions.append(.cdc(AddCDCFile(path: written.add.path, partitionValues: file.partitionValues, size: written.add.size)))
                plan.writtenKeys.append(PartitionPath.uriDecode(written.add.path) ?? written.add.path)
            }
        }
        let fullCDCSchema = Schema(schema.fields + [Field(name: "_change_type", type: .utf8, nullable: false)])
        let postimages = try DataFileWriter(store: store, schema: fullCDCSchema, partitionColumns: partitionColumns, targetFileSize: targetFileSize,
                                            parquetOptions: parquet, indexedColumns: 0, namePrefix: namePrefix, directory: "_change_data")
        for batch in upserts {
            var types: [String] = []
            let keyArrays = keyColumns.compactMap { batch.column(named: $0) }
            for row in 0..<batch.rowCount {
                let parts = keyArrays.map { $0.scalar(at: row) }
                var matched = false
                if !parts.contains(.null) {
                    matched = existing.contains(try Self.key(parts, columns: keyColumns, partitionColumns: partitionColumns))
                }
                types.append(matched ? "update_postimage" : "insert")
            }
            try await postimages.write(try Self.appending(types, to: batch, schema: fullCDCSchema))
        }
        for written in try await postimages.finish() {
            plan.actions.append(.cdc(AddCDCFile(path: written.add.path, partitionValues: written.add.partitionValues, size: written.add.size)))
            plan.writtenKeys.append(PartitionPath.uriDecode(written.add.path) ?? written.add.path)
        }
        return plan
    }

    /// A file's statistics once a deletion vector hides some of its rows: `numRecords` stays the physical
    /// count, as the protocol requires, and the bounds are marked as possibly wider than the live rows.
    static func looseBounds(_ stats: String?, physicalRows: Int64) -> String {
        guard let stats, case .object(var object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(stats.utf8)) else {
            return "{\"numRecords\":\(physicalRows),\"tightBounds\":false}"
        }
        object["numRecords"] = .integer(physicalRows)
        object["tightBounds"] = .bool(false)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(JSONValue.object(object)) else { return stats }
        return String(decoding: data, as: UTF8.self)
    }

    /// A key as the upsert compares it: partition columns by their partition string, so rows read from a
    /// file (whose partition values are strings) and rows from the stream meet.
    static func key(_ values: [ScalarValue], columns: [String], partitionColumns: [String]) throws(DeltaError) -> [ScalarValue] {
        var key: [ScalarValue] = []
        for (column, value) in zip(columns, values) {
            if partitionColumns.contains(column), case .utf8 = value {
                key.append(value)
            } else if partitionColumns.contains(column) {
                key.append(try PartitionValue.string(value, column: column).map { .utf8($0) } ?? .null)
            } else {
                key.append(value)
            }
        }
        return key
    }

    /// Files that may hold one of `keys`: with one non-partition key column, files whose statistics exclude
    /// every key (read as a scan's file skipping reads them) are skipped.
    func candidates(for keys: Set<[ScalarValue]>, keyColumns: [String], partitionColumns: [String]) throws(DeltaError) -> [AddFile] {
        let files = snapshot.files.values.sorted { $0.path < $1.path }
        guard keyColumns.count == 1, let column = keyColumns.first, !partitionColumns.contains(column),
              let field = try schema.fields.first(where: { $0.name == column }) else { return files }
        let physical = try ColumnMapping(try metadata).physicalName(of: field)
        let values = keys.compactMap(\.first)
        return files.filter { file in
            guard let bounds = FileBounds(file.stats) else { return true }
            return values.contains { !bounds.excludes(.equal, $0, field: field, physicalName: physical) }
        }
    }

    static func appending(_ types: [String], to batch: RecordBatch, schema: Schema) throws(DeltaError) -> RecordBatch {
        do {
            return try RecordBatch(schema: schema, columns: batch.columns + [StringArray(types)])
        } catch {
            throw DeltaError(.invalidArgument, "adding _change_type: \(error)")
        }
    }
}
