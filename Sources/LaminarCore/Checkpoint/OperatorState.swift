import LaminarArrow

/// An operator's state at a checkpoint: tables of rows (group keys and partial aggregates) plus a few
/// scalar settings. The checkpoint store encodes the tables as Parquet.
public struct OperatorState: Sendable {
    public var batches: [RecordBatch]
    public var values: [String: String]

    public init(batches: [RecordBatch] = [], values: [String: String] = [:]) {
        self.batches = batches
        self.values = values
    }
}
