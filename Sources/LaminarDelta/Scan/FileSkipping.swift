import Foundation
import LaminarArrow

/// A column compared with a constant, which a scan uses to skip files that cannot hold a matching row.
public struct SkippingPredicate: Sendable, Hashable {
    public var column: String
    public var op: ComparisonOperator
    public var value: ScalarValue

    public init(column: String, op: ComparisonOperator, value: ScalarValue) {
        self.column = column
        self.op = op
        self.value = value
    }
}

extension DeltaTable {
    /// Whether `unit` may hold a row satisfying every predicate: partition values are compared exactly;
    /// data columns by the file's `minValues`/`maxValues` (timestamp maxima widened by the millisecond the
    /// statistics truncate, strings compared as their prefixes allow). Anything that cannot be proved
    /// (missing statistics, types that cannot be compared) keeps the file.
    public func mayMatch(_ unit: ReadUnit, _ predicates: [SkippingPredicate]) throws(DeltaError) -> Bool {
        guard !predicates.isEmpty else { return true }
        let schema = try self.schema
        let partitions = Set(try metadata.partitionColumns)
        let mapping = try ColumnMapping(try metadata)
        let bounds = FileBounds(unit.stats)
        for predicate in predicates {
            guard let index = schema.index(ofCaseInsensitive: predicate.column) else { continue }
            let field = schema.fields[index]
            let physical = mapping.physicalName(of: field)
            if partitions.contains(field.name) {
                let text = unit.partitionValues[physical] ?? unit.partitionValues[field.name] ?? nil
                let value = try PartitionValue.scalar(text, type: field.type, column: field.name)
                // A null partition satisfies no comparison.
                guard value != .null else { return false }
                guard let order = Compute.order(value, predicate.value) else { continue }
                if !predicate.op.holds(order) { return false }
                continue
            }
            guard unit.kind == .data || unit.kind == .inserted, let bounds else { continue }
            if bounds.excludes(predicate.op, predicate.value, field: field, physicalName: physical) { return false }
        }
        return true
    }

}

/// A data file's `stats` JSON, parsed once to test predicates against.
struct FileBounds {
    var minimums: [String: JSONValue]
    var maximums: [String: JSONValue]
    var nulls: [String: JSONValue]
    var rows: Int64?

    init?(_ stats: String?) {
        guard let stats, case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(stats.utf8)) else { return nil }
        func members(_ key: String) -> [String: JSONValue] {
            if case .object(let value)? = object[key] { return value }
            return [:]
        }
        minimums = members("minValues")
        maximums = members("maxValues")
        nulls = members("nullCount")
        if case .integer(let count)? = object["numRecords"] { rows = count }
    }

    /// Whether the statistics prove that no row has `column op value` (by its physical name in the stats):
    /// the column is all null, or the value lies outside the bounds. Nothing provable keeps the file.
    func excludes(_ op: ComparisonOperator, _ value: ScalarValue, field: Field, physicalName physical: String) -> Bool {
        if case .integer(let count)? = nulls[physical], let rows, rows > 0, count == rows { return true }
        guard let low = minimums[physical].flatMap({ Self.bound($0, type: field.type, isMax: false) }),
              let high = maximums[physical].flatMap({ Self.bound($0, type: field.type, isMax: true) }),
              let belowMin = Compute.order(value, low), let aboveMax = Compute.order(value, high) else { return false }
        switch op {
        case .equal: return belowMin < 0 || aboveMax > 0
        case .less: return belowMin <= 0
        case .lessOrEqual: return belowMin < 0
        case .greater: return aboveMax >= 0
        case .greaterOrEqual: return aboveMax > 0
        case .notEqual: return false
        }
    }

    /// A statistics bound as a value of the column's type, or nil when it cannot serve as a bound.
    static func bound(_ json: JSONValue, type: DataType, isMax: Bool) -> ScalarValue? {
        switch (type, json) {
        case (.int8, .integer(let value)): return Int8(exactly: value).map { .int8($0) }
        case (.int16, .integer(let value)): return Int16(exactly: value).map { .int16($0) }
        case (.int32, .integer(let value)): return Int32(exactly: value).map { .int32($0) }
        case (.int64, .integer(let value)): return .int64(value)
        case (.float64, .integer(let value)): return .float64(Double(value))
        case (.float64, .number(let value)): return .float64(value)
        case (.float32, .integer(let value)): return .float32(Float(value))
        case (.float32, .number(let value)): return .float32(Float(value))
        case (.date32, .string(let text)): return Temporal.parseDate(text).map { .date32($0) }
        case (.timestamp(let unit, let zone), .string(let text)):
            guard var ticks = Temporal.parseTimestamp(text, unit: unit)?.ticks else { return nil }
            // Spark truncates timestamp statistics to milliseconds: a maximum may be up to 999 µs short.
            if isMax { ticks = ticks.addingReportingOverflow(max(0, unit.ticksPerSecond / 1000 - 1)).partialValue }
            return .timestamp(ticks, unit, timeZone: zone)
        case (.utf8, .string(let text)):
            // A maximum of 32 characters or more may be a truncated prefix from a writer that added no
            // tie-breaker; it bounds nothing then.
            if isMax, text.unicodeScalars.count >= 32, text.unicodeScalars.last != "\u{10FFFF}" { return nil }
            return .utf8(text)
        default: return nil
        }
    }
}
