import ArgumentParser
import LaminarParquet

/// `laminar parquet schema FILE`: the Parquet schema tree, its leaf columns with their levels, and the Arrow
/// schema the reader maps it to.
struct ParquetSchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a Parquet file's schema and the Arrow schema it reads as."
    )

    @Argument(help: "The Parquet file.") var file: String

    func run() async throws {
        try await CommandFailure.reporting {
            let reader = try await ParquetFileReader(path: file)
            var output = StandardOutput()
            output.append(ParquetSchemaText.message(reader.schema) + "\n\n")
            output.append("Leaf columns:\n")
            for column in reader.schema.columns {
                output.append("  \(column.dottedPath): \(ParquetSchemaText.physicalTypeName(column.element))"
                              + " (max definition level \(column.maxDefinitionLevel),"
                              + " max repetition level \(column.maxRepetitionLevel))\n")
            }
            output.append("\nArrow schema:\n")
            for field in reader.arrowSchema.fields { output.append("  \(field)\n") }
            try output.flush()
        }
    }
}
