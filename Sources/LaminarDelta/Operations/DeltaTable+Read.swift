import LaminarArrow
import LaminarObjectStore
import LaminarParquet

/// Where the rows of one batch sit in their file (what deletion vectors count): consecutive from `first`,
/// or, when a deletion vector removed some, at `first` plus the kept offsets.
public struct RowPositions: Sendable {
    public var first: Int64
    public var kept: [Int]?
    public var count: Int

    public subscript(row: Int) -> Int64 { first + Int64(kept?[row] ?? row) }
}

/// The live rows of one data file, with where each sits in the file.
public struct DataFileRows: Sendable {
    public var batches: [RecordBatch]
    /// For each batch, the physical row index in the file of each of its rows.
    public var positions: [RowPositions]
    /// Rows in the file, deleted or not.
    public var physicalRows: Int64
    /// The file's deletion vector, empty when it has none.
    public var deleted: RoaringBitmap
}

extension DeltaTable {
    /// The table's data columns: every column but the partition columns, whose values live in the log.
    public var dataSchema: Schema {
        get throws(DeltaError) {
            let partitions = Set(try metadata.partitionColumns)
            return Schema(try schema.fields.filter { !partitions.contains($0.name) })
        }
    }

    /// The rows of one data file in the table's current data schema (partition columns left out): columns
    /// the file predates come back as nulls, narrower types are widened, and rows its deletion vector
    /// deletes are left out.
    public func readDataFile(_ add: AddFile) async throws(DeltaError) -> [RecordBatch] {
        try await readDataFileRows(add).batches
    }

    public func readDataFileRows(_ add: AddFile) async throws(DeltaError) -> DataFileRows {
        try await readFileRows(path: add.path, deletionVector: add.deletionVector, size: add.size, as: try dataSchema)
    }

    /// Every row group of a data file, decoded, with only the top-level fields `keep` accepts.
    func decodeFile(key: String, size: Int64?, keep: (Field) -> Bool) async throws(DeltaError) -> [RecordBatch] {
        let name = "\(location)/\(key)"
        let path: ObjectPath
        do {
            path = try ObjectPath(key)
        } catch {
            throw DeltaError(.corruptLog, "\(name): not a valid object key: \(error)")
        }
        if let size, size > wholeFileLimit, size <= Int64(Int.max) {
            do {
                let reader = try await ParquetFileReader(source: ObjectRangeSource(store: store, path: path, knownSize: Int(size)), name: name)
                let projection = ParquetFileReader.Projection.names(reader.arrowSchema.fields.filter(keep).map(\.name))
                if case .names(let names) = projection, names.isEmpty { return Self.rowCountsOnly(reader) }
                var batches: [RecordBatch] = []
                for index in reader.metadata.rowGroups.indices {
                    let range = try reader.rowGroupRange(index, projection: projection)
                    let bytes = try await ParquetFileReader.fetch(range, from: reader.source, name: name)
                    batches.append(try reader.decodeRowGroup(index, projection: projection, bytes: bytes, at: range.lowerBound))
                }
                return batches
            } catch {
                throw DeltaError(.corruptLog, "\(name): \(error)")
            }
        }
        let bytes = try await log.io("reading \(name)") { try await store.get(path, range: nil) }
        do {
            let reader = try ParquetFileReader(bytes: bytes, name: name)
            let projection = ParquetFileReader.Projection.names(reader.arrowSchema.fields.filter(keep).map(\.name))
            if case .names(let names) = projection, names.isEmpty { return Self.rowCountsOnly(reader) }
            var batches: [RecordBatch] = []
            for index in reader.metadata.rowGroups.indices {
                batches.append(try reader.decodeRowGroup(index, projection: projection, file: bytes))
            }
            return batches
        } catch {
            throw DeltaError(.corruptLog, "\(name): \(error)")
        }
    }

