/// A position in SQL text, kept on AST nodes so the planner can point at the exact spot that is
/// wrong long after parsing ("unknown column" at 3:14), not just at the statement.
///
/// Locations never take part in AST equality: two parses of differently formatted text that mean
/// the same thing compare equal, which is what round-trip tests and plan caches need.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars so a caret lines up under non-ASCII text.
    public var column: Int
    /// 0-based byte offset into the UTF-8 source, for slicing the text back out cheaply.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Used for nodes built in code rather than parsed, where no text exists to point at.
    public static let unknown = SourceLocation(line: 0, column: 0, offset: 0)

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }

    public var description: String { "\(line):\(column)" }
}
