/// Every failure of the SQL front end: lexing, parsing, and reading option values.
///
/// It carries enough to render a compiler-style diagnostic (the source line with a caret under the
/// offending token) without keeping the whole script alive, and the structured pieces (`expected`,
/// `found`) so tools and tests can match on them instead of parsing prose.
public struct SQLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Broad category, so callers can react differently to bad syntax and to bad configuration.
    public enum Kind: Sendable, Hashable {
        /// A character sequence that is not a token (unterminated string, stray `!`, `12abc`).
        case lexical
        /// Tokens in an order the grammar does not allow.
        case syntax
        /// Nesting beyond ``Parser/maximumDepth``; refused so hostile input cannot overflow the stack.
        case nestingTooDeep
        /// The same `WITH` key given twice, or a second watermark.
        case duplicate
        /// A `WITH` option whose value cannot be read as what its consumer needs.
        case invalidOption
        /// Well-formed SQL that does not fit the catalog: an unknown source or column, operand types that do
        /// not combine, an aggregate where none is allowed. Raised by the planner.
        case semantic
    }

    /// The fields live in one immutable box so that an `SQLError` is a single pointer wide: every
    /// `throws(SQLError)` call site reserves room for the error in its caller's frame, and a wide
    /// error made each level of the recursive-descent parser cost kilobytes of stack.
    private final class Storage: Sendable {
        let kind: Kind
        let message: String
        let expected: String?
        let found: String?
        let location: SourceLocation
        let length: Int
        let sourceLine: String?

        init(kind: Kind, message: String, expected: String?, found: String?, location: SourceLocation, length: Int, sourceLine: String?) {
            self.kind = kind
            self.message = message
            self.expected = expected
            self.found = found
            self.location = location
            self.length = length
            self.sourceLine = sourceLine
        }
    }

    private var storage: Storage

    public var kind: Kind { storage.kind }
    /// One-line human summary, e.g. "expected an expression, found keyword FROM".
    public var message: String { storage.message }
    /// What the parser would have accepted here, e.g. "an expression" or "')'".
    public var expected: String? { storage.expected }
    /// The offending token as the user wrote it, or "end of input".
    public var found: String? { storage.found }
    /// Where the problem starts.
    public var location: SourceLocation { storage.location }
    /// Width of the caret underline, in columns (at least 1).
    public var length: Int { storage.length }
    /// The full source line containing `location`, if the error was raised with the source at hand.
    public var sourceLine: String? { storage.sourceLine }

    public init(
        kind: Kind,
        message: String,
        expected: String? = nil,
        found: String? = nil,
        location: SourceLocation,
        length: Int = 1,
        sourceLine: String? = nil
    ) {
        storage = Storage(
            kind: kind, message: message, expected: expected, found: found, location: location,
            length: max(1, length), sourceLine: sourceLine)
    }

    public static func == (lhs: SQLError, rhs: SQLError) -> Bool {
        lhs.kind == rhs.kind && lhs.message == rhs.message && lhs.expected == rhs.expected
            && lhs.found == rhs.found && lhs.location == rhs.location && lhs.length == rhs.length
            && lhs.sourceLine == rhs.sourceLine
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(message)
        hasher.combine(location)
    }

    /// Errors raised away from the text (option accessors run in the planner) can have the
    /// snippet attached later by whoever still holds the SQL.
    public func withSource(_ source: String) -> SQLError {
        SQLError(
            kind: kind, message: message, expected: expected, found: found, location: location,
            length: length, sourceLine: SourceText(source).line(containing: location))
    }

    /// Renders like rustc/DuckDB:
    /// ```
    /// error: expected an expression, found keyword FROM
    ///  --> 1:8
    ///   |
    /// 1 | SELECT FROM t
    ///   |        ^^^^
    /// ```
    public var description: String {
        var out = "error: \(message)\n"
        let gutter = String(repeating: " ", count: String(location.line).count)
        out += "\(gutter)--> \(location.line):\(location.column)"
        guard let sourceLine, location.line > 0 else { return out }
        let line = sourceLine.replacingTabs()
        let caretColumn = max(1, location.column)
        let available = max(1, line.unicodeScalars.count - (caretColumn - 1))
        let width = min(length, available)
        out += "\n\(gutter) |\n"
        out += "\(location.line) | \(line)\n"
        out += "\(gutter) | " + String(repeating: " ", count: caretColumn - 1) + String(repeating: "^", count: width)
        return out
    }
}

extension String {
    /// Tabs would misalign the caret, since terminals expand them to a varying width.
    fileprivate func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
