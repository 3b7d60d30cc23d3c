#if Delta
import Foundation
import LaminarArrow
import LaminarCore
import LaminarDelta
import LaminarObjectStore
import LaminarSQL

/// `type = 'delta'` as a source: a Delta table read as a bounded query or as a stream.
///
/// Options: `location` (or `path`), `mode` — `batch` (the table now, the default), `snapshot` (as of
/// `version` or `timestamp`), `incremental` (the commits from `starting_version` to the newest, then ends),
/// `continuous` (the table now, or the commits from `starting_version`, then every new commit, polled every
/// `poll_interval`) — and `change_data_feed = true` for the change feed: every change with `_change_type`,
/// `_commit_version` and `_commit_timestamp`, from `starting_version` (0 by default). `starting_timestamp`
/// starts at the first commit made at or after a time instead. Without the change feed, a commit that
/// updated or deleted rows stops the stream, unless `skip_change_commits = true`. Storage options as for the
/// Delta sink.
public struct DeltaSourceConnector: SourceConnector {
    public let type = "delta"

    static let keys = ["location", "path", "mode", "version", "timestamp", "starting_version", "starting_timestamp",
                       "change_data_feed", "skip_change_commits", "poll_interval"]

    public init() {}

    public func prepare(_ definition: SourceDefinition) async throws(SQLError) -> any PreparedSource {
        let (storage, own) = try DeltaSinkConnector.splitStorageOptions(definition.options, keys: Self.keys)
        let options = try ConnectorOptions(own, connector: type, keys: Self.keys)
        let location = try DeltaSinkConnector.tableLocation(options, what: "a delta source")
        if let columns = definition.columns, !columns.fields.isEmpty {
            throw SQLError(kind: .semantic, message: "a delta source takes its columns from the table; leave out the column list",
                           location: .unknown)
        }
        let version = try options.int("version")
        let timestampText = try options.string("timestamp")
        let changeFeed = try options.bool("change_data_feed") ?? false
        let startingVersion = try options.int("starting_version")
        var startingTimestamp: Int64?
        if let text = try options.string("starting_timestamp") {
            guard startingVersion == nil else {
                throw options.invalid("starting_timestamp", "give starting_version or starting_timestamp, not both")
            }
            guard let parsed = Temporal.parseTimestamp(text, unit: .millisecond) else {
                throw options.invalid("starting_timestamp", "expected a timestamp such as '2026-01-05 09:30:00' (UTC) or ISO 8601 with a zone")
            }
            startingTimestamp = parsed.ticks
        }
        let poll = try options.duration("poll_interval") ?? .seconds(1)
        guard poll > .zero else { throw options.invalid("poll_interval", "must be positive") }
        let defaultMode = version != nil || timestampText != nil ? "snapshot" : "batch"
        let mode = try options.choice("mode", ["batch", "snapshot", "incremental", "continuous"]) ?? defaultMode
        if mode == "snapshot" {
            guard (version == nil) != (timestampText == nil) else {
                throw options.invalid("mode", "snapshot mode reads the table as of one version or one timestamp; give exactly one of them")
            }
        } else if version != nil || timestampText != nil {
            throw options.invalid(version != nil ? "version" : "timestamp", "version and timestamp belong to mode = 'snapshot'")
        }
        if mode == "incremental", startingVersion == nil, startingTimestamp == nil {
            throw options.invalid("mode", "incremental mode reads the commits from starting_version (or starting_timestamp) on; set one")
        }
        if let startingVersion, startingVersion < 0 { throw options.invalid("starting_version", "must not be negative") }
        if let version, version < 0 { throw options.invalid("version", "must not be negative") }
        var timestamp: Int64?
        if let timestampText {
            guard let parsed = Temporal.parseTimestamp(timestampText, unit: .millisecond) else {
                throw options.invalid("timestamp", "expected a timestamp such as '2026-01-05 09:30:00' (UTC) or ISO 8601 with a zone")
            }
            timestamp = parsed.ticks
        }

        do {
            let store = try ObjectStores.open(location, options: storage)
            let log = DeltaLog(store: store, location: location)
            if mode == "snapshot", let timestamp { _ = try await log.version(atOrBefore: timestamp) }
            let table = try await DeltaTable.open(store: store, location: location)
            try table.checkReadable()
            var schema = try table.schema
            if changeFeed {
                schema = Schema(schema.fields + [
                    Field(name: "_change_type", type: .utf8, nullable: false),
                    Field(name: "_commit_version", type: .int64, nullable: false),
                    Field(name: "_commit_timestamp", type: .timestamp(.microsecond, timeZone: "UTC"), nullable: false),
                ])
            }
            let plan = DeltaReadPlan(mode: mode, version: version, timestamp: timestamp, startingVersion: startingVersion,
                                     startingTimestamp: startingTimestamp, changeFeed: changeFeed,
                                     skipChangeCommits: try options.bool("skip_change_commits") ?? false)
            return PreparedDeltaSource(location: location, storage: storage, schema: schema, plan: plan, pollInterval: poll)
        } catch let error as SQLError {
            throw error
        } catch {
            throw SQLError(kind: .semantic, message: "delta source \(definition.name): \(error)", location: .unknown)
        }
    }
}

/// What a Delta source reads, settled at `CREATE SOURCE`.
struct DeltaReadPlan: Sendable {
    var mode: String
    var version: Int64?
    /// Milliseconds since the epoch.
    var timestamp: Int64?
    var startingVersion: Int64?
    /// Milliseconds since the epoch: start at the first commit made at or after it.
    var startingTimestamp: Int64?
    var changeFeed: Bool
    /// Without the change feed, skip commits that updated or deleted rows instead of failing on them.
    var skipChangeCommits: Bool
}

struct PreparedDeltaSource: PreparedSource {
    let location: String
    let storage: StorageOptions
    let schema: Schema
    let plan: DeltaReadPlan
    let pollInterval: Duration

    var isBounded: Bool { plan.mode != "continuous" }

    func makeReader() async throws(EngineError) -> any LakehouseSource { DeltaSourceReader(self, filters: [], columns: nil) }

    /// Readers skip files that partition values or statistics prove hold no row matching the filters, and
    /// decode only the columns the query reads.
    func makeReader(consumer: String?, hints: ScanHints) async throws(EngineError) -> any LakehouseSource {
        DeltaSourceReader(self, filters: hints.filters.map { SkippingPredicate(column: $0.column, op: $0.op, value: $0.value) },
                          columns: hints.columns)
    }
}
#endif
