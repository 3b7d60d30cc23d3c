/// Splits CSV bytes into records and fields (RFC 4180), one record per call, without copying unquoted fields.
///
/// Fields reach the caller as byte ranges of the input; only a quoted field containing `""` is unescaped, into
/// a scratch buffer. Line numbers count physical lines (CRLF, LF or a lone CR), so a record whose quoted field
/// spans lines is reported at the line it starts on, as an editor shows it.
struct CSVScanner: Sendable {
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    let delimiter: UInt8
    let source: String
    /// Header names, so errors inside a record can name their column.
    var columnNames: [String] = []
    private(set) var position: Int
    /// The physical line `position` is on, 1-based.
    private(set) var line = 1
    private var scratch: [UInt8] = []

    init(delimiter: UInt8, source: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.delimiter = delimiter
        self.source = source
        // A UTF-8 byte order mark, as Excel writes, is not part of the first header name.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        position = bytes.count >= 3 && bytes[0] == bom[0] && bytes[1] == bom[1] && bytes[2] == bom[2] ? 3 : 0
    }

    /// Reads the next record, handing each field to `field` as `(index, bytes, quoted)`. Returns the line the
    /// record starts on and its number of fields; nil at the end of the input. Blank lines are skipped, as DuckDB
    /// and pandas do, so a trailing newline (or several) ends the file cleanly.
    mutating func nextRecord(
        _ bytes: UnsafeBufferPointer<UInt8>,
        field: (_ index: Int, _ value: UnsafeBufferPointer<UInt8>, _ quoted: Bool) throws(FileFormatError) -> Void
    ) throws(FileFormatError) -> (line: Int, fieldCount: Int)? {
        let end = bytes.count
        skipBlankLines(bytes)
        guard position < end else { return nil }
        let recordLine = line
        var index = 0
        while true {
            if position < end, bytes[position] == Self.quote {
                try readQuoted(bytes, index: index, recordLine: recordLine, field: field)
            } else {
                let start = position
                while position < end {
                    let byte = bytes[position]
                    if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    if byte < 0x80 {
                        position += 1
                    } else {
                        position += try validUTF8Length(bytes, index: index, recordLine: recordLine)
                    }
                }
                try field(index, UnsafeBufferPointer(rebasing: bytes[start..<position]), false)
            }
            index += 1
            guard position < end else { return (recordLine, index) }
            if bytes[position] == delimiter {
                position += 1
            } else {
                consumeLineBreak(bytes)
                return (recordLine, index)
            }
        }
    }

    /// Moves past empty lines, so `line` is where the next record starts.
    mutating func skipBlankLines(_ bytes: UnsafeBufferPointer<UInt8>) {
        while position < bytes.count, bytes[position] == Self.lineFeed || bytes[position] == Self.carriageReturn {
            consumeLineBreak(bytes)
        }
    }

    /// Reads a quoted field starting at the opening quote and leaves `position` after the closing one.
    private mutating func readQuoted(
        _ bytes: UnsafeBufferPointer<UInt8>, index: Int, recordLine: Int,
        field: (Int, UnsafeBufferPointer<UInt8>, Bool) throws(FileFormatError) -> Void
    ) throws(FileFormatError) {
        let end = bytes.count
        let openingLine = line
        position += 1
        let start = position
        var escaped = false
        var closing = -1
        while position < end {
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < end, bytes[position + 1] == Self.quote {
                    escaped = true
                    position += 2
                    continue
                }
                closing = position
                position += 1
                break
            }
            if byte == Self.lineFeed {
                line += 1
            } else if byte == Self.carriageReturn, position + 1 >= end || bytes[position + 1] != Self.lineFeed {
                line += 1
            }
            if byte < 0x80 {
                position += 1
            } else {
                position += try validUTF8Length(bytes, index: index, recordLine: recordLine)
            }
        }
        guard closing >= 0 else {
            throw FileFormatError(.unterminatedQuote, source: source, line: openingLine, column: columnName(index))
        }
        if position < end {
            let next = bytes[position]
            guard next == delimiter || next == Self.lineFeed || next == Self.carriageReturn else {
                let found = ByteParsing.snippet(UnsafeBufferPointer(rebasing: bytes[position..<min(end, position + 1)]))
                throw FileFormatError(.unexpectedAfterQuote(found: found), source: source, line: line,
                                      column: columnName(index))
            }
        }
        let content = UnsafeBufferPointer(rebasing: bytes[start..<closing])
        guard escaped else { return try field(index, content, true) }
        scratch.removeAll(keepingCapacity: true)
        var skipNext = false
        for byte in content {
            if skipNext {
                skipNext = false
                continue
            }
            scratch.append(byte)
            skipNext = byte == Self.quote
        }
        try scratch.withFormatBuffer { (unescaped) throws(FileFormatError) in try field(index, unescaped, true) }
    }

    private mutating func consumeLineBreak(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes[position] == Self.carriageReturn, position + 1 < bytes.count, bytes[position + 1] == Self.lineFeed {
            position += 1
        }
        position += 1
        line += 1
    }

    private func validUTF8Length(_ bytes: UnsafeBufferPointer<UInt8>, index: Int, recordLine: Int)
        throws(FileFormatError) -> Int
    {
        guard let length = UTF8Validation.sequenceLength(bytes, at: position, end: bytes.count) else {
            throw FileFormatError(.invalidUTF8, source: source, line: line, column: columnName(index))
        }
        return length
    }

    func columnName(_ index: Int) -> String? {
        columnNames.indices.contains(index) ? columnNames[index] : (columnNames.isEmpty ? nil : "#\(index + 1)")
    }
}
