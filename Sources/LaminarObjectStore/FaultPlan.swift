/// The faults a `FaultInjectingObjectStore` injects. Probabilities are drawn from a generator seeded with
/// `seed`, so a failing run replays exactly when its calls are made in the same order.
public struct FaultPlan: Sendable, Hashable {
    public var seed: UInt64
    /// Evaluated in order on every call; several rules can fire on one call (latency and then a failure).
    public var rules: [FaultRule]

    public init(seed: UInt64 = 0, rules: [FaultRule] = []) {
        self.seed = seed
        self.rules = rules
    }
}