    /// The rows of the file at `path` (as `add.path` spells it) in `target`, a schema of logical names:
    /// physical names and field ids are mapped to them, missing columns filled with nulls, and rows of the
    /// deletion vector left out.
    func readFileRows(path: String, deletionVector: JSONValue?, size: Int64? = nil, as target: Schema) async throws(DeltaError) -> DataFileRows {
        guard let key = PartitionPath.uriDecode(path), !key.contains("://") else {
            throw DeltaError(.unsupported, "\(location): \(path) is not a path inside the table")
        }
        var deleted = RoaringBitmap([])
        if let descriptor = try DeletionVectorDescriptor(deletionVector) { deleted = try await loadDeletionVector(descriptor) }
        let mapping = try ColumnMapping(try metadata)
        let batches = try await decodeFile(key: key, size: size) { mapping.match($0, in: target.fields) != nil }
        var alignment: SchemaAlignment?
        var rows = DataFileRows(batches: [], positions: [], physicalRows: 0, deleted: deleted)
        for batch in batches {
            let first = rows.physicalRows
            rows.physicalRows += Int64(batch.rowCount)
            var kept: [Int]?
            if deleted.count > 0 {
                var survivors: [Int] = []
                for row in 0..<batch.rowCount where !deleted.contains(UInt64(first) + UInt64(row)) { survivors.append(row) }
                if survivors.count < batch.rowCount { kept = survivors }
            }
            let positions = RowPositions(first: first, kept: kept, count: kept?.count ?? batch.rowCount)
            var live = try mapping.logical(batch, as: target)
            if let kept, live.columns.isEmpty {
                live = RecordBatch(emptySchemaRowCount: kept.count)
            } else if let kept {
                do {
                    live = try Compute.take(live, indices: kept)
                } catch {
                    throw DeltaError(.corruptLog, "\(location)/\(key): applying its deletion vector: \(error)")
                }
            }
            live = try Self.instantTimestamps(live, as: target)
            if alignment == nil {
                alignment = try SchemaAlignment(stream: try SchemaAlignment.deltaTypes(live.schema), table: target, evolve: false,
                                                location: "\(location)/\(key)")
            }
            guard let alignment else { continue }
            rows.batches.append(try alignment.align(live))
            rows.positions.append(positions)
        }
        return rows
    }

    /// Timestamps a file stores without a zone (INT96, or written with `isAdjustedToUTC = false` by older
    /// writers) in a column the table declares as `timestamp`: they are UTC instants, so only the label changes.
    static func instantTimestamps(_ batch: RecordBatch, as target: Schema) throws(DeltaError) -> RecordBatch {
        var fields = batch.schema.fields
        var columns = batch.columns
        var changed = false
        for index in fields.indices {
            guard case .timestamp(let unit, nil) = fields[index].type, let wanted = target.index(ofCaseInsensitive: fields[index].name),
                  case .timestamp(_, let zone?) = target.fields[wanted].type, let values = columns[index] as? Int64Array else { continue }
            let type = DataType.timestamp(unit, timeZone: zone)
            columns[index] = Int64Array(dataType: type, values: values.valueBuffer, offset: values.offset, count: values.count,
                                        validity: values.validity)
            fields[index] = Field(name: fields[index].name, type: type, nullable: fields[index].isNullable, metadata: fields[index].metadata)
            changed = true
        }
        guard changed else { return batch }
        do {
            return try RecordBatch(schema: Schema(fields, metadata: batch.schema.metadata), columns: columns)
        } catch {
            throw DeltaError(.corruptLog, "relabelling timestamps: \(error)")
        }
    }

    /// A file none of whose columns is read still has rows: one column-less batch per row group, with its
    /// row count, which alignment fills with nulls.
    static func rowCountsOnly(_ reader: ParquetFileReader) -> [RecordBatch] {
        reader.metadata.rowGroups.map { RecordBatch(emptySchemaRowCount: Int(max(0, $0.numRows))) }
    }

    /// `batch` (data columns) with the partition columns added from `partitionValues`, in the order of
    /// `schema` (the table's columns, plus any extra columns the batch carries at the end).
    func withPartitionColumns(_ batch: RecordBatch, partitionValues: [String: String?], schema: Schema,
                              unread: Set<String> = []) throws(DeltaError) -> RecordBatch {
        let mapping = try ColumnMapping(try metadata)
        let partitions = Set(try metadata.partitionColumns)
        var columns: [any ArrowArray] = []
        for field in schema.fields {
            if partitions.contains(field.name) {
                let text = partitionValues[mapping.physicalName(of: field)] ?? partitionValues[field.name] ?? nil
                let value = try PartitionValue.scalar(text, type: field.type, column: field.name)
                do {
                    columns.append(try makeArray(type: field.type, scalars: Array(repeating: value, count: batch.rowCount)))
                } catch {
                    throw DeltaError(.corruptLog, "partition column \(field.name): \(error)")
                }
            } else if let column = batch.column(named: field.name) {
                columns.append(column)
            } else if unread.contains(field.name) {
                columns.append(makeNullArray(type: field.type, count: batch.rowCount))
            } else {
                throw DeltaError(.corruptLog, "\(location): a file lacks column \(field.name)")
            }
        }
        do {
            return try RecordBatch(schema: schema, columns: columns)
        } catch {
            throw DeltaError(.corruptLog, "\(location): assembling rows: \(error)")
        }
    }

    /// The live rows of a data file with every table column, partition columns included.
    public func rows(of add: AddFile) async throws(DeltaError) -> [RecordBatch] {
        let schema = try self.schema
        var batches: [RecordBatch] = []
        for batch in try await readDataFile(add) {
            batches.append(try withPartitionColumns(batch, partitionValues: add.partitionValues, schema: schema))
        }
        return batches
    }
}
