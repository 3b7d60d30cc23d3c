import LaminarArrow

/// A decoder that hands out a file's rows a batch at a time.
///
/// After a failure `next` keeps throwing the same error: the reader's position inside the broken input is
/// meaningless, and a caller retrying must not silently skip rows.
public protocol RecordBatchReader {
    var schema: Schema { get }
    /// The next batch, or nil when the input is exhausted.
    mutating func next() throws(FileFormatError) -> RecordBatch?
}

extension RecordBatchReader {
    /// Every remaining batch.
    public mutating func readAll() throws(FileFormatError) -> [RecordBatch] {
        var batches: [RecordBatch] = []
        while let batch = try next() { batches.append(batch) }
        return batches
    }
}
