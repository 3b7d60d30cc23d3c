/// The left side of `key = value` in a `WITH (...)` clause.
///
/// Connector configuration is case-insensitive (`Connector` and `'CONNECTOR'` mean the same
/// thing), so keys compare by their lowercased form; the original spelling is kept only so that
/// errors can quote what the user typed.
public struct OptionKey: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// Lowercased, dot-joined key, e.g. `fields.symbol.kind`.
    public var name: String
    /// As written, e.g. `'Fields.Symbol.Kind'` or `Delivery.Guarantee`.
    public var spelling: String
    public var location: SourceLocation

    public init(_ name: String, spelling: String? = nil, location: SourceLocation = .unknown) {
        self.name = name.lowercased()
        self.spelling = spelling ?? name
        self.location = location
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public static func == (lhs: OptionKey, rhs: OptionKey) -> Bool {
        lhs.name == rhs.name
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
    }

    /// Bare dotted words when each part reads back unchanged, a quoted string otherwise.
    public var sql: String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.allSatisfy({ !Identifier.needsQuoting(String($0)) }) {
            return name
        }
        return SQLPrinter.quoteString(name)
    }

    public var description: String { name }
}
