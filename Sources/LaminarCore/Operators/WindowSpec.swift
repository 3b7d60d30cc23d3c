import LaminarArrow

/// An event-time window of `GROUP BY`: `TUMBLE(ts, size)` or `HOP(ts, slide, size)`.
public struct WindowSpec: Sendable, CustomStringConvertible {
    /// The event-time column, a timestamp.
    public let time: any PhysicalExpression
    /// Window length and the distance between window starts, in microseconds; equal for tumbling windows.
    public let sizeMicros: Int64
    public let slideMicros: Int64

    public init(time: any PhysicalExpression, sizeMicros: Int64, slideMicros: Int64) {
        self.time = time
        self.sizeMicros = sizeMicros
        self.slideMicros = slideMicros
    }

    public var isTumbling: Bool { sizeMicros == slideMicros }

    /// The type of `window_start` and `window_end`: the time column's.
    public var boundType: DataType { time.dataType }

    var unit: TimeUnit {
        if case .timestamp(let unit, _) = time.dataType { return unit }
        return .microsecond
    }

    /// Converts microseconds to ticks of the time column; windows must be whole ticks.
    func ticks(_ micros: Int64) -> Int64 {
        switch unit {
        case .second: micros / 1_000_000
        case .millisecond: micros / 1_000
        case .microsecond: micros
        case .nanosecond: micros &* 1_000
        }
    }

    func micros(_ ticks: Int64) -> Int64 {
        switch unit {
        case .second: ticks &* 1_000_000
        case .millisecond: ticks &* 1_000
        case .microsecond: ticks
        case .nanosecond: Temporal.floorDivide(ticks, 1_000).quotient
        }
    }

    public var description: String {
        isTumbling ? "TUMBLE(\(time), \(sizeMicros)us)" : "HOP(\(time), \(slideMicros)us, \(sizeMicros)us)"
    }
}
