/// One file's worth of a table read: the rows of a data file, a change data file, or the rows a commit
/// inserted or deleted. Units are small enough that a stream can checkpoint between them, and each has an
/// id that stays the same when the read is repeated.
public struct ReadUnit: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The live rows of a data file.
        case data
        /// A `_change_data` file, whose rows carry their own `_change_type`.
        case changeData
        /// Rows a commit added (`insert` in a change feed).
        case inserted
        /// Rows a commit removed (`delete` in a change feed).
        case deleted
        /// A file whose deletion vector changed: newly deleted rows are deletes, restored rows inserts.
        case deletionVectorChange
    }

    public var kind: Kind
    /// The file, as the log spells it.
    public var path: String
    public var partitionValues: [String: String?]
    /// The deletion vector the rows are read through (the removed one, for `deleted`).
    public var deletionVector: JSONValue?
    /// For `deletionVectorChange`: the vector the file had before the commit.
    public var previousDeletionVector: JSONValue?
    /// The file's statistics JSON, when the log has them (data files only).
    public var stats: String?
    /// The file's size, when the log records it.
    public var size: Int64?

    /// Stable within a version: the kind and the path.
    public var id: String { kind.rawValue + ":" + path }

    public init(kind: Kind, path: String, partitionValues: [String: String?], deletionVector: JSONValue? = nil,
                previousDeletionVector: JSONValue? = nil, stats: String? = nil, size: Int64? = nil) {
        self.kind = kind
        self.path = path
        self.partitionValues = partitionValues
        self.deletionVector = deletionVector
        self.previousDeletionVector = previousDeletionVector
        self.stats = stats
        self.size = size
    }
}
