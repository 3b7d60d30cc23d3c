/// The shape of an ``Expression``. Parentheses are not represented: grouping is implied by the
/// tree, and the printer re-inserts exactly the parentheses precedence requires.
public indirect enum ExpressionKind: Sendable, Hashable {
    case literal(Literal)
    /// `a`, `t.a` or `t.a.b`: a non-empty path resolved by the planner.
    case column([Identifier])
    case unary(UnaryOperator, Expression)
    case binary(Expression, BinaryOperator, Expression)
    /// `x IS NULL` / `x IS NOT NULL`
    case isNull(Expression, negated: Bool)
    /// `x IS [NOT] DISTINCT FROM y`: null-safe comparison.
    case isDistinctFrom(Expression, Expression, negated: Bool)
    /// `x [NOT] IN (a, b, ...)`
    case inList(Expression, [Expression], negated: Bool)
    /// `x [NOT] IN (SELECT ...)`
    case inSubquery(Expression, Query, negated: Bool)
    /// `x [NOT] BETWEEN low AND high`
    case between(Expression, low: Expression, high: Expression, negated: Bool)
    /// `x [NOT] LIKE|ILIKE pattern [ESCAPE e]`
    case like(Expression, pattern: Expression, escape: Expression?, negated: Bool, caseInsensitive: Bool)
    case cast(Expression, SQLType, CastKind)
    case function(FunctionCall)
    /// `CASE [operand] WHEN ... THEN ... [ELSE otherwise] END`
    case caseWhen(operand: Expression?, branches: [WhenClause], otherwise: Expression?)
    /// `EXTRACT(field FROM source)`
    case extract(DateTimeField, Expression)
    /// A scalar subquery `(SELECT ...)`.
    case subquery(Query)
    /// `EXISTS (SELECT ...)`; `NOT EXISTS` is `NOT` applied to it.
    case exists(Query)
}
