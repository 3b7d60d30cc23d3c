import LaminarObjectStore

/// The files of one `_delta_log` listing, sorted by kind and version.
public struct LogListing: Sendable {
    /// Commit files by version.
    public var commits: [Int64: ObjectMeta] = [:]
    /// Classic and multi-part checkpoints by version, then by part count (parts by number).
    public var checkpoints: [Int64: [Int: [Int: ObjectMeta]]] = [:]
    /// UUID-named V2 checkpoints by version.
    public var uuidCheckpoints: [Int64: [(meta: ObjectMeta, json: Bool)]] = [:]
    /// Every other file the protocol names (checksums, compactions), for cleanup.
    public var others: [(file: LogFile, meta: ObjectMeta)] = []

    public init(_ objects: [ObjectMeta]) {
        for meta in objects {
            guard let name = meta.path.filename, let file = LogFile(name: name) else { continue }
            switch file {
            case .commit(let version): commits[version] = meta
            case .checkpoint(let version, let part, let parts): checkpoints[version, default: [:]][parts, default: [:]][part] = meta
            case .uuidCheckpoint(let version, let json): uuidCheckpoints[version, default: []].append((meta, json))
            case .checksum, .compaction: others.append((file, meta))
            case .lastCheckpoint: break
            }
        }
    }

    public var latestCommit: Int64? { commits.keys.max() }

    /// A checkpoint whose every part is present.
    public enum Checkpoint: Sendable {
        case parts([ObjectMeta])
        case uuid(ObjectMeta, json: Bool)

        public var files: [ObjectMeta] {
            switch self {
            case .parts(let parts): parts
            case .uuid(let meta, _): [meta]
            }
        }
    }

    /// The newest complete checkpoint at or before `version`; multi-part checkpoints missing a part are
    /// skipped, as the protocol requires.
    public func checkpoint(atOrBefore version: Int64) -> (version: Int64, checkpoint: Checkpoint)? {
        let versions = Set(checkpoints.keys).union(uuidCheckpoints.keys).filter { $0 <= version }.sorted(by: >)
        for candidate in versions {
            if let uuid = uuidCheckpoints[candidate]?.first { return (candidate, .uuid(uuid.meta, json: uuid.json)) }
            for (count, parts) in (checkpoints[candidate] ?? [:]).sorted(by: { $0.key < $1.key }) where parts.count == count {
                return (candidate, .parts((1...count).compactMap { parts[$0] }))
            }
        }
        return nil
    }

    /// Versions that have a complete checkpoint, ascending.
    public var checkpointVersions: [Int64] {
        let all = Set(checkpoints.keys).union(uuidCheckpoints.keys).sorted()
        return all.filter { checkpoint(atOrBefore: $0)?.version == $0 }
    }
}
