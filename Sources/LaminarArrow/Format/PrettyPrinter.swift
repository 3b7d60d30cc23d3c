/// Renders batches as the bordered text tables that arrow-rs, DuckDB and the `laminar` CLI print.
public enum PrettyPrinter {
    /// All rows of the batches under one header; `maxRows` cuts long output with a final `…` row.
    public static func format(_ batches: [RecordBatch], maxRows: Int = .max) -> String {
        guard let schema = batches.first?.schema else { return "" }
        var rows: [[String]] = []
        var truncated = false
        outer: for batch in batches {
            for row in 0..<batch.rowCount {
                if rows.count == maxRows {
                    truncated = true
                    break outer
                }
                rows.append(batch.columns.map { cell($0.scalar(at: row)) })
            }
        }
        if truncated { rows.append(schema.fields.map { _ in "…" }) }
        let header = schema.names
        var widths = header.map(\.count)
        for row in rows {
            for (column, text) in row.enumerated() { widths[column] = max(widths[column], text.count) }
        }
        let border = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        func line(_ cells: [String]) -> String {
            "|" + zip(cells, widths).map { " " + $0 + String(repeating: " ", count: $1 - $0.count) + " " }
                .joined(separator: "|") + "|"
        }
        return ([border, line(header), border] + rows.map(line) + [border]).joined(separator: "\n")
    }

    private static func cell(_ value: ScalarValue) -> String {
        value.isNull ? "" : value.description.replacingNewlines
    }
}

extension RecordBatch: CustomStringConvertible {
    public var description: String { PrettyPrinter.format([self]) }
}

extension String {
    fileprivate var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
