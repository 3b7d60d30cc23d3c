import LaminarArrow

/// Writes rows as CSV by RFC 4180: CRLF line ends, fields holding a comma, quote, CR or LF quoted with inner
/// quotes doubled. Values render as in `JSONRowWriter` but unquoted (strings raw, nested values as their JSON
/// text); null is an empty field and the empty string a quoted `""`, so the two stay apart.
struct CSVRowWriter {
    private let columns: [JSONColumn]
    private var cell: [UInt8] = []

    init(_ batch: RecordBatch) {
        columns = batch.columns.map(JSONColumn.init)
    }

    /// The header line: the column names.
    static func appendHeader(_ names: [String], to out: inout [UInt8]) {
        for (index, name) in names.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendField(Array(name.utf8), to: &out)
        }
        out.append(contentsOf: "\r\n".utf8)
    }

    mutating func appendRow(_ row: Int, to out: inout [UInt8]) {
        for index in columns.indices {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            cell.removeAll(keepingCapacity: true)
            if columns[index].appendText(row, to: &cell) { Self.appendField(cell, to: &out) }
        }
        out.append(contentsOf: "\r\n".utf8)
    }

    private static func appendField(_ text: [UInt8], to out: inout [UInt8]) {
        let quote = TextBytes.quote
        let needsQuotes = text.isEmpty || text.contains {
            $0 == quote || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            out.append(contentsOf: text)
            return
        }
        out.append(quote)
        for byte in text {
            out.append(byte)
            if byte == quote { out.append(quote) }
        }
        out.append(quote)
    }
}
