/// One data file a sink wrote for a commit.
public struct DataFile: Codable, Hashable, Sendable {
    /// Where the file lives once committed, relative to the sink's root.
    public var path: String
    /// Where it was written before the commit made it visible; nil for formats that write in place and
    /// make files visible through table metadata.
    public var stagingPath: String?
    public var sizeBytes: Int64
    public var rowCount: Int64
    /// Hive-style partition values by column; nil values are null partitions.
    public var partitionValues: [String: String?]
    public var statistics: FileStatistics?
    /// The statistics in the table format's own encoding (Delta's `stats` JSON), kept verbatim so a commit
    /// finished after a restart records exactly what the writer measured.
    public var encodedStatistics: String?

    public init(path: String, stagingPath: String? = nil, sizeBytes: Int64, rowCount: Int64,
                partitionValues: [String: String?] = [:], statistics: FileStatistics? = nil, encodedStatistics: String? = nil) {
        self.path = path
        self.stagingPath = stagingPath
        self.sizeBytes = sizeBytes
        self.rowCount = rowCount
        self.partitionValues = partitionValues
        self.statistics = statistics
        self.encodedStatistics = encodedStatistics
    }
}

/// Per-column statistics of a data file, as table formats record them (values as JSON text).
public struct FileStatistics: Codable, Hashable, Sendable {
    public var nullCounts: [String: Int64]
    public var minValues: [String: String]
    public var maxValues: [String: String]

    public init(nullCounts: [String: Int64] = [:], minValues: [String: String] = [:], maxValues: [String: String] = [:]) {
        self.nullCounts = nullCounts
        self.minValues = minValues
        self.maxValues = maxValues
    }
}

/// Everything a sink needs to finish a commit after a restart: it is stored in the checkpoint manifest,
/// so it names the files with their sizes, counts and statistics, not just their paths.
public struct PreparedCommit: Codable, Hashable, Sendable {
    /// The sink's name in the catalog.
    public var sink: String
    /// Identifies the writer inside the table's own commits (Delta `txn.appId`, Iceberg snapshot summary),
    /// so finalizing twice can be recognised.
    public var writerID: String
    public var checkpointID: Int64
    public var files: [DataFile]
    /// Format-specific details (schema changes, operation metrics).
    public var properties: [String: String]

    public init(sink: String, writerID: String, checkpointID: Int64, files: [DataFile], properties: [String: String] = [:]) {
        self.sink = sink
        self.writerID = writerID
        self.checkpointID = checkpointID
        self.files = files
        self.properties = properties
    }

    public var rowCount: Int64 { files.reduce(0) { $0 + $1.rowCount } }
}

/// What a finalized commit did.
public struct CommitInfo: Codable, Hashable, Sendable {
    public var checkpointID: Int64
    /// The table version the commit created, for formats with versions.
    public var tableVersion: Int64?
    public var filesAdded: Int
    public var rowsAdded: Int64
    /// The commit had already landed (a retry after a crash): nothing was done again.
    public var alreadyCommitted: Bool

    public init(checkpointID: Int64, tableVersion: Int64? = nil, filesAdded: Int, rowsAdded: Int64, alreadyCommitted: Bool) {
        self.checkpointID = checkpointID
        self.tableVersion = tableVersion
        self.filesAdded = filesAdded
        self.rowsAdded = rowsAdded
        self.alreadyCommitted = alreadyCommitted
    }
}
