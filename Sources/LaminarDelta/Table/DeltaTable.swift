import Foundation
import LaminarArrow
import LaminarObjectStore

/// A Delta table as one writer sees it: its log and the snapshot it last read, which commits advance.
public struct DeltaTable: Sendable {
    public let log: DeltaLog
    public internal(set) var snapshot: Snapshot
    /// Data files up to this size are fetched whole in one request; larger ones footer first, then one ranged
    /// request per row group, so memory holds one row group at a time.
    public var wholeFileLimit: Int64 = 32 * 1024 * 1024

    public var store: any ObjectStore { log.store }
    public var location: String { log.location }
    public var version: Int64 { snapshot.version }

    /// The engine name recorded in `commitInfo.engineInfo`.
    public static let engineInfo = "LaminarDB/0.1.0"

    init(log: DeltaLog, snapshot: Snapshot) {
        self.log = log
        self.snapshot = snapshot
    }

    /// The table at an older `snapshot`, read with the newest metadata of `current` (its schema, partition
    /// columns and column mapping), as a stream that started on the newest version reads older files.
    public init(log: DeltaLog, snapshot: Snapshot, metadataFrom current: DeltaTable) {
        var merged = snapshot
        merged.adoptMetadata(of: current.snapshot)
        self.init(log: log, snapshot: merged)
    }

    /// Opens the newest version of the table at the store's root; `.notFound` when there is none.
    public static func open(store: any ObjectStore, location: String) async throws(DeltaError) -> DeltaTable {
        let log = DeltaLog(store: store, location: location)
        return DeltaTable(log: log, snapshot: try await log.snapshot())
    }

    /// The table's metadata; every opened table has one (version 0 must carry it).
    public var metadata: Metadata {
        get throws(DeltaError) {
            guard let metadata = snapshot.metadata else { throw DeltaError(.corruptLog, "\(location): the log has no metaData action") }
            return metadata
        }
    }

    public var protocolVersions: ProtocolAction {
        get throws(DeltaError) {
            guard let value = snapshot.protocolVersions else { throw DeltaError(.corruptLog, "\(location): the log has no protocol action") }
            return value
        }
    }

    /// The table's schema in Arrow terms.
    public var schema: Schema {
        get throws(DeltaError) { try DeltaSchema.arrowSchema(fromJSON: try metadata.schemaString) }
    }

    public var properties: TableProperties {
        get throws(DeltaError) { try TableProperties(try metadata.configuration) }
    }

    /// Creates the table (version 0: `protocol`, `metaData`) unless one exists; with `ifAbsent`, an existing
    /// table is opened instead of being an error, so racing creators all end up on the winner's table.
    public static func create(store: any ObjectStore, location: String, schema: Schema, partitionColumns: [String] = [],
                              configuration: [String: String] = [:], name: String? = nil,
                              ifAbsent: Bool = true) async throws(DeltaError) -> DeltaTable {
        for column in partitionColumns where schema.index(of: column) == nil {
            throw DeltaError(.invalidArgument, "partition column \(column) is not a column of the table (\(schema.fields.map(\.name).joined(separator: ", ")))")
        }
        var lowered = Set<String>()
        for field in schema.fields where !lowered.insert(field.name.lowercased()).inserted {
            throw DeltaError(.invalidArgument, "column names must differ in more than case: \(field.name) appears twice")
        }
        let properties = try TableProperties(configuration)
        let protocolVersions = TableFeatures.protocolForNewTable(schema: schema, properties: properties)
        let now = Self.nowMillis()
        let metadata = Metadata(id: UUID().uuidString.lowercased(), name: name, schemaString: try DeltaSchema.json(for: schema),
                                partitionColumns: partitionColumns, configuration: configuration, createdTime: now)
        let commitInfo = commitInfo(operation: "CREATE TABLE", parameters: [
            "partitionBy": Self.jsonArray(partitionColumns), "description": "", "properties": Self.jsonObject(configuration),
        ], metrics: [:], readVersion: nil, isBlindAppend: true, txnID: UUID().uuidString.lowercased(), timestamp: now)
        let actions: [DeltaAction] = [.commitInfo(commitInfo), .protocolVersions(protocolVersions), .metadata(metadata)]
        let log = DeltaLog(store: store, location: location)
        if try await log.latestVersion() != nil {
            guard ifAbsent else { throw DeltaError(.conflict, "\(location) already holds a Delta table") }
            return try await open(store: store, location: location)
        }
        do {
            try await store.putIfAbsent(DeltaLog.path(CommitFile.name(version: 0)), try CommitFile.encode(actions))
        } catch let error as ObjectStoreError where error.kind == .alreadyExists || error.kind == .unknownOutcome {
            guard ifAbsent else { throw DeltaError(.conflict, "\(location) already holds a Delta table") }
            return try await open(store: store, location: location)
        } catch {
            throw DeltaError(.io, "creating \(location)/_delta_log/\(CommitFile.name(version: 0)): \(error)")
        }
        var snapshot = Snapshot()
        try snapshot.apply(actions, version: 0)
        return DeltaTable(log: log, snapshot: snapshot)
    }

    /// Reads the commits made since the snapshot was taken, one `get` each and one more that finds nothing:
    /// cheaper than listing a log that keeps weeks of commits.
    public mutating func update() async throws(DeltaError) {
        while snapshot.version < Int64.max, let actions = try await log.commit(snapshot.version + 1) {
            try snapshot.apply(actions, version: snapshot.version + 1)
        }
        // A missing next commit may also mean this snapshot is older than the log's retention: a checkpoint
        // past it says so, and the table is then read again from that checkpoint.
        if let hint = await log.lastCheckpoint(), hint.version > snapshot.version {
            snapshot = try await log.snapshot()
        }
    }

    /// Fails unless this reader can read the table: reader version and features.
    public func checkReadable() throws(DeltaError) {
        try TableFeatures.checkReadable(try protocolVersions, location: location)
    }

    /// Fails unless this writer can write the table: protocol versions, features and their rules.
    public func checkWritable() throws(DeltaError) {
        try TableFeatures.checkWritable(try protocolVersions, try metadata, location: location)
    }

    // MARK: commitInfo

    static func commitInfo(operation: String, parameters: [String: String], metrics: [String: String], readVersion: Int64?,
                           isBlindAppend: Bool, txnID: String, timestamp: Int64) -> [String: JSONValue] {
        var info: [String: JSONValue] = [
            "timestamp": .integer(timestamp),
            "operation": .string(operation),
            "operationParameters": .object(parameters.mapValues { .string($0) }),
            "isolationLevel": .string(isBlindAppend ? "WriteSerializable" : "Serializable"),
            "isBlindAppend": .bool(isBlindAppend),
            "engineInfo": .string(engineInfo),
            "txnId": .string(txnID),
        ]
        if !metrics.isEmpty { info["operationMetrics"] = .object(metrics.mapValues { .string($0) }) }
        if let readVersion { info["readVersion"] = .integer(readVersion) }
        return info
    }

    static func nowMillis() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    static func jsonArray(_ values: [String]) -> String {
        "[" + values.map(JSONObjectText.quote).joined(separator: ",") + "]"
    }

    static func jsonObject(_ values: [String: String]) -> String {
        "{" + values.keys.sorted().map { JSONObjectText.quote($0) + ":" + JSONObjectText.quote(values[$0] ?? "") }.joined(separator: ",") + "}"
    }
}
