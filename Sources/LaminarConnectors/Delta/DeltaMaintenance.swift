#if Delta
import LaminarDelta
import LaminarObjectStore
import LaminarSQL

/// `OPTIMIZE` and `VACUUM` on a Delta table, named by a sink (whose location and storage options it uses)
/// or by its location.
public enum DeltaMaintenance {
    static let optimizeKeys = ["target_file_size", "compression", "compression_level", "row_group_size"]
    static let vacuumKeys = ["retention_check"]

    /// Runs the statement; `sinkOptions` are the `WITH` options of the sink it names, if it names one.
    /// Returns a summary line and, for VACUUM, the files deleted (or that would be).
    public static func run(_ statement: TableMaintenance, optimize: Bool, sinkOptions: [WithOption]?) async throws -> (summary: String, files: [String]) {
        let keys = optimize ? optimizeKeys : vacuumKeys
        let connector = optimize ? "OPTIMIZE" : "VACUUM"
        let (_, own) = try DeltaSinkConnector.splitStorageOptions(statement.options, keys: keys)
        let options = try ConnectorOptions(own, connector: connector, keys: keys)
        var location: String
        var storageSources = statement.options
        switch statement.target {
        case .location(let path):
            location = path
        case .sink(let name):
            let sink = try ConnectorOptions(sinkOptions ?? [], connector: "delta", keys: DeltaSinkConnector.keys, prefixes: ["delta."])
            location = try DeltaSinkConnector.tableLocation(sink, what: "sink \(name.name)")
            // The statement's storage options win over the sink's.
            storageSources = (sinkOptions ?? []) + statement.options
        }
        let (storage, _) = try DeltaSinkConnector.splitStorageOptions(storageSources, keys: DeltaSinkConnector.keys + keys)
        var table = try await DeltaTable.open(store: try ObjectStores.open(location, options: storage), location: location)
        if optimize {
            let parquet = try ParquetCompressionOptions.parse(options)
            let metrics = try await table.optimize(targetFileSize: try options.size("target_file_size"), parquet: parquet)
            guard let version = metrics.version else { return ("OPTIMIZE \(location): nothing to compact", []) }
            return ("OPTIMIZE \(location): version \(version), \(metrics.filesRemoved) files compacted into \(metrics.filesAdded)", [])
        }
        let result = try await table.vacuum(retentionHours: statement.retainHours, dryRun: statement.dryRun,
                                            enforceRetention: try options.bool("retention_check") ?? true)
        let verb = statement.dryRun ? "would delete" : "deleted"
        return ("VACUUM \(location): \(verb) \(result.files.count) files", result.files)
    }
}
#endif
