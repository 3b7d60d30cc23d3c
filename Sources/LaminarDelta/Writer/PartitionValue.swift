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

    /// The typed value of a partition string read from the log; nil and the empty string are null.
    /// Timestamps are accepted in both forms writers use: ISO-8601 with a zone, and Spark's
    /// `yyyy-MM-dd HH:mm:ss[.ffffff]` (taken as UTC).
    public static func scalar(_ text: String?, type: DataType, column: String) throws(DeltaError) -> ScalarValue {
        guard let text, !text.isEmpty else { return .null }
        func fail() -> DeltaError {
            DeltaError(.corruptLog, "partition column \(column): '\(text)' is not a valid \(DeltaSchema.typeName(type))")
        }
        switch type {
        case .utf8: return .utf8(text)
        case .boolean:
            switch text.lowercased() {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: throw fail()
            }
        case .int8: guard let value = Int8(text) else { throw fail() }; return .int8(value)
        case .int16: guard let value = Int16(text) else { throw fail() }; return .int16(value)
        case .int32: guard let value = Int32(text) else { throw fail() }; return .int32(value)
        case .int64: guard let value = Int64(text) else { throw fail() }; return .int64(value)
        case .float32: guard let value = Float(text) else { throw fail() }; return .float32(value)
        case .float64: guard let value = Double(text) else { throw fail() }; return .float64(value)
        case .date32: guard let days = Temporal.parseDate(text) else { throw fail() }; return .date32(days)
        case .decimal128(let precision, let scale):
            guard let value = DecimalFormat.parse(text, precision: precision, scale: scale) else { throw fail() }
            return .decimal128(value, precision: precision, scale: scale)
        case .timestamp(let unit, let zone):
            guard let parsed = Temporal.parseTimestamp(text, unit: unit) else { throw fail() }
            return .timestamp(parsed.ticks, unit, timeZone: zone)
        case .binary: return .binary(Array(text.utf8))
        default: throw DeltaError(.unsupported, "partition column \(column) has type \(DeltaSchema.typeName(type)), which cannot be a partition column")
        }
    }
}
