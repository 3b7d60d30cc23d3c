import ArgumentParser

/// `laminar parquet …`: look inside Parquet files from the shell, with the project's own reader, the way
/// parquet-tools and `pyarrow.parquet` let users check what a writer produced.
struct ParquetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parquet",
        abstract: "Inspect Parquet files: schema, footer metadata and rows.",
        subcommands: [ParquetSchemaCommand.self, ParquetMetaCommand.self, ParquetCatCommand.self]
    )
}
