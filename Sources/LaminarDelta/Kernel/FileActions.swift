/// `add`: a data file that is part of the table from this version on.
public struct AddFile: Codable, Hashable, Sendable {
    /// Relative to the table root and URI-encoded (RFC 2396), or an absolute URI.
    public var path: String
    /// Hive partition values as strings; null for a null partition.
    public var partitionValues: [String: String?]
    public var size: Int64
    public var modificationTime: Int64
    public var dataChange: Bool
    /// Per-file statistics as a JSON string: `numRecords`, `minValues`, `maxValues`, `nullCount`.
    public var stats: String?
    public var tags: [String: String]?
    public var deletionVector: JSONValue?
    public var baseRowId: Int64?
    public var defaultRowCommitVersion: Int64?
    public var clusteringProvider: String?

    public init(path: String, partitionValues: [String: String?] = [:], size: Int64, modificationTime: Int64, dataChange: Bool = true,
                stats: String? = nil, tags: [String: String]? = nil) {
        self.path = path
        self.partitionValues = partitionValues
        self.size = size
        self.modificationTime = modificationTime
        self.dataChange = dataChange
        self.stats = stats
        self.tags = tags
    }
}

/// `remove`: a data file that is no longer part of the table from this version on (a tombstone until
/// vacuum deletes the file).
public struct RemoveFile: Codable, Hashable, Sendable {
    public var path: String
    public var deletionTimestamp: Int64?
    public var dataChange: Bool
    public var extendedFileMetadata: Bool?
    public var partitionValues: [String: String?]?
    public var size: Int64?
    public var stats: String?
    public var tags: [String: String]?
    public var deletionVector: JSONValue?
    public var baseRowId: Int64?
    public var defaultRowCommitVersion: Int64?

    public init(path: String, deletionTimestamp: Int64?, dataChange: Bool = true, extendedFileMetadata: Bool? = nil,
                partitionValues: [String: String?]? = nil, size: Int64? = nil) {
        self.path = path
        self.deletionTimestamp = deletionTimestamp
        self.dataChange = dataChange
        self.extendedFileMetadata = extendedFileMetadata
        self.partitionValues = partitionValues
        self.size = size
    }
}

/// `cdc`: a Change Data Feed file written by a commit that changed rows.
public struct AddCDCFile: Codable, Hashable, Sendable {
    public var path: String
    public var partitionValues: [String: String?]
    public var size: Int64
    public var dataChange: Bool
    public var tags: [String: String]?

    public init(path: String, partitionValues: [String: String?] = [:], size: Int64, dataChange: Bool = false) {
        self.path = path
        self.partitionValues = partitionValues
        self.size = size
        self.dataChange = dataChange
    }
}

/// `txn`: the last version an application (a streaming writer, by `appId`) committed, so a retried commit
/// can recognise that it already landed.
public struct TransactionAction: Codable, Hashable, Sendable {
    public var appId: String
    public var version: Int64
    public var lastUpdated: Int64?

    public init(appId: String, version: Int64, lastUpdated: Int64? = nil) {
        self.appId = appId
        self.version = version
        self.lastUpdated = lastUpdated
    }
}
