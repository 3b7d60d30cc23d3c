import LaminarArrow

extension ParquetFileReader {
    /// Every row group of a file held in memory, decoded without suspending; for small files such as Delta
    /// checkpoints, and for the fuzzer.
    public static func decodeAll(_ bytes: [UInt8], name: String) throws(ParquetError) -> [RecordBatch] {
        let reader = try ParquetFileReader(bytes: bytes, name: name)
        var batches: [RecordBatch] = []
        for index in reader.metadata.rowGroups.indices {
            batches.append(try reader.decodeRowGroup(index, file: bytes))
        }
        return batches
    }
}
