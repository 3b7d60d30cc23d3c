import Foundation
import LaminarArrow
import LaminarCore
import LaminarSQL

/// `type = 'generator'`: synthetic rows from the declared columns, in the style of Flink's `datagen`.
///
/// Source options: `rows_per_second` (unlimited when absent), `max_rows` (unbounded when absent),
/// `seed`, `batch_size`. Column options `'fields.<column>.<option>'`: `kind` (`sequence` or `random`),
/// `start`/`end`/`step` for sequences, `min`/`max` for random numbers, dates and timestamps, `length` for
/// random strings, `values` (a comma-separated list to pick from), `null_rate` (0 to 1).
///
/// Defaults: integers are random over their type's range, doubles random in [0, 1), strings random of
/// length 10, dates and timestamps a sequence from 2024-01-01 advancing one day or one tick per
/// `1 / rows_per_second` seconds (1 ms when unpaced), so event time moves forward as a stream's should.
public struct GeneratorConnector: SourceConnector {
    public let type = "generator"

    static let keys = ["rows_per_second", "max_rows", "seed", "batch_size"]
    static let columnOptions = ["kind", "start", "end", "step", "min", "max", "length", "values", "null_rate"]

    public init() {}

    public func prepare(_ definition: SourceDefinition) async throws(SQLError) -> any PreparedSource {
        let options = try ConnectorOptions(definition.options, connector: type, keys: Self.keys, prefixes: ["fields."])
        guard let schema = definition.columns, !schema.fields.isEmpty else {
            throw SQLError(kind: .semantic, message: "a generator source needs its columns declared: CREATE SOURCE \(definition.name) (col type, ...) WITH (...)",
                           location: .unknown)
        }
        let rate = try options.double("rows_per_second")
        if let rate, !(rate > 0) { throw options.invalid("rows_per_second", "must be positive") }
        let maxRows = try options.int("max_rows")
        if let maxRows, maxRows < 0 { throw options.invalid("max_rows", "must not be negative") }
        let batchSize = try options.int("batch_size") ?? 8192
        guard batchSize > 0, batchSize <= 1 << 20 else { throw options.invalid("batch_size", "must be 1 to 1048576") }
        let seed = try options.int("seed") ?? 0

        let perColumn = options.family("fields.")
        var columns: [ColumnGenerator] = []
        for (index, field) in schema.fields.enumerated() {
            columns.append(try makeColumn(field, index: index, options: perColumn, rate: rate, seed: UInt64(bitPattern: seed)))
        }
        let known = Set(schema.fields.map { $0.name.lowercased() })
        for key in perColumn.keys {
            let parts = key.split(separator: ".", maxSplits: 1)
            guard parts.count == 2, known.contains(String(parts[0])), Self.columnOptions.contains(String(parts[1])) else {
                throw options.invalid("fields.\(key)", "expected 'fields.<column>.<option>' with a declared column and one of \(Self.columnOptions.joined(separator: ", "))")
            }
        }
        var limit = maxRows
        for column in columns {
            if let columnLimit = column.rowLimit { limit = min(limit ?? .max, columnLimit) }
        }
        return PreparedGenerator(schema: schema, columns: columns, rowLimit: limit, rowsPerSecond: rate,
                                 batchSize: Int(batchSize), seed: UInt64(bitPattern: seed))
    }

