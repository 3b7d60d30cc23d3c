import LaminarArrow

/// What the planner knows of a source: its name, columns, whether it ends, and its watermark.
public struct SourceDescriptor: Sendable {
    public var name: String
    public var schema: Schema
    public var isBounded: Bool
    /// How far event time has progressed, computed from each batch (e.g. `ts - INTERVAL '5' SECOND`).
    public var watermark: WatermarkSpec?

    public init(name: String, schema: Schema, isBounded: Bool, watermark: WatermarkSpec? = nil) {
        self.name = name
        self.schema = schema
        self.isBounded = isBounded
        self.watermark = watermark
    }
}

/// A source's watermark: the time column and the expression whose batch maximum is the watermark.
public struct WatermarkSpec: Sendable, CustomStringConvertible {
    public var column: String
    public var expression: any PhysicalExpression

    public init(column: String, expression: any PhysicalExpression) {
        self.column = column
        self.expression = expression
    }

    /// The largest value of the expression in `batch`, in microseconds since the epoch.
    public func watermark(of batch: RecordBatch) throws(EngineError) -> Int64? {
        let values = try expression.evaluateArray(batch)
        guard let ticks = values as? Int64Array, case .timestamp(let unit, _) = values.dataType else {
            throw .execution("watermark \(expression) is \(values.dataType), not a timestamp")
        }
        var best: Int64?
        for row in 0..<ticks.count where ticks.isValid(row) {
            let value = ticks.value(at: row)
            if best.map({ value > $0 }) ?? true { best = value }
        }
        guard let best else { return nil }
        switch unit {
        case .second: return best.multipliedReportingOverflow(by: 1_000_000).overflow ? .max : best * 1_000_000
        case .millisecond: return best.multipliedReportingOverflow(by: 1_000).overflow ? .max : best * 1_000
        case .microsecond: return best
        case .nanosecond: return best / 1_000
        }
    }

    public var description: String { "\(column): \(expression)" }
}
