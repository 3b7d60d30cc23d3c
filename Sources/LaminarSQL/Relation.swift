/// What a `FROM` clause reads: a named source or stream, a derived table, or a join of those.
public indirect enum Relation: Sendable, Hashable {
    /// `name [AS alias]`
    case table(Identifier, alias: Identifier?)
    /// `(SELECT ...) [AS alias]`
    case subquery(Query, alias: Identifier?)
    /// `left [kind] JOIN right [ON condition]`; `condition` is `nil` only for cross joins.
    /// A comma in `FROM a, b` parses as a cross join.
    case join(Relation, JoinKind, Relation, on: Expression?)
}