    private func makeColumn(_ field: Field, index: Int, options: [String: WithOption], rate: Double?, seed: UInt64)
        throws(SQLError) -> ColumnGenerator
    {
        let prefix = field.name.lowercased() + "."
        func option(_ name: String) -> WithOption? { options[prefix + name] }
        func key(_ name: String) -> String { "fields.\(field.name).\(name)" }
        let salt = SplitMix64.mix(UInt64(index + 1) &* 0x9E37_79B9)
        let nullRate = try option("null_rate")?.double() ?? 0
        guard (0...1).contains(nullRate) else { throw invalid(key("null_rate"), "must be between 0 and 1", option("null_rate")) }

        if let values = option("values") {
            var choices: [ScalarValue] = []
            for part in try values.string().split(separator: ",", omittingEmptySubsequences: false) {
                let text = part.trimmingCharacters(in: .whitespaces)
                do {
                    let cast = try Compute.cast(StringArray([text]), to: field.type)
                    choices.append(cast.scalar(at: 0))
                } catch {
                    throw invalid(key("values"), "'\(text)' is not a \(field.type)", values)
                }
            }
            guard !choices.isEmpty else { throw invalid(key("values"), "needs at least one value", values) }
            return ColumnGenerator(field: field, rule: .choice(choices), nullRate: nullRate, salt: salt)
        }

        let temporal = field.type == .date32 || { if case .timestamp = field.type { true } else { false } }()
        let defaultKind = temporal ? "sequence" : "random"
        let kind = try option("kind")?.string().lowercased() ?? defaultKind
        switch kind {
        case "sequence":
            guard field.type.isNumeric || temporal || field.type == .utf8 else {
                throw invalid(key("kind"), "a sequence needs a number, date, timestamp or string column; \(field.name) is \(field.type)", option("kind"))
            }
            var start: Int64 = temporal ? defaultStart(field) : 0
            if let given = try bound(option("start"), field, key("start")) { start = given }
            let end = try bound(option("end"), field, key("end"))
            let step = try self.step(option("step"), field, key("step"), rate: rate)
            guard step > 0 else { throw invalid(key("step"), "must be positive", option("step")) }
            return ColumnGenerator(field: field, rule: .sequence(start: start, step: step, end: end), nullRate: nullRate, salt: salt)
        case "random":
            switch field.type {
            case .boolean:
                return ColumnGenerator(field: field, rule: .booleans, nullRate: nullRate, salt: salt)
            case .utf8, .binary:
                let length = try option("length")?.int() ?? 10
                guard (0...1_000_000).contains(length) else { throw invalid(key("length"), "must be 0 to 1000000", option("length")) }
                return ColumnGenerator(field: field, rule: .text(length: Int(length)), nullRate: nullRate, salt: salt)
            case .float32, .float64, .decimal128:
                let low = try option("min")?.double() ?? 0
                let high = try option("max")?.double() ?? 1
                guard low <= high else { throw invalid(key("min"), "is above max", option("min")) }
                return ColumnGenerator(field: field, rule: .doubles(min: low, max: high), nullRate: nullRate, salt: salt)
            default:
                let range = integerRange(field.type)
                let low = try bound(option("min"), field, key("min")) ?? range.lowerBound
                let high = try bound(option("max"), field, key("max")) ?? range.upperBound
                guard low <= high else { throw invalid(key("min"), "is above max", option("min")) }
                return ColumnGenerator(field: field, rule: .integers(min: low, max: high), nullRate: nullRate, salt: salt)
            }
        default:
            throw invalid(key("kind"), "must be 'sequence' or 'random', found '\(kind)'", option("kind"))
        }
    }

    private func integerRange(_ type: DataType) -> ClosedRange<Int64> {
        switch type {
        case .int8: Int64(Int8.min)...Int64(Int8.max)
        case .int16: Int64(Int16.min)...Int64(Int16.max)
        case .int32: Int64(Int32.min)...Int64(Int32.max)
        case .uint8: 0...Int64(UInt8.max)
        case .uint16: 0...Int64(UInt16.max)
        case .uint32: 0...Int64(UInt32.max)
        case .date32: Temporal.daysFromCivil(year: 2000, month: 1, day: 1)...Temporal.daysFromCivil(year: 2030, month: 12, day: 31)
        case .timestamp(let unit, _): timestampRange(unit)
        case .time64(let unit): 0...(ticksPerDay(unit) - 1)
        default: Int64.min...Int64.max
        }
    }

    private func ticksPerDay(_ unit: TimeUnit) -> Int64 { Temporal.secondsPerDay * unit.ticksPerSecond }

    /// Random timestamps default to 2000 through 2030, like dates, rather than every representable tick.
    private func timestampRange(_ unit: TimeUnit) -> ClosedRange<Int64> {
        let first = Temporal.daysFromCivil(year: 2000, month: 1, day: 1) * ticksPerDay(unit)
        let end = Temporal.daysFromCivil(year: 2031, month: 1, day: 1) * ticksPerDay(unit)
        return first...(end - 1)
    }

    /// A bound in the column's own terms: a number, or date/timestamp text for temporal columns.
    private func bound(_ option: WithOption?, _ field: Field, _ key: String) throws(SQLError) -> Int64? {
        guard let option else { return nil }
        switch field.type {
        case .date32:
            guard let days = Temporal.parseDate(try option.string()) else { throw invalid(key, "expected a date such as '2024-01-31'", option) }
            return Int64(days)
        case .timestamp(let unit, _):
            guard let parsed = Temporal.parseTimestamp(try option.string(), unit: unit) else {
                throw invalid(key, "expected a timestamp such as '2024-01-31 09:30:00'", option)
            }
            return parsed.ticks
        default:
            return try option.int()
        }
    }

    private func defaultStart(_ field: Field) -> Int64 {
        let days = Temporal.daysFromCivil(year: 2024, month: 1, day: 1)
        if case .timestamp(let unit, _) = field.type { return days * Temporal.secondsPerDay * unit.ticksPerSecond }
        return days
    }

    /// A sequence step: a number, or for timestamps an interval such as `'100 ms'`.
    private func step(_ option: WithOption?, _ field: Field, _ key: String, rate: Double?) throws(SQLError) -> Int64 {
        guard case .timestamp(let unit, _) = field.type else { return try option?.int() ?? 1 }
        let perSecond = Double(unit.ticksPerSecond)
        if let option {
            if case .number = option.value { return try option.int() }
            let duration = try option.duration()
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return max(1, Int64((seconds * perSecond).rounded()))
        }
        return max(1, Int64((perSecond / (rate ?? 1000)).rounded()))
    }

    private func invalid(_ key: String, _ message: String, _ option: WithOption?) -> SQLError {
        SQLError(kind: .invalidOption, message: "option '\(key)': \(message)", location: option?.valueLocation ?? .unknown)
    }
}
