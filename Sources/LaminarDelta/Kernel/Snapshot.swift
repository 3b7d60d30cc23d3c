/// The state of a table at one version, reconciled from its commits: the newest action on a file wins.
///
/// A file is identified by its path together with its deletion vector, as the protocol requires: a
/// commit that rewrites a file's deletion vector removes the old pair and adds the new one.
public struct Snapshot: Sendable {
    public private(set) var version: Int64 = -1
    public private(set) var protocolVersions: ProtocolAction?
    public private(set) var metadata: Metadata?
    /// Active data files by identity (path plus deletion vector).
    public private(set) var files: [String: AddFile] = [:]
    /// Removed files not yet vacuumed, by identity.
    public private(set) var tombstones: [String: RemoveFile] = [:]
    /// The last committed version of each streaming writer, by `appId`.
    public private(set) var transactions: [String: TransactionAction] = [:]
    /// `domainMetadata` actions in force, by domain; kept so checkpoints and rewrites carry them on.
    public private(set) var domains: [String: JSONValue] = [:]

    public init() {}

    /// Replays commits given in version order, starting from version 0.
    public static func replay(_ commits: [(version: Int64, actions: [DeltaAction])]) throws(DeltaError) -> Snapshot {
        var snapshot = Snapshot()
        for commit in commits { try snapshot.apply(commit.actions, version: commit.version) }
        return snapshot
    }

    /// Takes `other`'s protocol and metadata, keeping this snapshot's files.
    public mutating func adoptMetadata(of other: Snapshot) {
        protocolVersions = other.protocolVersions ?? protocolVersions
        metadata = other.metadata ?? metadata
    }

    /// An empty state standing at `version`, for following commits after it without their history.
    public init(emptyAt version: Int64) {
        self.version = version
    }

    /// The state a checkpoint at `version` records: its actions are already reconciled.
    public init(checkpoint actions: [DeltaAction], version: Int64) {
        reconcile(actions)
        self.version = version
    }

    /// Applies the actions of the next version.
    public mutating func apply(_ actions: [DeltaAction], version: Int64) throws(DeltaError) {
        guard version == self.version + 1 else {
            throw DeltaError(.corruptLog, "commit \(version) follows version \(self.version); the log has a gap")
        }
        reconcile(actions)
        self.version = version
    }

    private mutating func reconcile(_ actions: [DeltaAction]) {
        for action in actions {
            switch action {
            case .protocolVersions(let value): protocolVersions = value
            case .metadata(let value): metadata = value
            case .add(let add):
                let key = Self.identity(add.path, add.deletionVector)
                files[key] = add
                tombstones[key] = nil
            case .remove(let remove):
                let key = Self.identity(remove.path, remove.deletionVector)
                files[key] = nil
                tombstones[key] = remove
            case .transaction(let transaction): transactions[transaction.appId] = transaction
            case .unknown("domainMetadata", let value):
                guard case .object(let fields) = value, case .string(let domain)? = fields["domain"] else { continue }
                domains[domain] = fields["removed"] == .bool(true) ? nil : value
            case .cdc, .commitInfo, .unknown: break
            }
        }
    }

    /// What a checkpoint of this version holds: protocol, metadata, transactions, domains, live files and the
    /// tombstones deleted after `tombstonesAfter` (ms since the epoch), without their statistics and tags.
    public func checkpointActions(tombstonesAfter: Int64) -> [DeltaAction] {
        var actions: [DeltaAction] = []
        if let protocolVersions { actions.append(.protocolVersions(protocolVersions)) }
        if let metadata { actions.append(.metadata(metadata)) }
        for key in transactions.keys.sorted() { if let txn = transactions[key] { actions.append(.transaction(txn)) } }
        for key in domains.keys.sorted() { if let domain = domains[key] { actions.append(.unknown("domainMetadata", domain)) } }
        for key in files.keys.sorted() { if let add = files[key] { actions.append(.add(add)) } }
        for key in tombstones.keys.sorted() {
            guard var remove = tombstones[key], (remove.deletionTimestamp ?? 0) > tombstonesAfter else { continue }
            remove.stats = nil
            remove.tags = nil
            actions.append(.remove(remove))
        }
        return actions
    }

    /// The last version the writer `appId` committed, if any: what a restarted streaming sink checks before
    /// committing a checkpoint again.
    public func transactionVersion(appId: String) -> Int64? {
        transactions[appId]?.version
    }

    static func identity(_ path: String, _ deletionVector: JSONValue?) -> String {
        guard case .object(let descriptor)? = deletionVector else { return path }
        var parts = [path]
        for key in ["storageType", "pathOrInlineDv", "offset"] {
            switch descriptor[key] {
            case .string(let text)?: parts.append(text)
            case .integer(let number)?: parts.append(String(number))
            default: break
            }
        }
        return parts.joined(separator: "|")
    }
}
