import ArgumentParser
import LaminarParquet

/// `laminar parquet meta FILE`: the footer in readable form — file summary, then every row group and column
/// chunk with its codec, encodings, sizes and decoded statistics.
struct ParquetMetaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meta",
        abstract: "Print a Parquet file's footer: row groups, column chunks, codecs, sizes and statistics."
    )

    @Argument(help: "The Parquet file.") var file: String

    func run() async throws {
        try await CommandFailure.reporting {
            let reader = try await ParquetFileReader(path: file)
            var output = StandardOutput()
            let metadata = reader.metadata
            let keys = (metadata.keyValueMetadata ?? []).map(\.key)
            output.append("""
                file: \(file)
                rows: \(metadata.numRows)
                row groups: \(metadata.rowGroups.count)
                leaf columns: \(reader.schema.columns.count)
                created by: \(metadata.createdBy ?? "-")
                format version: \(metadata.version)
                key-value metadata: \(keys.isEmpty ? "-" : keys.joined(separator: ", "))

                """)
            for (index, rowGroup) in metadata.rowGroups.enumerated() {
                let compressed = rowGroup.totalCompressedSize
                    ?? rowGroup.columns.reduce(0) { $0 + ($1.metaData?.totalCompressedSize ?? 0) }
                output.append("\nrow group \(index): \(rowGroup.numRows) rows, \(rowGroup.totalByteSize) bytes"
                              + " uncompressed, \(compressed) bytes compressed\n")
                for (position, chunk) in rowGroup.columns.enumerated() {
                    append(chunk, column: reader.schema.columns.indices.contains(position)
                        ? reader.schema.columns[position] : nil, to: &output)
                }
                try output.flushIfFull()
            }
            try output.flush()
        }
    }

    private func append(_ chunk: ColumnChunk, column: ColumnDescriptor?, to output: inout StandardOutput) {
        guard let meta = chunk.metaData else {
            output.append("  column \(column?.dottedPath ?? "?"): no metadata in the footer\n")
            return
        }
        var type = meta.type.description
        if let column, let annotation = ParquetSchemaText.annotation(of: column.element) {
            type += " (\(annotation))"
        }
        let statistics = meta.statistics.map { statistics in
            column.map { StatisticsText.summary(statistics, column: $0) } ?? "present"
        } ?? "none"
        output.append("""
              column \(meta.pathInSchema.joined(separator: "."))
                type: \(type)
                codec: \(meta.codec)
                encodings: \(meta.encodings.map(\.description).joined(separator: ", "))
                values: \(meta.numValues)
                compressed size: \(meta.totalCompressedSize)
                uncompressed size: \(meta.totalUncompressedSize)
                statistics: \(statistics)

            """)
    }
}
