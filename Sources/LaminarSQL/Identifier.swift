/// A name as the catalog sees it: bare words are folded to lowercase, `"quoted"` names are kept
/// exactly, so `Price`, `PRICE` and `price` are one column while `"Price"` is another.
///
/// Equality compares only the name, never the location.
public struct Identifier: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The normalized name (what lookups should use).
    public var name: String
    /// Where the name was written; ``SourceLocation/unknown`` for names built in code.
    public var location: SourceLocation

    public init(_ name: String, location: SourceLocation = .unknown) {
        self.name = name
        self.location = location
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public static func == (lhs: Identifier, rhs: Identifier) -> Bool {
        lhs.name == rhs.name
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
    }

    /// The name as canonical SQL: bare when that reads back identically, quoted otherwise.
    public var sql: String {
        Identifier.needsQuoting(name) ? Identifier.quote(name) : name
    }

    public var description: String { sql }

    /// A bare word reads back as the same name only if it is lowercase ASCII, starts with a letter
    /// or underscore, and is not a reserved word.
    static func needsQuoting(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) else {
            return true
        }
        for byte in name.utf8 {
            let isLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            if !(isLower || Lexer.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")) {
                return true
            }
        }
        return Keyword.lookup(lowercased: name)?.isReserved ?? false
    }

    static func quote(_ name: String) -> String {
        "\"" + SQLPrinter.doubling("\"", in: name) + "\""
    }
}
