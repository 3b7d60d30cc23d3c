/// One commit a writer wants to make: its actions, what to record in `commitInfo`, and what it read, which
/// decides whether a concurrent commit conflicts with it.
public struct CommitRequest: Sendable {
    /// `add`, `remove`, `cdc`, `metaData`… (not `commitInfo` or the `txn`, which the commit adds).
    public var actions: [DeltaAction]
    /// `commitInfo.operation`, e.g. `STREAMING UPDATE`, `WRITE`, `OPTIMIZE`.
    public var operation: String
    public var operationParameters: [String: String]
    public var operationMetrics: [String: String]
    /// The streaming writer's progress marker, committed atomically with the actions.
    public var appTransaction: TransactionAction?
    /// The commit only adds files and reads nothing: concurrent appends never conflict with it.
    public var isBlindAppend: Bool
    /// Paths of files the commit's `remove` actions (or the reads behind them) depend on; a concurrent
    /// commit that removes one of them conflicts.
    public var readFiles: Set<String>
    /// The commit read the table's rows to decide what to write (an upsert looking up keys), so rows a
    /// concurrent commit added are rows it should have seen. Compaction leaves this off: rearranging files
    /// never conflicts with appends.
    public var conflictsWithAppends: Bool
    /// The version the commit's files were planned against; every commit after it is checked against this
    /// one, not only those that race for the same version. Nil: the snapshot the commit starts from.
    public var readVersion: Int64?

    public init(actions: [DeltaAction], operation: String, operationParameters: [String: String] = [:],
                operationMetrics: [String: String] = [:], appTransaction: TransactionAction? = nil,
                isBlindAppend: Bool, readFiles: Set<String> = [], conflictsWithAppends: Bool = false, readVersion: Int64? = nil) {
        self.actions = actions
        self.operation = operation
        self.operationParameters = operationParameters
        self.operationMetrics = operationMetrics
        self.appTransaction = appTransaction
        self.isBlindAppend = isBlindAppend
        self.readFiles = readFiles
        self.conflictsWithAppends = conflictsWithAppends
        self.readVersion = readVersion
    }
}

/// How a commit ended.
public enum CommitOutcome: Sendable, Hashable {
    /// The commit created `version`.
    case committed(version: Int64)
    /// The table already records the app transaction (an earlier attempt, before a crash, landed);
    /// nothing was written.
    case alreadyCommitted
}
