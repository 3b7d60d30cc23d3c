extension XMLTreeNode {
    /// A cursor over the document's bytes; every read checks bounds and fails with a `ParseError`.
    struct Reader {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }

        func error(_ reason: String) -> ParseError { ParseError(offset: index, reason: reason) }

        static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        }

        mutating func skipByteOrderMark() {
            if peek(is: "\u{FEFF}") { advance(3) }
        }

        func peek(is literal: String) -> Bool {
            let literal = Array(literal.utf8)
            guard bytes.count - index >= literal.count else { return false }
            return bytes[index..<index + literal.count].elementsEqual(literal)
        }

        mutating func advance(_ count: Int) { index = min(index + count, bytes.count) }

        mutating func consume(_ literal: String) -> Bool {
            guard peek(is: literal) else { return false }
            advance(literal.utf8.count)
            return true
        }

        mutating func skipWhitespace() {
            while !atEnd, Self.isWhitespace(bytes[index]) { index += 1 }
        }

        /// Skips everything up to and including `terminator`.
        mutating func skip(past terminator: String) throws(ParseError) {
            _ = try read(until: terminator)
        }

        /// The bytes before `terminator`, which is consumed as well.
        mutating func read(until terminator: String) throws(ParseError) -> [UInt8] {
            let start = index
            while !atEnd {
                if peek(is: terminator) {
                    let content = Array(bytes[start..<index])
                    advance(terminator.utf8.count)
                    return content
                }
                index += 1
            }
            throw ParseError(offset: start, reason: "`\(terminator)` is missing")
        }

        /// An element name, without its namespace prefix.
        mutating func readName() throws(ParseError) -> String {
            let start = index
            while !atEnd {
                let byte = bytes[index]
                if Self.isWhitespace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
                    || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<")
                {
                    break
                }
                index += 1
            }
            guard index > start else { throw error("expected an element name") }
            let name = try string(Array(bytes[start..<index]))
            return name.split(separator: ":").last.map(String.init) ?? name
        }

        /// Reads the attributes of a start tag and its closing `>` or `/>`; returns them and whether it was `/>`.
        mutating func readAttributes() throws(ParseError) -> (attributes: [String: String], selfClosing: Bool) {
            var attributes: [String: String] = [:]
            while true {
                skipWhitespace()
                guard !atEnd else { throw error("start tag is not closed") }
                if consume(">") { return (attributes, false) }
                if consume("/>") { return (attributes, true) }
                if bytes[index] == UInt8(ascii: "<") { throw error("`<` inside a start tag") }
                let start = index
                while !atEnd, !Self.isWhitespace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                    bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/"),
                    bytes[index] != UInt8(ascii: "<")
                {
                    index += 1
                }
                guard index > start else { throw error("expected an attribute name") }
                let name = try string(Array(bytes[start..<index]))
                skipWhitespace()
                guard consume("=") else { throw error("attribute `\(name)` has no value") }
                skipWhitespace()
                guard !atEnd, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                    throw error("attribute `\(name)` is not quoted")
                }
                let quote = bytes[index]
                index += 1
                var value: [UInt8] = []
                while true {
                    guard !atEnd else { throw error("attribute `\(name)` is not terminated") }
                    let byte = bytes[index]
                    if byte == quote {
                        index += 1
                        break
                    }
                    if byte == UInt8(ascii: "<") { throw error("`<` inside an attribute value") }
                    if byte == UInt8(ascii: "&") {
                        value += try readReference()
                    } else {
                        value.append(byte)
                        index += 1
                    }
                }
                attributes[name] = try string(value)
            }
        }

        /// Character data up to the next `<`, with entity and character references decoded.
        mutating func readText() throws(ParseError) -> [UInt8] {
            var text: [UInt8] = []
            while !atEnd, bytes[index] != UInt8(ascii: "<") {
                if bytes[index] == UInt8(ascii: "&") {
                    text += try readReference()
                } else {
                    text.append(bytes[index])
                    index += 1
                }
            }
            return text
        }

        /// Decodes `&name;` or `&#digits;` / `&#xhex;` at the cursor.
        private mutating func readReference() throws(ParseError) -> [UInt8] {
            let start = index
            index += 1
            let body = try read(until: ";")
            guard body.count <= 10 else { throw ParseError(offset: start, reason: "`&` without a `;`") }
            switch String(decoding: body, as: UTF8.self) {
            case "lt": return [UInt8(ascii: "<")]
            case "gt": return [UInt8(ascii: ">")]
            case "amp": return [UInt8(ascii: "&")]
            case "quot": return [UInt8(ascii: "\"")]
            case "apos": return [UInt8(ascii: "'")]
            case let reference where reference.hasPrefix("#"):
                let digits = reference.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value, value != 0, let scalar = Unicode.Scalar(value) else {
                    throw ParseError(offset: start, reason: "invalid character reference")
                }
                return Array(String(Character(scalar)).utf8)
            default:
                throw ParseError(offset: start, reason: "unknown entity")
            }
        }

        func string(_ bytes: [UInt8]) throws(ParseError) -> String {
            guard let text = String(validating: bytes, as: UTF8.self) else { throw error("text is not UTF-8") }
            return text
        }
    }
}
