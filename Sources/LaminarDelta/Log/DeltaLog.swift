import Foundation
import LaminarObjectStore

/// Reads a table's `_delta_log` through an object store rooted at the table: listings, single commits, and
/// snapshots built from the newest usable checkpoint plus the commits after it.
public struct DeltaLog: Sendable {
    public static let folder: ObjectPath = "_delta_log"

    /// The store, rooted at the table's root.
    public let store: any ObjectStore
    /// The table's location as the user wrote it, for messages.
    public let location: String

    public init(store: any ObjectStore, location: String) {
        self.store = store
        self.location = location
    }

    /// The path of a log file, e.g. `_delta_log/00000000000000000003.json`.
    public static func path(_ name: String) -> ObjectPath {
        ObjectPath(stringLiteral: folder.rawValue + "/" + name)
    }

    public func listing() async throws(DeltaError) -> LogListing {
        let objects = try await io("listing \(location)/_delta_log") {
            try await store.list(prefix: Self.folder, delimiter: true).allObjects()
        }
        return LogListing(objects)
    }

    /// The newest version, or nil when there is no table at the location.
    public func latestVersion() async throws(DeltaError) -> Int64? {
        let listing = try await listing()
        return listing.latestCommit ?? listing.checkpointVersions.last
    }

    /// The actions of commit `version`, or nil when that file does not exist.
    public func commit(_ version: Int64) async throws(DeltaError) -> [DeltaAction]? {
        let name = CommitFile.name(version: version)
        let bytes: [UInt8]
        do {
            bytes = try await store.get(Self.path(name), range: nil)
        } catch let error as ObjectStoreError where error.kind == .notFound {
            return nil
        } catch {
            throw DeltaError(.io, "reading \(location)/_delta_log/\(name): \(error)")
        }
        return try CommitFile.decode(bytes, name: "\(location)/_delta_log/\(name)")
    }

    /// `_last_checkpoint`, or nil when it is missing or unreadable (it is only a hint).
    public func lastCheckpoint() async -> LastCheckpoint? {
        guard let bytes = try? await store.get(Self.path("_last_checkpoint"), range: nil) else { return nil }
        return try? JSONDecoder().decode(LastCheckpoint.self, from: Data(bytes))
    }

    /// The table at `version` (the newest when nil).
    public func snapshot(version: Int64? = nil) async throws(DeltaError) -> Snapshot {
        try await snapshot(version: version, listing: listing())
    }

    /// The table at `version`, from a listing already taken.
    public func snapshot(version requested: Int64?, listing: LogListing) async throws(DeltaError) -> Snapshot {
        guard let newest = listing.latestCommit ?? listing.checkpointVersions.last else {
            throw DeltaError(.notFound, "\(location) is not a Delta table: \(location)/_delta_log has no commits")
        }
        let target = requested ?? newest
        guard target <= newest else {
            throw DeltaError(.notFound, "\(location) has no version \(target); the newest is \(newest)")
        }
        var snapshot: Snapshot
        if let (version, checkpoint) = listing.checkpoint(atOrBefore: target) {
            snapshot = Snapshot(checkpoint: try await actions(of: checkpoint), version: version)
        } else {
            snapshot = Snapshot()
        }
        if snapshot.version >= target { return snapshot }
        guard listing.commits[snapshot.version + 1] != nil else {
            let first = listing.commits.keys.min() ?? 0
            throw DeltaError(.notFound, "\(location): version \(target) cannot be rebuilt: the log starts at version \(first) and no checkpoint at or before \(target) remains")
        }
        var version = snapshot.version + 1
        while version <= target {
            guard let meta = listing.commits[version] else {
                throw DeltaError(.corruptLog, "\(location)/_delta_log: commit \(version) is missing; the log has a gap before version \(target)")
            }
            let name = "\(location)/\(meta.path.rawValue)"
            let bytes = try await io("reading \(name)") { try await store.get(meta.path, range: nil) }
            try snapshot.apply(try CommitFile.decode(bytes, name: name), version: version)
            version += 1
        }
        return snapshot
    }

    /// The actions of a complete checkpoint, with those of any sidecar files it references.
    func actions(of checkpoint: LogListing.Checkpoint) async throws(DeltaError) -> [DeltaAction] {
        var actions: [DeltaAction] = []
        for file in checkpoint.files {
            let name = "\(location)/\(file.path.rawValue)"
            let bytes = try await io("reading \(name)") { try await store.get(file.path, range: nil) }
            if case .uuid(_, json: true) = checkpoint {
                actions += try CommitFile.decode(bytes, name: name)
            } else {
                actions += try CheckpointFile.decode(bytes, name: name)
            }
        }
        var sidecars: [DeltaAction] = []
        for action in actions {
            guard case .unknown("sidecar", .object(let fields)) = action, case .string(let path)? = fields["path"] else { continue }
            let relative = path.removingPercentEncoding ?? path
            let sidecar = Self.path("_sidecars/" + relative)
            let name = "\(location)/\(sidecar.rawValue)"
            let bytes = try await io("reading \(name)") { try await store.get(sidecar, range: nil) }
            sidecars += try CheckpointFile.decode(bytes, name: name)
        }
        return actions + sidecars
    }

    /// Runs a storage call, turning its failure into a `DeltaError` that says what was being done.
    func io<T>(_ what: String, _ body: () async throws -> T) async throws(DeltaError) -> T {
        do {
            return try await body()
        } catch {
            throw DeltaError(.io, "\(what): \(error)")
        }
    }
}

extension DeltaLog {
    /// The newest version committed at or before `millis` (ms since the epoch), as time travel resolves
    /// timestamps: commit times made strictly increasing first, as Spark does, since file times can repeat.
    public func version(atOrBefore millis: Int64) async throws(DeltaError) -> Int64 {
        let listing = try await listing()
        var found: Int64?
        var previous = Int64.min
        var first: Int64?
        for version in listing.commits.keys.sorted() {
            guard let actions = try await commit(version) else { continue }
            var stamp = DeltaTable.commitTimestamp(actions, fileTime: listing.commits[version]?.lastModified)
            if previous != .min, stamp <= previous { stamp = previous.addingReportingOverflow(1).partialValue }
            previous = stamp
            if first == nil { first = stamp }
            guard stamp <= millis else { break }
            found = version
        }
        guard let found else {
            throw DeltaError(.notFound, "\(location) has no version at or before that time; its first commit is at \(first.map { "\($0) ms" } ?? "no time")")
        }
        return found
    }
}
