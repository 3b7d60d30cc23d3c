/// How often and how long a request is retried. Object stores shed load with 429/503 and drop connections
/// under pressure; backing off with full jitter spreads the retries of many writers apart instead of letting
/// them stampede the store in lockstep, and the time budget bounds how long a caller can be kept waiting.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first one included; 1 disables retrying.
    public var maxAttempts: Int
    /// The delay cap of the first retry; it doubles with every further retry.
    public var baseDelay: Duration
    /// No single delay exceeds this.
    public var maxDelay: Duration
    /// No retry starts once this much time has passed since the first attempt, or would pass during its delay.
    public var totalBudget: Duration

    public init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration, totalBudget: Duration) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(.zero, baseDelay)
        self.maxDelay = max(.zero, maxDelay)
        self.totalBudget = max(.zero, totalBudget)
    }

    /// Ten attempts within three minutes, as the AWS SDKs' "standard" mode roughly does.
    public static let `default` = RetryPolicy(
        maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(15), totalBudget: .seconds(180)
    )

    /// A single attempt: errors reach the caller at once.
    public static let never = RetryPolicy(maxAttempts: 1, baseDelay: .zero, maxDelay: .zero, totalBudget: .zero)

    /// The upper bound of the delay before retry number `retry` (1 for the first retry): `baseDelay · 2^(retry-1)`,
    /// capped at `maxDelay`.
    public func delayCap(forRetry retry: Int) -> Duration {
        var cap = baseDelay
        for _ in 0..<min(max(retry - 1, 0), 64) where cap < maxDelay {
            cap += cap
        }
        return min(cap, maxDelay)
    }

    /// Full jitter: a uniformly random delay between zero and `delayCap(forRetry:)`.
    public func delay(forRetry retry: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let capNanoseconds = delayCap(forRetry: retry).saturatingNanoseconds
        guard capNanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...capNanoseconds, using: &generator))
    }

    /// Whether retry number `retry` may start after `elapsed` time and a delay of `delay`.
    public func allowsRetry(_ retry: Int, elapsed: Duration, delay: Duration) -> Bool {
        retry < maxAttempts && elapsed + delay <= totalBudget
    }
}
