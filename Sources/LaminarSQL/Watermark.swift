/// `WATERMARK FOR column AS expression`: how far event time may lag before windows close.
/// Typically `ts - INTERVAL '5' SECOND`.
public struct Watermark: Sendable, Hashable {
    public var column: Identifier
    public var expression: Expression

    public init(column: Identifier, expression: Expression) {
        self.column = column
        self.expression = expression
    }
}
