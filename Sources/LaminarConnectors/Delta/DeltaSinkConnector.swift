#if Delta
import LaminarArrow
import LaminarCore
import LaminarObjectStore
import LaminarParquet
import LaminarSQL
import LaminarStorage

/// `type = 'delta'`: a Delta Lake table on local disk or object storage, written exactly once.
///
/// Options: `location` (URL or path; the table is created when absent), `partition_by` (comma-separated
/// columns), `target_file_size` (default 128 MB), `writer_id` (the table's `txn.appId`, default the sink's
/// name), `checkpoint_interval` (a number: commits between Delta log checkpoints, default the table's
/// `delta.checkpointInterval`, 10; a duration such as '10s' sets the pipeline's checkpoint period instead),
/// `schema_evolution`, `change_data_feed`, `compression`, `compression_level`, `delta.*` table properties
/// for a new table, and storage options (`aws_region`, `aws_endpoint`, `google_service_account`,
/// `azure_storage_account_key`, … as delta-rs spells them).
public struct DeltaSinkConnector: SinkConnector {
    public let type = "delta"

    static let keys = ["location", "path", "partition_by", "target_file_size", "writer_id", "checkpoint_interval",
                       "write_mode", "key_columns", "op_column", "change_data_feed", "schema_evolution", "compression",
                       "compression_level", "row_group_size", "uniform_iceberg"]

    public init() {}

    public func prepare(name: String, schema: Schema, options given: [WithOption]) async throws(SQLError) -> any PreparedSink {
        let (storage, own) = try Self.splitStorageOptions(given, keys: Self.keys)
        let options = try ConnectorOptions(own, connector: type, keys: Self.keys, prefixes: ["delta."])
        if options["uniform_iceberg"] != nil {
            throw options.invalid("uniform_iceberg", "UniForm (Iceberg metadata for Delta tables) comes with the Iceberg work and is not available yet")
        }
        var keyColumns: [String]?
        if let text = try options.string("key_columns") {
            keyColumns = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let upsert = try options.choice("write_mode", ["append", "upsert"]) == "upsert"
        if upsert {
            guard let keys = keyColumns, !keys.isEmpty else {
                throw options.invalid("write_mode", "write_mode = 'upsert' needs key_columns, the columns that identify a row")
            }
            for key in keys where schema.index(of: key) == nil {
                throw options.invalid("key_columns", "\(key) is not a column of the query (\(schema.fields.map(\.name).joined(separator: ", ")))")
            }
        } else if keyColumns != nil {
            throw options.invalid("key_columns", "key_columns needs write_mode = 'upsert'")
        }
        let opColumn = try options.string("op_column")
        if let opColumn {
            guard upsert else { throw options.invalid("op_column", "op_column needs write_mode = 'upsert'") }
            guard schema.index(of: opColumn) != nil else {
                throw options.invalid("op_column", "\(opColumn) is not a column of the query")
            }
        }
        let location = try Self.tableLocation(options, what: "a delta sink")
        var partitionColumns: [String]?
        if let text = try options.string("partition_by") {
            partitionColumns = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        for column in partitionColumns ?? [] {
            guard let index = schema.index(of: column) else {
                throw options.invalid("partition_by", "\(column) is not a column of the query (\(schema.fields.map(\.name).joined(separator: ", ")))")
            }
            switch schema.fields[index].type {
            case .list, .struct, .map, .binary, .fixedSizeBinary, .null, .time64:
                throw options.invalid("partition_by", "\(column) is a \(schema.fields[index].type) column; partition by a string, number, boolean, date or timestamp column")
            default: break
            }
        }
        if let partitionColumns, Set(partitionColumns).count >= schema.fields.count - (opColumnName(own) == nil ? 0 : 1) {
            throw options.invalid("partition_by", "a table needs at least one column outside its partition columns")
        }
        let target = try options.size("target_file_size") ?? 128 * 1024 * 1024
        guard target >= 1000 else { throw options.invalid("target_file_size", "must be at least 1 KB") }
        var parquet = try ParquetCompressionOptions.parse(options)
        parquet.rowGroupByteLimit = Int(min(target, Int64(parquet.rowGroupByteLimit)))
        var interval: Int64?
        if let commits = try options.int("checkpoint_interval") {
            guard commits >= 1 else { throw options.invalid("checkpoint_interval", "must be at least 1 commit") }
            interval = commits
        }
        var properties: [String: String] = [:]
        // Table properties keep the user's spelling: Delta's property names are case-sensitive.
        for option in own where option.key.name.hasPrefix("delta.") { properties[option.key.spelling] = try option.string() }
        if let cdf = try options.bool("change_data_feed") { properties["delta.enableChangeDataFeed"] = cdf ? "true" : "false" }
        let writerID = try options.string("writer_id") ?? name.lowercased()
        guard !writerID.isEmpty else { throw options.invalid("writer_id", "must not be empty") }
        let settings = DeltaSinkSettings(
            name: name, location: location, storageOptions: storage, writerID: writerID,
            partitionColumns: partitionColumns, targetFileSize: Int(target), parquet: parquet, checkpointInterval: interval,
            schemaEvolution: try options.bool("schema_evolution") ?? false, tableProperties: properties,
            keyColumns: upsert ? keyColumns : nil, opColumn: opColumn)
        return PreparedDeltaSink(settings: settings)
    }
}

extension DeltaSinkConnector {
    /// The table's `location` (or `path`, its alias), required.
    static func tableLocation(_ options: ConnectorOptions, what: String) throws(SQLError) -> String {
        if let location = try options.string("location") { return location }
        if let path = try options.string("path") { return path }
        throw SQLError(kind: .invalidOption, message: "\(what) needs the option 'location' (a path or URL of the table)",
                       location: .unknown)
    }

    /// The `op_column` option's value, before the options are checked.
    func opColumnName(_ options: [WithOption]) -> String? {
        options.first { $0.key.name == "op_column" }.flatMap { try? $0.string() }
    }

    /// Storage options (`aws_region`, `azure_storage_account_key`, …) apart from the connector's own.
    static func splitStorageOptions(_ given: [WithOption], keys: [String]) throws(SQLError) -> (StorageOptions, [WithOption]) {
        var storage = StorageOptions()
        var own: [WithOption] = []
        for option in given {
            if !keys.contains(option.key.name), StorageOptionKey(option.key.name) != nil {
                storage.set(option.key.name, to: try option.string())
            } else {
                own.append(option)
            }
        }
        return (storage, own)
    }
}

struct PreparedDeltaSink: PreparedSink {
    let settings: DeltaSinkSettings

    func makeSink() async throws(EngineError) -> any LakehouseSink {
        try DeltaSink(settings)
    }
}
#endif
