/// The set-producing part of a ``Query``.
public indirect enum QueryBody: Sendable, Hashable {
    case select(SelectQuery)
    /// `left UNION [ALL] right`, left-associative. `all: false` removes duplicates.
    case union(QueryBody, QueryBody, all: Bool)
    /// `( query )`: needed when a branch has its own `ORDER BY`/`LIMIT`.
    case nested(Query)
}
