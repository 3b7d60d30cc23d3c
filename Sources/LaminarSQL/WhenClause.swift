/// One `WHEN condition THEN result` arm of a `CASE`. With a `CASE operand`, `condition` is the
/// value compared to the operand rather than a boolean.
public struct WhenClause: Sendable, Hashable {
    public var condition: Expression
    public var result: Expression

    public init(_ condition: Expression, then result: Expression) {
        self.condition = condition
        self.result = result
    }
}
