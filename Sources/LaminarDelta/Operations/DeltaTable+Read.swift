import LaminarArrow
import LaminarObjectStore
import LaminarParquet

/// The live rows of one data file, with where each sits in the file.
public struct DataFileRows: Sendable {
    public var batches: [RecordBatch]
    /// For each batch, the physical row index in the file of each of its rows (what deletion vectors count).
    public var positions: [[Int64]]
    /// Rows in the file, deleted or not.
    public var physicalRows: Int64
    /// The file's deletion vector, empty when it has none.
    public var deleted: RoaringBitmap
}

extension DeltaTable {
    /// The rows of one data file in the table's current data schema (partition columns left out): columns
    /// the file predates come back as nulls, narrower types are widened, and rows its deletion vector
    /// deletes are left out.
    public func readDataFile(_ add: AddFile) async throws(DeltaError) -> [RecordBatch] {
        try await readDataFileRows(add).batches
    }

    public func readDataFileRows(_ add: AddFile) async throws(DeltaError) -> DataFileRows {
        guard let key = PartitionPath.uriDecode(add.path), !key.contains("://") else {
            throw DeltaError(.unsupported, "\(location): \(add.path) is not a path inside the table")
        }
        var deleted = RoaringBitmap([])
        if let descriptor = try DeletionVectorDescriptor(add.deletionVector) { deleted = try await loadDeletionVector(descriptor) }
        let bytes = try await log.io("reading \(location)/\(key)") { try await store.get(try ObjectPath(key), range: nil) }
        let batches: [RecordBatch]
        let fileSchema: Schema
        do {
            let reader = try ParquetFileReader(bytes: bytes, name: "\(location)/\(key)")
            fileSchema = reader.arrowSchema
            batches = try ParquetFileReader.decodeAll(bytes, name: "\(location)/\(key)")
        } catch {
            throw DeltaError(.corruptLog, "\(location)/\(key): \(error)")
        }
        let partitions = Set(try metadata.partitionColumns)
        let dataSchema = Schema(try schema.fields.filter { !partitions.contains($0.name) })
        let alignment = try SchemaAlignment(stream: try SchemaAlignment.deltaTypes(fileSchema), table: dataSchema, evolve: false,
                                            location: "\(location)/\(key)")
        var rows = DataFileRows(batches: [], positions: [], physicalRows: 0, deleted: deleted)
        for batch in batches {
            let first = rows.physicalRows
            rows.physicalRows += Int64(batch.rowCount)
            var kept: [Int] = []
            var positions: [Int64] = []
            for row in 0..<batch.rowCount where !deleted.contains(UInt64(first) + UInt64(row)) {
                kept.append(row)
                positions.append(first + Int64(row))
            }
            var live = batch
            if kept.count < batch.rowCount {
                do {
                    live = try Compute.take(batch, indices: kept)
                } catch {
                    throw DeltaError(.corruptLog, "\(location)/\(key): applying its deletion vector: \(error)")
                }
            }
            rows.batches.append(try alignment.align(live))
            rows.positions.append(positions)
        }
        return rows
    }
}
