/// Turns SQL text into tokens in one pass over its UTF-8 bytes.
///
/// Working on bytes rather than `Character`s avoids grapheme breaking, which dominates the cost of
/// lexing large scripts; only identifiers with non-ASCII letters ever touch `String` Unicode APIs.
struct Lexer {
    private let source: SourceText
    private var position = 0
    private var line = 1
    private var column = 1

    init(_ source: SourceText) {
        self.source = source
    }

    /// Lexes the whole input, ending with one `.endOfInput` token whose location is the end of the
    /// text (so "unexpected end of input" points just past the last character).
    static func tokenize(_ source: SourceText) throws(SQLError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        tokens.reserveCapacity(source.bytes.count / 4 + 1)
        while true {
            let token = try lexer.next(previous: tokens.last)
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    // MARK: Cursor

    private var bytes: [UInt8] { source.bytes }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        let index = position + ahead
        return index < bytes.count ? bytes[index] : nil
    }

    private var location: SourceLocation {
        SourceLocation(line: line, column: column, offset: position)
    }

    /// Moves one byte, keeping line and column right for `\n`, `\r\n`, `\r` and multi-byte UTF-8.
    private mutating func advance() {
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\n"):
            line += 1
            column = 1
        case UInt8(ascii: "\r"):
            if peek() != UInt8(ascii: "\n") {
                line += 1
                column = 1
            }
        default:
            if byte & 0xC0 != 0x80 { column += 1 }
        }
    }

