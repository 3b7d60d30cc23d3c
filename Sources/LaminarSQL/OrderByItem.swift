/// One `ORDER BY` key. `ASC` is the default and so is not stored separately: `ORDER BY a` and
/// `ORDER BY a ASC` are the same tree.
public struct OrderByItem: Sendable, Hashable {
    public var expression: Expression
    public var isDescending: Bool
    /// `NULLS FIRST` (true), `NULLS LAST` (false), or unspecified (the engine default).
    public var nullsFirst: Bool?

    public init(_ expression: Expression, descending: Bool = false, nullsFirst: Bool? = nil) {
        self.expression = expression
        self.isDescending = descending
        self.nullsFirst = nullsFirst
    }
}
