import LaminarArrow

/// Partition values as the log stores them: strings, with null for a null (or empty string) value.
public enum PartitionValue {
    /// The log's string for `scalar`, nil for null. Timestamps are written in the ISO-8601 UTC form the
    /// protocol recommends to new writers, `timestamp_ntz` in Spark's `yyyy-MM-dd HH:mm:ss.ffffff`.
    public static func string(_ scalar: ScalarValue, column: String) throws(DeltaError) -> String? {
        switch scalar {
        case .null: return nil
        case .utf8(let text): return text.isEmpty ? nil : text
        case .boolean, .int8, .int16, .int32, .int64, .decimal128, .date32: return scalar.description
        case .float32(let value) where value.isFinite: return scalar.description
        case .float64(let value) where value.isFinite: return scalar.description
        case .timestamp(let ticks, let unit, let zone):
            let micros = unit == .microsecond ? ticks : Self.micros(ticks, unit)
            let text = Temporal.formatTimestamp(micros, unit: .microsecond, utc: zone != nil)
            return zone != nil ? text : text.replacingOccurrences(of: "T", with: " ")
        default:
            throw DeltaError(.unsupported, "partition column \(column): \(scalar.dataType) values cannot be partition values; partition by a string, number, date or timestamp column")
        }
    }

    private static func micros(_ ticks: Int64, _ unit: TimeUnit) -> Int64 {
        switch unit {
        case .second: ticks.multipliedReportingOverflow(by: 1_000_000).partialValue
        case .millisecond: ticks.multipliedReportingOverflow(by: 1000).partialValue
        case .microsecond: ticks
        case .nanosecond: Temporal.floorDivide(ticks, 1000).quotient
        }
    }
}
