#if Delta
import LaminarObjectStore
import LaminarParquet

/// What a Delta sink writes where, as `CREATE SINK ... WITH (type = 'delta', ...)` sets it.
public struct DeltaSinkSettings: Sendable {
    /// The sink's name in the catalog.
    public var name: String
    /// The table's URL or local path.
    public var location: String
    public var storageOptions: StorageOptions
    /// The `txn.appId` of every commit: stable across restarts, unique per pipeline writing the table.
    public var writerID: String
    /// For a table the sink creates; an existing table must have the same partitioning.
    public var partitionColumns: [String]?
    public var targetFileSize: Int
    public var parquet: ParquetWriterOptions
    /// Commits between Delta log checkpoints; the table's `delta.checkpointInterval` when nil.
    public var checkpointInterval: Int64?
    /// Add new stream columns to the table as nullable columns.
    public var schemaEvolution: Bool
    /// Table properties for a table the sink creates (`delta.enableChangeDataFeed`, user properties).
    public var tableProperties: [String: String]
    /// Upsert by these columns instead of appending, when set.
    public var keyColumns: [String]?
    /// In upsert mode, the stream column saying a row deletes its key (`d`/`delete` or `true`); it is not
    /// written to the table.
    public var opColumn: String?

    public init(name: String, location: String, storageOptions: StorageOptions = StorageOptions(), writerID: String,
                partitionColumns: [String]? = nil, targetFileSize: Int = 128 * 1024 * 1024,
                parquet: ParquetWriterOptions = ParquetWriterOptions(), checkpointInterval: Int64? = nil,
                schemaEvolution: Bool = false, tableProperties: [String: String] = [:], keyColumns: [String]? = nil,
                opColumn: String? = nil) {
        self.name = name
        self.location = location
        self.storageOptions = storageOptions
        self.writerID = writerID
        self.partitionColumns = partitionColumns
        self.targetFileSize = targetFileSize
        self.parquet = parquet
        self.checkpointInterval = checkpointInterval
        self.schemaEvolution = schemaEvolution
        self.tableProperties = tableProperties
        self.keyColumns = keyColumns
        self.opColumn = opColumn
    }
}
#endif
