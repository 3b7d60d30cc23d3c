import LaminarArrow

/// Narrows the type of a text column sample by sample, as DuckDB's CSV sniffer does.
///
/// Every candidate starts possible and is struck out by the first sample it cannot read, so the result is the
/// narrowest type that accepts every sample: boolean, then int64, float64, date32, timestamp without zone,
/// timestamp with a zone (stored as UTC), and utf8 when nothing else is left.
struct TextTypeSniffer: Sendable {
    private static let boolean: UInt8 = 1 << 0
    private static let int64: UInt8 = 1 << 1
    private static let float64: UInt8 = 1 << 2
    private static let date: UInt8 = 1 << 3
    private static let timestamp: UInt8 = 1 << 4
    private static let zonedTimestamp: UInt8 = 1 << 5
    private static let temporal: UInt8 = date | timestamp | zonedTimestamp

    private var candidates: UInt8
    /// Whether any non-null sample was seen; an all-null column has nothing to narrow and stays utf8.
    private(set) var sawValue = false

    /// A sniffer for CSV fields, where any scalar type may hide in the text.
    static func forCSV() -> TextTypeSniffer { TextTypeSniffer(candidates: 0x3F) }

    /// A sniffer for JSON strings: numbers and booleans have their own JSON syntax, so a quoted `"12"` stays
    /// text, while dates and timestamps (which JSON cannot spell otherwise) are recognised, as DuckDB's
    /// `read_json` does.
    static func forJSONString() -> TextTypeSniffer { TextTypeSniffer(candidates: temporal) }

    private init(candidates: UInt8) { self.candidates = candidates }

    mutating func observe(_ raw: UnsafeBufferPointer<UInt8>) {
        sawValue = true
        guard candidates != 0 else { return }
        let value = ByteParsing.trimmed(raw)
        if candidates & Self.boolean != 0, !Self.isBoolean(value) { candidates &= ~Self.boolean }
        if candidates & Self.int64 != 0, ByteParsing.int64(value) == nil { candidates &= ~Self.int64 }
        if candidates & Self.float64 != 0, !ByteParsing.isDecimalLiteral(value) { candidates &= ~Self.float64 }
        if candidates & Self.temporal != 0 { observeTemporal(value) }
    }

    /// Merges what another sniffer saw of the same column.
    mutating func merge(_ other: TextTypeSniffer) {
        if !other.sawValue { return }
        if !sawValue {
            self = other
            return
        }
        candidates &= other.candidates
    }

    private mutating func observeTemporal(_ value: UnsafeBufferPointer<UInt8>) {
        // Every date starts with a digit or a year sign and has at least `Y-M-D`; skip the parse otherwise.
        guard value.count >= 5, let first = value.first,
              ByteParsing.isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
        else {
            candidates &= ~Self.temporal
            return
        }
        let text = String(decoding: value, as: UTF8.self)
        if candidates & Self.date != 0, Temporal.parseDate(text) == nil { candidates &= ~Self.date }
        if candidates & (Self.timestamp | Self.zonedTimestamp) != 0 {
            let parsed = Temporal.parseTimestamp(text, unit: .microsecond)
            if parsed == nil || parsed?.hadZone == true { candidates &= ~Self.timestamp }
            if parsed == nil || parsed?.hadZone == false { candidates &= ~Self.zonedTimestamp }
        }
    }

    private static func isBoolean(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        func matches(_ word: StaticString) -> Bool {
            guard value.count == word.utf8CodeUnitCount else { return false }
            let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            for (byte, letter) in zip(value, expected) where byte | 0x20 != letter { return false }
            return true
        }
        return matches("true") || matches("false")
    }

    /// The narrowest surviving type; utf8 when none survives or no value was seen.
    var resolvedType: DataType {
        guard sawValue else { return .utf8 }
        if candidates & Self.boolean != 0 { return .boolean }
        if candidates & Self.int64 != 0 { return .int64 }
        if candidates & Self.float64 != 0 { return .float64 }
        if candidates & Self.date != 0 { return .date32 }
        if candidates & Self.timestamp != 0 { return .timestamp(.microsecond, timeZone: nil) }
        if candidates & Self.zonedTimestamp != 0 { return .timestamp(.microsecond, timeZone: "UTC") }
        return .utf8
    }
}
