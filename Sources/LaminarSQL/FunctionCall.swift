/// A call such as `AVG(price)`, `COUNT(*)`, `COUNT(DISTINCT x)` or `TUMBLE(ts, INTERVAL '1' MINUTE)`.
///
/// Window functions are ordinary calls at this layer: whether `TUMBLE` may appear in `GROUP BY`
/// is a planning rule, not a grammar rule.
public struct FunctionCall: Sendable, Hashable {
    /// Carries the location used for "unknown function" errors.
    public var name: Identifier
    public var arguments: [Expression]
    /// `COUNT(DISTINCT x)`
    public var isDistinct: Bool
    /// `COUNT(*)`; `arguments` is then empty.
    public var isStar: Bool

    public init(name: Identifier, arguments: [Expression], isDistinct: Bool = false, isStar: Bool = false) {
        self.name = name
        self.arguments = arguments
        self.isDistinct = isDistinct
        self.isStar = isStar
    }
}
