/// Resolution of a time or timestamp value, as in Arrow's `TimeUnit`.
public enum TimeUnit: String, Hashable, Sendable, CaseIterable, Codable {
    case second
    case millisecond
    case microsecond
    case nanosecond

    /// How many ticks of this unit make one second.
    public var ticksPerSecond: Int64 {
        switch self {
        case .second: 1
        case .millisecond: 1_000
        case .microsecond: 1_000_000
        case .nanosecond: 1_000_000_000
        }
    }

    /// Short suffix used when printing types (`s`, `ms`, `us`, `ns`), matching pyarrow's spelling.
    public var abbreviation: String {
        switch self {
        case .second: "s"
        case .millisecond: "ms"
        case .microsecond: "us"
        case .nanosecond: "ns"
        }
    }
}
