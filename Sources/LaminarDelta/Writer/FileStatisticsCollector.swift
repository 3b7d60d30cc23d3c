import Foundation
import LaminarArrow

/// Gathers a data file's `add.stats` while its batches are written: `numRecords`, and per column the
/// `nullCount`, `minValues` and `maxValues` Spark and delta-rs record, for the first `indexedColumns` leaf
/// columns (`delta.dataSkippingNumIndexedCols`; -1 for all).
///
/// As in Spark, min and max are kept only for types readers skip on (numbers, dates, timestamps, strings),
/// timestamps are truncated to milliseconds, and strings to a 32-character prefix, with the maximum raised
/// past every string that shares the prefix.
public struct FileStatisticsCollector: Sendable {
    /// One leaf column: its path in the data schema and its running summary.
    struct Leaf: Sendable {
        var path: [String]
        var type: DataType
        var min: ScalarValue?
        var max: ScalarValue?
        var nullCount: Int64 = 0
    }

    static let stringPrefixLength = 32

    public private(set) var numRecords: Int64 = 0
    var leaves: [Leaf] = []

    /// Statistics for files of `schema` (the data columns, without partition columns).
    public init(schema: Schema, indexedColumns: Int) {
        var leaves: [Leaf] = []
        func visit(_ field: Field, _ path: [String]) {
            if indexedColumns >= 0, leaves.count >= indexedColumns { return }
            if case .struct(let children) = field.type {
                for child in children { visit(child, path + [child.name]) }
            } else {
                leaves.append(Leaf(path: path, type: field.type))
            }
        }
        for field in schema.fields { visit(field, [field.name]) }
        self.leaves = leaves
    }

    public mutating func add(_ batch: RecordBatch) {
        numRecords += Int64(batch.rowCount)
        for index in leaves.indices {
            guard let (array, parents) = Self.column(leaves[index].path, in: batch) else { continue }
            leaves[index].nullCount += Int64(Self.nullCount(array, under: parents))
            guard Self.keepsBounds(leaves[index].type) else { continue }
            let summary = Compute.statistics(array)
            if let low = summary.min, leaves[index].min.map({ (Compute.order(low, $0) ?? 0) < 0 }) ?? true { leaves[index].min = low }
            if let high = summary.max, leaves[index].max.map({ (Compute.order(high, $0) ?? 0) > 0 }) ?? true { leaves[index].max = high }
        }
    }

    /// The leaf array at `path`, and the structs above it that have nulls.
    static func column(_ path: [String], in batch: RecordBatch) -> (any ArrowArray, [StructArray])? {
        guard let first = path.first, var array = batch.column(named: first) else { return nil }
        var parents: [StructArray] = []
        for name in path.dropFirst() {
            guard let parent = array as? StructArray, let child = parent.child(named: name) else { return nil }
            if parent.nullCount > 0 { parents.append(parent) }
            array = child
        }
        return (array, parents)
    }

    /// Nulls of a leaf, where a field under a null struct counts as null.
    static func nullCount(_ array: any ArrowArray, under parents: [StructArray]) -> Int {
        guard !parents.isEmpty else { return array.nullCount }
        var count = 0
        for row in 0..<array.count where array.isNull(row) || parents.contains(where: { $0.isNull(row) }) { count += 1 }
        return count
    }

    static func keepsBounds(_ type: DataType) -> Bool {
        switch type {
        case .int8, .int16, .int32, .int64, .float32, .float64, .decimal128, .date32, .timestamp, .utf8: true
        default: false
        }
    }

    /// The `stats` JSON string, keys in schema order.
    public func json() -> String {
        var text = "{\"numRecords\":\(numRecords)"
        var minimums = JSONObjectText()
        var maximums = JSONObjectText()
        var nulls = JSONObjectText()
        for leaf in leaves {
            nulls.set(leaf.path, String(leaf.nullCount))
            if let low = leaf.min, let value = Self.json(low, isMax: false) { minimums.set(leaf.path, value) }
            if let high = leaf.max, let value = Self.json(high, isMax: true) { maximums.set(leaf.path, value) }
        }
        text += ",\"minValues\":" + minimums.text + ",\"maxValues\":" + maximums.text + ",\"nullCount\":" + nulls.text + "}"
        return text
    }

    /// A bound as JSON, or nil when it cannot be written faithfully (an infinite float).
    static func json(_ value: ScalarValue, isMax: Bool) -> String? {
        switch value {
        case .int8, .int16, .int32, .int64, .decimal128: return value.description
        case .float32(let number): return number.isFinite ? value.description : nil
        case .float64(let number): return number.isFinite ? value.description : nil
        case .date32: return JSONObjectText.quote(value.description)
        case .timestamp(let ticks, let unit, let zone):
            let millis = unit == .second ? ticks.multipliedReportingOverflow(by: 1000).partialValue
                : Temporal.floorDivide(ticks, unit.ticksPerSecond / 1000).quotient
            return JSONObjectText.quote(Temporal.formatTimestamp(millis, unit: .millisecond, utc: zone != nil))
        case .utf8(let text):
            let scalars = text.unicodeScalars
            guard scalars.count > stringPrefixLength else { return JSONObjectText.quote(text) }
            var prefix = String(String.UnicodeScalarView(scalars.prefix(stringPrefixLength)))
            if isMax { prefix.unicodeScalars.append("\u{10FFFF}") }
            return JSONObjectText.quote(prefix)
        default: return nil
        }
    }
}

/// A nested JSON object written as text in insertion order, for stats whose numbers (decimals, 64-bit
/// integers) must keep every digit.
struct JSONObjectText {
    private var keys: [String] = []
    private var values: [String: Entry] = [:]

    private enum Entry {
        case value(String)
        case object(JSONObjectText)
    }

    mutating func set(_ path: [String], _ value: String) {
        guard let first = path.first else { return }
        if values[first] == nil { keys.append(first) }
        if path.count == 1 {
            values[first] = .value(value)
        } else {
            var child: JSONObjectText
            if case .object(let existing)? = values[first] { child = existing } else { child = JSONObjectText() }
            child.set(Array(path.dropFirst()), value)
            values[first] = .object(child)
        }
    }

    var text: String {
        var parts: [String] = []
        for key in keys {
            switch values[key] {
            case .value(let value)?: parts.append(Self.quote(key) + ":" + value)
            case .object(let child)?: parts.append(Self.quote(key) + ":" + child.text)
            case nil: break
            }
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func quote(_ text: String) -> String {
        guard let data = try? JSONEncoder().encode(text) else { return "\"\"" }
        return String(decoding: data, as: UTF8.self)
    }
}
