#if Delta
import ArgumentParser
import Foundation
import LaminarDelta
import LaminarObjectStore

/// `laminar table …`: maintenance and inspection of Delta tables from the shell, as `DESCRIBE DETAIL`,
/// `DESCRIBE HISTORY`, `OPTIMIZE` and `VACUUM` do in Spark.
struct TableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Inspect and maintain Delta tables: info, history, optimize, vacuum.",
        subcommands: [TableInfoCommand.self, TableHistoryCommand.self, TableOptimizeCommand.self, TableVacuumCommand.self]
    )
}

/// The table location and storage options every `laminar table` subcommand takes.
struct TableLocation: ParsableArguments {
    @Argument(help: "The table: a local path or a URL (s3://, gs://, az://, abfss://, file://).") var uri: String

    @Option(name: .customLong("option"), parsing: .singleValue,
            help: "A storage option as key=value (aws_region=eu-west-1, aws_endpoint_url=…); repeatable. The environment (AWS_*, GOOGLE_*, AZURE_*) is read too.")
    var options: [String] = []

    func open() async throws -> DeltaTable {
        var storage = StorageOptions()
        for option in options {
            guard let equals = option.firstIndex(of: "=") else {
                throw ValidationError("--option \(option): expected key=value")
            }
            storage.set(String(option[..<equals]), to: String(option[option.index(after: equals)...]))
        }
        let store = try ObjectStores.open(uri, options: storage)
        return try await DeltaTable.open(store: store, location: uri)
    }
}

struct TableInfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Version, schema, partitioning, files and properties.")

    @OptionGroup var table: TableLocation

    func run() async throws {
        try await CommandFailure.reporting {
            let table = try await table.open()
            let metadata = try table.metadata
            let protocolVersions = try table.protocolVersions
            let files = table.snapshot.files.values
            var output = StandardOutput()
            output.append("""
                location: \(table.location)
                version: \(table.version)
                id: \(metadata.id)
                protocol: reader \(protocolVersions.minReaderVersion), writer \(protocolVersions.minWriterVersion)
                """)
            let features = (protocolVersions.readerFeatures ?? []) + (protocolVersions.writerFeatures ?? [])
            output.append(features.isEmpty ? "\n" : " (\(Array(Set(features)).sorted().joined(separator: ", ")))\n")
            output.append("partitioned by: \(metadata.partitionColumns.isEmpty ? "-" : metadata.partitionColumns.joined(separator: ", "))\n")
            output.append("files: \(files.count), \(files.reduce(0) { $0 + $1.size }) bytes\n")
            output.append("schema:\n")
            for field in try table.schema.fields {
                output.append("  \(field.name) \(DeltaSchema.typeName(field.type))\(field.isNullable ? "" : " NOT NULL")\n")
            }
            output.append("properties:\(metadata.configuration.isEmpty ? " -" : "")\n")
            for key in metadata.configuration.keys.sorted() { output.append("  \(key) = \(metadata.configuration[key] ?? "")\n") }
            let writers = table.snapshot.transactions.values.sorted { $0.appId < $1.appId }
            if !writers.isEmpty {
                output.append("streaming writers (txn):\n")
                for writer in writers { output.append("  \(writer.appId): \(writer.version)\n") }
            }
            try output.flush()
        }
    }
}

struct TableHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "The table's commits, newest first.")

    @OptionGroup var table: TableLocation
    @Option(help: "Show at most this many commits.") var limit: Int?

    func run() async throws {
        try await CommandFailure.reporting {
            let entries = try await table.open().history(limit: limit)
            var output = StandardOutput()
            let formatter = ISO8601DateFormatter()
            for entry in entries {
                let metrics = entry.metrics.keys.sorted().map { key -> String in
                    switch entry.metrics[key] {
                    case .string(let text)?: "\(key)=\(text)"
                    case .integer(let number)?: "\(key)=\(number)"
                    default: key
                    }
                }
                output.append("\(entry.version)  \(formatter.string(from: entry.timestamp))  \(entry.operation ?? "-")")
                output.append(metrics.isEmpty ? "\n" : "  \(metrics.joined(separator: " "))\n")
            }
            try output.flush()
        }
    }
}

struct TableOptimizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "optimize",
                                                    abstract: "Compact small files into files of the target size (dataChange = false).")

    @OptionGroup var table: TableLocation
    @Option(help: "Target file size in bytes (default: delta.targetFileSize, else 128 MB).") var targetSize: Int64?

    func run() async throws {
        try await CommandFailure.reporting {
            var table = try await table.open()
            let showProgress = Terminal.standardErrorIsTerminal
            let metrics = try await table.optimize(targetFileSize: targetSize) { done, total in
                guard showProgress else { return }
                let width = 30
                let filled = total == 0 ? width : done * width / total
                Terminal.printErrorRaw("\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                                       + "] \(done)/\(total) bins" + (done == total ? "\n" : ""))
            }
            var output = StandardOutput()
            if let version = metrics.version {
                output.append("version \(version): \(metrics.filesRemoved) files (\(metrics.bytesRemoved) bytes) compacted into \(metrics.filesAdded) (\(metrics.bytesAdded) bytes) in \(metrics.partitionsOptimized) partitions\n")
            } else {
                output.append("nothing to compact\n")
            }
            try output.flush()
        }
    }
}

struct TableVacuumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vacuum",
                                                    abstract: "Delete files no version within the retention period references.")

    @OptionGroup var table: TableLocation
    @Option(help: "Retention in hours (default: delta.deletedFileRetentionDuration, 168).") var retentionHours: Double?
    @Flag(help: "List the files that would be deleted, delete nothing.") var dryRun = false
    @Flag(help: "Allow a retention shorter than the table's.") var force = false

    func run() async throws {
        try await CommandFailure.reporting {
            var table = try await table.open()
            let result = try await table.vacuum(retentionHours: retentionHours, dryRun: dryRun, enforceRetention: !force)
            var output = StandardOutput()
            for file in result.files { output.append(file + "\n") }
            output.append("\(result.files.count) files \(dryRun ? "would be deleted" : "deleted")\n")
            try output.flush()
        }
    }
}
#endif
