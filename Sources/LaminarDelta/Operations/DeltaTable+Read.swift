import LaminarArrow
import LaminarObjectStore
import LaminarParquet

extension DeltaTable {
    /// The rows of one data file in the table's current data schema (partition columns left out): columns
    /// the file predates come back as nulls, narrower types are widened. Files with deletion vectors are
    /// refused, as their deleted rows cannot be hidden yet.
    public func readDataFile(_ add: AddFile) async throws(DeltaError) -> [RecordBatch] {
        guard add.deletionVector == nil else {
            throw DeltaError(.unsupported, "\(location)/\(add.path) has a deletion vector, which LaminarDB cannot apply yet")
        }
        guard let key = PartitionPath.uriDecode(add.path), !key.contains("://") else {
            throw DeltaError(.unsupported, "\(location): \(add.path) is not a path inside the table")
        }
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
        var aligned: [RecordBatch] = []
        for batch in batches { aligned.append(try alignment.align(batch)) }
        return aligned
    }
}