    private mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }

    // MARK: Tokens

    private mutating func next(previous: Token?) throws(SQLError) -> Token {
        try skipTrivia()
        let start = location
        guard let byte = peek() else {
            return Token(kind: .endOfInput, value: "", keyword: nil, location: start, byteLength: 0, width: 1)
        }
        if Lexer.isIdentifierStart(byte) {
            return lexWord(start: start)
        }
        if Lexer.isDigit(byte) {
            return try lexNumber(start: start)
        }
        switch byte {
        case UInt8(ascii: "'"):
            return try lexQuoted(start: start, quote: byte, kind: .string)
        case UInt8(ascii: "\""):
            return try lexQuoted(start: start, quote: byte, kind: .quotedIdentifier)
        case UInt8(ascii: "."):
            // `.5` is a number unless it follows something that can be qualified (`t.5` stays an error
            // about a missing name rather than silently becoming `t 0.5`); reserved words such as
            // SELECT or THEN cannot be qualified.
            if let next = peek(1), Lexer.isDigit(next), !Lexer.canBeQualified(previous) {
                return try lexNumber(start: start)
            }
            return punctuation(.dot, length: 1, start: start)
        case UInt8(ascii: ","): return punctuation(.comma, length: 1, start: start)
        case UInt8(ascii: ";"): return punctuation(.semicolon, length: 1, start: start)
        case UInt8(ascii: "("): return punctuation(.leftParen, length: 1, start: start)
        case UInt8(ascii: ")"): return punctuation(.rightParen, length: 1, start: start)
        case UInt8(ascii: "["): return punctuation(.leftBracket, length: 1, start: start)
        case UInt8(ascii: "]"): return punctuation(.rightBracket, length: 1, start: start)
        case UInt8(ascii: "*"): return punctuation(.star, length: 1, start: start)
        case UInt8(ascii: "+"): return punctuation(.plus, length: 1, start: start)
        case UInt8(ascii: "-"): return punctuation(.minus, length: 1, start: start)
        case UInt8(ascii: "/"): return punctuation(.slash, length: 1, start: start)
        case UInt8(ascii: "%"): return punctuation(.percent, length: 1, start: start)
        case UInt8(ascii: "="): return punctuation(.equal, length: 1, start: start)
        case UInt8(ascii: "<"):
            switch peek(1) {
            case UInt8(ascii: "="): return punctuation(.lessEqual, length: 2, start: start)
            case UInt8(ascii: ">"): return punctuation(.notEqual, length: 2, start: start)
            default: return punctuation(.less, length: 1, start: start)
            }
        case UInt8(ascii: ">"):
            if peek(1) == UInt8(ascii: "=") { return punctuation(.greaterEqual, length: 2, start: start) }
            return punctuation(.greater, length: 1, start: start)
        case UInt8(ascii: "!") where peek(1) == UInt8(ascii: "="):
            return punctuation(.notEqual, length: 2, start: start)
        case UInt8(ascii: "|") where peek(1) == UInt8(ascii: "|"):
            return punctuation(.concat, length: 2, start: start)
        case UInt8(ascii: ":") where peek(1) == UInt8(ascii: ":"):
            return punctuation(.doubleColon, length: 2, start: start)
        default:
            throw unexpectedCharacter(at: start)
        }
    }

    private mutating func punctuation(_ kind: TokenKind, length: Int, start: SourceLocation) -> Token {
        advance(by: length)
        return Token(kind: kind, value: "", keyword: nil, location: start, byteLength: length, width: length)
    }

    /// Whitespace, `-- line` and nested `/* block */` comments.
    private mutating func skipTrivia() throws(SQLError) {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                advance()
            case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
                while let next = peek(), next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r") { advance() }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                try skipBlockComment()
            default:
                return
            }
        }
    }

    /// Block comments nest (as in PostgreSQL) so commenting out a region that already holds a
    /// comment does what the user meant.
    private mutating func skipBlockComment() throws(SQLError) {
        let start = location
        advance(by: 2)
        var depth = 1
        while depth > 0 {
            guard let byte = peek() else {
                throw SQLError(
                    kind: .lexical, message: "unterminated block comment, expected '*/'", expected: "'*/'",
                    found: "end of input", location: start, length: 2, sourceLine: source.line(containing: start))
            }
            if byte == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                depth -= 1
                advance(by: 2)
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                depth += 1
                advance(by: 2)
            } else {
                advance()
            }
        }
    }

    private mutating func lexWord(start: SourceLocation) -> Token {
        var isASCII = true
        while let byte = peek(), Lexer.isIdentifierPart(byte) {
            if byte >= 0x80 { isASCII = false }
            advance()
        }
        let raw = source.bytes[start.offset..<position]
        let value: String
        var keyword: Keyword?
        if isASCII {
            value = String(decoding: raw.map { Lexer.asciiLowercase($0) }, as: UTF8.self)
            keyword = Keyword.lookup(lowercased: value)
        } else {
            value = String(decoding: raw, as: UTF8.self).lowercased()
        }
        return Token(
            kind: .word, value: value, keyword: keyword, location: start,
            byteLength: position - start.offset, width: column - start.column)
    }

    /// Strings and quoted identifiers share one scanner: the quote doubles to escape itself.
    private mutating func lexQuoted(start: SourceLocation, quote: UInt8, kind: TokenKind) throws(SQLError) -> Token {
        advance()
        var value: [UInt8] = []
        var closed = false
        while let byte = peek() {
            if byte == quote {
                if peek(1) == quote {
                    value.append(quote)
                    advance(by: 2)
                    continue
                }
                advance()
                closed = true
                break
            }
            value.append(byte)
            advance()
        }
        let what = kind == .string ? "string literal" : "quoted identifier"
        let quoteText = kind == .string ? "\"'\"" : "'\"'"
        guard closed else {
            throw SQLError(
                kind: .lexical, message: "unterminated \(what), expected closing \(quoteText)", expected: "closing \(quoteText)",
                found: "end of input", location: start, length: 1, sourceLine: source.line(containing: start))
        }
        if kind == .quotedIdentifier, value.isEmpty {
            throw SQLError(
                kind: .lexical, message: "zero-length quoted identifier, expected an identifier name", expected: "an identifier name",
                found: "\"\"", location: start, length: 2, sourceLine: source.line(containing: start))
        }
        // A literal spanning lines is underlined at its opening quote only.
        let width = line == start.line ? column - start.column : 1
        return Token(
            kind: kind, value: String(decoding: value, as: UTF8.self), keyword: nil, location: start,
            byteLength: position - start.offset, width: width)
    }

    private mutating func lexNumber(start: SourceLocation) throws(SQLError) -> Token {
        var isDecimal = false
        while let byte = peek(), Lexer.isDigit(byte) { advance() }
        if peek() == UInt8(ascii: "."), peek(1) != UInt8(ascii: ".") {
            isDecimal = true
            advance()
            while let byte = peek(), Lexer.isDigit(byte) { advance() }
        }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            var digitsAt = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { digitsAt = 2 }
            if let digit = peek(digitsAt), Lexer.isDigit(digit) {
                isDecimal = true
                advance(by: digitsAt)
                while let byte = peek(), Lexer.isDigit(byte) { advance() }
            }
        }
        // `12abc` or `1e` is almost always a typo; reading it as `12 AS abc` would hide it.
        if let byte = peek(), Lexer.isIdentifierPart(byte) || byte == UInt8(ascii: ".") {
            while let byte = peek(), Lexer.isIdentifierPart(byte) || byte == UInt8(ascii: ".") { advance() }
            let text = source.text(from: start.offset, to: position)
            throw SQLError(
                kind: .lexical, message: "invalid numeric literal \(text), expected a number", expected: "a number",
                found: text, location: start, length: column - start.column,
                sourceLine: source.line(containing: start))
        }
        return Token(
            kind: isDecimal ? .decimal : .integer, value: source.text(from: start.offset, to: position),
            keyword: nil, location: start, byteLength: position - start.offset, width: column - start.column)
    }

    private func unexpectedCharacter(at start: SourceLocation) -> SQLError {
        let scalar = String(decoding: source.bytes[start.offset..<min(start.offset + 1, source.bytes.count)], as: UTF8.self)
            .unicodeScalars.first.map { $0.isPrintableASCII ? "'\(Character($0))'" : "U+\(String($0.value, radix: 16, uppercase: true))" }
            ?? "?"
        return SQLError(
            kind: .lexical, message: "unexpected character \(scalar), expected a token", expected: "a token",
            found: scalar, location: start, length: 1, sourceLine: source.line(containing: start))
    }

    private static func canBeQualified(_ token: Token?) -> Bool {
        guard let token else { return false }
        switch token.kind {
        case .quotedIdentifier, .rightParen: return true
        case .word: return !(token.keyword?.isReserved ?? false)
        default: return false
        }
    }

    // MARK: Byte classes

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Non-ASCII bytes count as letters so identifiers like `größe` need no quoting.
    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$")
    }

    static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}

extension Unicode.Scalar {
    fileprivate var isPrintableASCII: Bool { value >= 0x21 && value < 0x7F }
}
