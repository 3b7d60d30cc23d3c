import ArgumentParser
import Foundation
import LaminarArrow
import LaminarParquet

/// `laminar parquet cat FILE`: the rows of a Parquet file as JSON lines, CSV or a table.
///
/// Row groups are read one at a time and written out before the next is read, so memory stays at one row
/// group, and reading stops as soon as `--limit` rows are out.
struct ParquetCatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat",
        abstract: "Print a Parquet file's rows as JSON lines, CSV or a table."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv, table
    }

    @Argument(help: "The Parquet file.") var file: String

    @Option(help: "Top-level columns to print, comma-separated, in the order given (default: all).")
    var columns: String?

    @Option(help: "Print at most this many rows.") var limit: Int?

    @Option(help: ArgumentHelp("Output format: jsonl (one JSON object per row), csv (RFC 4180 with a header) "
                               + "or table (bordered, holding the printed rows in memory)."))
    var format: Format = .jsonl

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
        if columns != nil, columnNames.isEmpty || columnNames.contains(where: \.isEmpty) {
            throw ValidationError("--columns takes a comma-separated list of column names")
        }
    }

    private var columnNames: [String] {
        (columns ?? "").split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func run() async throws {
        try await CommandFailure.reporting {
            let reader = try await ParquetFileReader(path: file)
            let projection: ParquetFileReader.Projection = columns == nil ? .all : .names(columnNames)
            let fields = try reader.fieldIndices(projection).map { reader.arrowSchema.fields[$0] }
            var output = StandardOutput()
            if format == .csv { CSVRowWriter.appendHeader(fields.map(\.name), to: &output.bytes) }
            var remaining = limit ?? .max
            var tableBatches: [RecordBatch] = []
            for index in reader.metadata.rowGroups.indices where remaining > 0 {
                guard reader.metadata.rowGroups[index].numRows > 0 else { continue }
                var batch = try await reader.readRowGroup(index, projection: projection)
                if batch.rowCount > remaining { batch = batch.slice(offset: 0, count: remaining) }
                remaining -= batch.rowCount
                switch format {
                case .jsonl:
                    let writer = JSONRowWriter(batch)
                    for row in 0..<batch.rowCount {
                        writer.appendRow(row, to: &output.bytes)
                        try output.flushIfFull()
                    }
                case .csv:
                    var writer = CSVRowWriter(batch)
                    for row in 0..<batch.rowCount {
                        writer.appendRow(row, to: &output.bytes)
                        try output.flushIfFull()
                    }
                case .table:
                    tableBatches.append(batch)
                }
            }
            if format == .table {
                output.append(tableBatches.isEmpty ? "(no rows)\n" : PrettyPrinter.format(tableBatches) + "\n")
            }
            try output.flush()
        }
    }
}
