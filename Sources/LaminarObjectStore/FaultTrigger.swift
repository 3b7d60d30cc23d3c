/// When a fault rule fires.
public enum FaultTrigger: Sendable, Hashable {
    /// On each matching call with this chance, drawn from the plan's seeded generator; 0 or less never
    /// fires, 1 or more always does.
    case probability(Double)
    /// On the next `n` matching calls, then never again.
    case nextCalls(Int)
}
