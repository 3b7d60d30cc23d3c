/// A complete query: a body (one `SELECT` or a `UNION` of several) plus the clauses that apply
/// to the whole result. `ORDER BY`/`LIMIT` sit here, not on ``SelectQuery``, because in
/// `a UNION ALL b ORDER BY x` they sort the union, not `b`.
public struct Query: Sendable, Hashable {
    public var body: QueryBody
    public var orderBy: [OrderByItem]
    public var limit: Expression?
    public var offset: Expression?

    public init(_ body: QueryBody, orderBy: [OrderByItem] = [], limit: Expression? = nil, offset: Expression? = nil) {
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
        self.offset = offset
    }

    /// The common case: a single `SELECT` with no trailing clauses.
    public init(_ select: SelectQuery) {
        self.init(.select(select))
    }
}
