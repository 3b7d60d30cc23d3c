/// A cursor over one line of JSON bytes that validates as it goes.
///
/// Strings and numbers are returned as byte ranges of the input, so a key can be matched and a number parsed
/// without building a `String`; only strings with escapes are decoded, into a scratch buffer. Nesting is capped
/// at `maxDepth` so that `[[[[…` cannot exhaust the stack.
struct JSONScanner {
    static let maxDepth = 128

    let bytes: UnsafeBufferPointer<UInt8>
    let source: String
    var position: Int
    /// End of the current line (exclusive).
    private(set) var end: Int
    private(set) var lineStart: Int
    private(set) var line: Int
    /// Decoded text of the last escaped string.
    private(set) var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, source: String) {
        self.bytes = bytes
        self.source = source
        position = 0
        end = 0
        lineStart = 0
        line = 0
    }

    /// Points the scanner at `start..<end`, which is line `line` of the input.
    mutating func reset(start: Int, end: Int, line: Int) {
        position = start
        lineStart = start
        self.end = min(end, bytes.count)
        self.line = line
    }

    // MARK: Errors

    func error(_ kind: FileFormatError.Kind, column: String? = nil) -> FileFormatError {
        FileFormatError(kind, source: source, line: line, column: column)
    }

    func syntaxError(_ detail: String, column: String? = nil) -> FileFormatError {
        error(.invalidJSON(detail, offset: position - lineStart + 1), column: column)
    }

    /// The bytes at `range` for a message, e.g. `found "abc"` or `found 12.5`.
    func snippet(_ range: Range<Int>) -> String {
        ByteParsing.snippet(UnsafeBufferPointer(rebasing: bytes[range]), quoted: false)
    }

    // MARK: Tokens

    var atEnd: Bool { position >= end }

    /// The byte at the cursor, nil at the end of the line.
    var peek: UInt8? { position < end ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after whitespace) or fails naming what was expected.
    mutating func expect(_ byte: UInt8, _ what: String) throws(FileFormatError) {
        skipWhitespace()
        guard peek == byte else { throw syntaxError("expected \(what)") }
        position += 1
    }

    /// A name for the value starting at the cursor, for "expected an object, found …" messages.
    var valueKindName: String? {
        switch peek {
        case UInt8(ascii: "{"): "object"
        case UInt8(ascii: "["): "array"
        case UInt8(ascii: "\""): "string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "boolean"
        case UInt8(ascii: "n"): "null"
        case UInt8(ascii: "-"): "number"
        case let byte? where ByteParsing.isDigit(byte): "number"
        default: nil
        }
    }

    /// Consumes `true`, `false` or `null` spelled by `word` exactly.
    mutating func literal(_ word: StaticString) throws(FileFormatError) {
        let count = word.utf8CodeUnitCount
        guard end - position >= count else { throw syntaxError("invalid literal") }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
            throw syntaxError("invalid literal")
        }
        position += count
    }

    /// Scans a number per RFC 8259 and returns its bytes; `isInteger` when it has no fraction or exponent.
    mutating func number() throws(FileFormatError) -> (range: Range<Int>, isInteger: Bool) {
        let start = position
        if peek == UInt8(ascii: "-") { position += 1 }
        guard let first = peek, ByteParsing.isDigit(first) else { throw syntaxError("expected a digit") }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        var isInteger = true
        if peek == UInt8(ascii: ".") {
            position += 1
            guard let digit = peek, ByteParsing.isDigit(digit) else { throw syntaxError("expected a digit after '.'") }
            skipDigits()
            isInteger = false
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard let digit = peek, ByteParsing.isDigit(digit) else { throw syntaxError("expected an exponent") }
            skipDigits()
            isInteger = false
        }
        return (start..<position, isInteger)
    }

    private mutating func skipDigits() {
        while position < end, ByteParsing.isDigit(bytes[position]) { position += 1 }
    }

    /// Scans a string at the cursor (an opening quote) and returns the range between its quotes; checks escapes,
    /// surrogate pairs, control characters and UTF-8. `escaped` says whether `decodeString` is needed.
    mutating func string() throws(FileFormatError) -> (content: Range<Int>, escaped: Bool) {
        guard peek == UInt8(ascii: "\"") else { throw syntaxError("expected a string") }
        position += 1
        let start = position
        var escaped = false
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return (start..<(position - 1), escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                try skipEscape()
            } else if byte < 0x20 {
                throw syntaxError("control character in string")
            } else if byte < 0x80 {
                position += 1
            } else {
                guard let length = UTF8Validation.sequenceLength(bytes, at: position, end: end) else {
                    throw error(.invalidUTF8)
                }
                position += length
            }
        }
        throw syntaxError("unterminated string")
    }

    private mutating func skipEscape() throws(FileFormatError) {
        position += 1
        guard let kind = peek else { throw syntaxError("unterminated escape") }
        position += 1
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return
        case UInt8(ascii: "u"):
            let unit = try hex4()
            if (0xDC00...0xDFFF).contains(unit) { throw syntaxError("unpaired low surrogate") }
            guard (0xD800...0xDBFF).contains(unit) else { return }
            guard end - position >= 2, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            else { throw syntaxError("unpaired high surrogate") }
            position += 2
            guard (0xDC00...0xDFFF).contains(try hex4()) else { throw syntaxError("unpaired high surrogate") }
        default:
            position -= 1
            throw syntaxError("invalid escape")
        }
    }

    private mutating func hex4() throws(FileFormatError) -> UInt32 {
        guard end - position >= 4 else { throw syntaxError("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Decodes the escapes of a string already checked by `string()` into `scratch`.
    mutating func decodeString(_ content: Range<Int>) {
        scratch.removeAll(keepingCapacity: true)
        var index = content.lowerBound
        let limit = min(content.upperBound, bytes.count)
        while index < limit {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < limit else {
                scratch.append(byte)
                index += 1
                continue
            }
            let kind = bytes[index + 1]
            index += 2
            switch kind {
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = Self.hexValue(bytes, at: index, limit: limit)
                index += 4
                if (0xD800...0xDBFF).contains(scalar), index + 6 <= limit {
                    let low = Self.hexValue(bytes, at: index + 2, limit: limit)
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
                    index += 6
                }
                appendUTF8(scalar)
            default: scratch.append(kind)
            }
        }
    }

    private static func hexValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> UInt32 {
        guard index + 4 <= limit else { return 0xFFFD }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset] | 0x20
            let digit: UInt32 = byte >= UInt8(ascii: "a") ? UInt32(byte) &- 87 : UInt32(byte) &- 48
            value = value << 4 | (digit & 0xF)
        }
        return value
    }

    private mutating func appendUTF8(_ value: UInt32) {
        // `string()` rejected lone surrogates, so `value` is a scalar; U+FFFD covers the impossible case.
        let scalar = Unicode.Scalar(value)?.value ?? 0xFFFD
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(truncatingIfNeeded: scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        }
    }

    /// Skips one value of any kind, checking its syntax; `depth` counts the enclosing arrays and objects.
    mutating func skipValue(depth: Int) throws(FileFormatError) {
        skipWhitespace()
        switch peek {
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw error(.tooDeep(limit: Self.maxDepth)) }
            position += 1
            skipWhitespace()
            if peek == UInt8(ascii: "}") {
                position += 1
                return
            }
            while true {
                skipWhitespace()
                _ = try string()
                try expect(UInt8(ascii: ":"), "':'")
                try skipValue(depth: depth + 1)
                if try endOfMember(close: UInt8(ascii: "}"), what: "',' or '}'") { return }
            }
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw error(.tooDeep(limit: Self.maxDepth)) }
            position += 1
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                if try endOfMember(close: UInt8(ascii: "]"), what: "',' or ']'") { return }
            }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case nil: throw syntaxError("expected a value")
        default: _ = try number()
        }
    }

    /// After an element or member: consumes `,` (false: more follow) or `close` (true: done).
    mutating func endOfMember(close: UInt8, what: String) throws(FileFormatError) -> Bool {
        skipWhitespace()
        switch peek {
        case UInt8(ascii: ","):
            position += 1
            return false
        case close:
            position += 1
            return true
        default:
            throw syntaxError("expected \(what)")
        }
    }
}

