/// A value expression together with where it starts in the source.
///
/// The location lives beside the enum rather than in every case so that pattern matching stays
/// simple, and it is excluded from `==`/`hash` so that trees compare by meaning alone.
public struct Expression: Sendable, Hashable {
    public var kind: ExpressionKind
    public var location: SourceLocation

    public init(_ kind: ExpressionKind, location: SourceLocation = .unknown) {
        self.kind = kind
        self.location = location
    }

    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        lhs.kind == rhs.kind
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
    }
}

// Shorthands for building trees in code (planner rewrites, tests). They carry no location.
extension Expression {
    public static func column(_ names: Identifier...) -> Expression { Expression(.column(names)) }
    public static func integer(_ value: Int64) -> Expression { Expression(.literal(.integer(value))) }
    public static func decimal(_ text: String) -> Expression { Expression(.literal(.decimal(text))) }
    public static func string(_ value: String) -> Expression { Expression(.literal(.string(value))) }
    public static func boolean(_ value: Bool) -> Expression { Expression(.literal(.boolean(value))) }
    public static var null: Expression { Expression(.literal(.null)) }
    public static func interval(_ text: String, _ unit: DateTimeField? = nil) -> Expression {
        Expression(.literal(.interval(text, unit: unit)))
    }
    public static func call(_ name: Identifier, _ arguments: Expression..., distinct: Bool = false) -> Expression {
        Expression(.function(FunctionCall(name: name, arguments: arguments, isDistinct: distinct)))
    }
    public static func binary(_ lhs: Expression, _ op: BinaryOperator, _ rhs: Expression) -> Expression {
        Expression(.binary(lhs, op, rhs))
    }
    public static func unary(_ op: UnaryOperator, _ operand: Expression) -> Expression {
        Expression(.unary(op, operand))
    }
}
