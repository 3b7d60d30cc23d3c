import LaminarArrow
import LaminarDB

/// Prints query results in the formats of `laminar parquet cat`: JSON lines, CSV with a header, or a table.
enum OutputFormat: String, CaseIterable {
    case table, csv, jsonl
}

struct ResultPrinter {
    let format: OutputFormat

    func print(_ result: QueryResult, to output: inout StandardOutput) throws(CommandFailure) {
        switch format {
        case .table:
            output.append(result.batches.isEmpty ? "(no rows)\n" : PrettyPrinter.format(result.batches) + "\n")
            output.append("\(result.rowCount) row\(result.rowCount == 1 ? "" : "s")\n")
        case .csv:
            CSVRowWriter.appendHeader(result.schema.names, to: &output.bytes)
            for batch in result.batches {
                var writer = CSVRowWriter(batch)
                for row in 0..<batch.rowCount {
                    writer.appendRow(row, to: &output.bytes)
                    try output.flushIfFull()
                }
            }
        case .jsonl:
            for batch in result.batches {
                let writer = JSONRowWriter(batch)
                for row in 0..<batch.rowCount {
                    writer.appendRow(row, to: &output.bytes)
                    try output.flushIfFull()
                }
            }
        }
        try output.flush()
    }
}