extension JSONScanner {
    /// Calls `body` with a string's decoded bytes: the input itself when it has no escapes, else `scratch`.
    mutating func withStringBytes<R>(_ content: Range<Int>, escaped: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> R)
        -> R
    {
        guard escaped else { return body(UnsafeBufferPointer(rebasing: bytes[content])) }
        decodeString(content)
        return scratch.withUnsafeBufferPointer(body)
    }
}

extension JSONScanner {
    /// Moves to the next non-blank line at or after `position` (advancing `position` and the 1-based `line`)
    /// and checks that it opens an object; false at the end of the input. Readers and schema inference walk
    /// JSON lines the same way, so they report the same line for the same bad input.
    mutating func nextObjectLine(position: inout Int, line: inout Int) throws(FileFormatError) -> Bool {
        while position < bytes.count {
            var lineEnd = position
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            reset(start: position, end: lineEnd, line: line)
            position = lineEnd + 1
            line += 1
            skipWhitespace()
            if atEnd { continue }
            guard peek == UInt8(ascii: "{") else {
                guard let kind = valueKindName else { throw syntaxError("expected a JSON object") }
                throw error(.notAnObject(found: kind))
            }
            return true
        }
        return false
    }

    /// After an object only whitespace may follow on its line.
    mutating func finishObjectLine() throws(FileFormatError) {
        skipWhitespace()
        guard atEnd else { throw syntaxError("unexpected data after the object") }
    }
}
