/// One `SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ...` block.
public struct SelectQuery: Sendable, Hashable {
    public var isDistinct: Bool
    public var items: [SelectItem]
    /// `nil` for `SELECT 1` style queries without `FROM`.
    public var from: Relation?
    /// The `WHERE` condition (named `filter` because `where` is a Swift keyword).
    public var filter: Expression?
    /// May contain window calls such as `TUMBLE(ts, INTERVAL '1' MINUTE)`.
    public var groupBy: [Expression]
    public var having: Expression?

    public init(
        isDistinct: Bool = false,
        items: [SelectItem],
        from: Relation? = nil,
        filter: Expression? = nil,
        groupBy: [Expression] = [],
        having: Expression? = nil
    ) {
        self.isDistinct = isDistinct
        self.items = items
        self.from = from
        self.filter = filter
        self.groupBy = groupBy
        self.having = having
    }
}
