/// How many faults of each effect a `FaultInjectingObjectStore` has injected, for tests to assert that the
/// code under test really met the faults it claims to survive.
public struct FaultCounts: Sendable, Hashable {
    public var latency = 0
    public var unavailable = 0
    public var failedAfterWrite = 0

    public init(latency: Int = 0, unavailable: Int = 0, failedAfterWrite: Int = 0) {
        self.latency = latency
        self.unavailable = unavailable
        self.failedAfterWrite = failedAfterWrite
    }

    /// Faults that made a call throw.
    public var failures: Int { unavailable + failedAfterWrite }
    public var total: Int { latency + failures }

    static func + (lhs: FaultCounts, rhs: FaultCounts) -> FaultCounts {
        FaultCounts(latency: lhs.latency + rhs.latency, unavailable: lhs.unavailable + rhs.unavailable,
                    failedAfterWrite: lhs.failedAfterWrite + rhs.failedAfterWrite)
    }
}
