import LaminarArrow
import LaminarParquet

/// Column-chunk statistics bounds decoded for people: the footer keeps them PLAIN-encoded (little-endian numbers,
/// raw bytes), so they are read back by the column's physical type and shown by its logical type (dates as
/// dates, decimals with their scale, strings as quoted text, other bytes in hex).
enum StatisticsText {
    /// Longest string or hex rendering shown before it is cut with `…`.
    static let maxLength = 96

    /// `nulls 1, min 1, max 3`, with distinct and NaN counts when the writer recorded them.
    static func summary(_ statistics: Statistics, column: ColumnDescriptor) -> String {
        var parts: [String] = []
        if let nulls = statistics.nullCount { parts.append("nulls \(nulls)") }
        if let distinct = statistics.distinctCount { parts.append("distinct \(distinct)") }
        if let nans = statistics.nanCount { parts.append("NaNs \(nans)") }
        if let min = statistics.minValue { parts.append("min \(value(min, column: column))") }
        if let max = statistics.maxValue { parts.append("max \(value(max, column: column))") }
        if statistics.minValue == nil, statistics.maxValue == nil {
            // Old writers fill only the deprecated fields, whose order is signed for every type.
            if let min = statistics.min { parts.append("min \(value(min, column: column)) (legacy)") }
            if let max = statistics.max { parts.append("max \(value(max, column: column)) (legacy)") }
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// One PLAIN-encoded bound as text, decoded by the library as the reader decodes values; bytes of an
    /// unexpected length print in hex with their count.
    static func value(_ bytes: [UInt8], column: ColumnDescriptor) -> String {
        guard let scalar = column.statisticValue(bytes) else { return unexpected(bytes) }
        switch scalar {
        case .utf8:
            // Truncated bounds from other writers may cut a character; those show as bytes.
            guard let text = String(validating: bytes, as: UTF8.self) else { return hex(bytes) }
            let shown = text.count > maxLength ? String(text.prefix(maxLength)) + "…" : text
            var quoted: [UInt8] = []
            TextBytes.appendJSONString(shown, to: &quoted)
            return String(decoding: quoted, as: UTF8.self)
        case .fixedSizeBinary(let value) where column.element.logicalType == .uuid && value.count == 16:
            let hex = value.map(hexByte).joined()
            let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
                String(hex.dropFirst(range.lowerBound).prefix(range.count))
            }
            return groups.joined(separator: "-")
        case .binary(let value), .fixedSizeBinary(let value):
            return hex(value)
        default:
            return scalar.description
        }
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let shown = bytes.prefix(maxLength / 2)
        return "0x" + shown.map(hexByte).joined() + (shown.count < bytes.count ? "…" : "")
    }

    private static func unexpected(_ bytes: [UInt8]) -> String {
        "\(hex(bytes)) (\(bytes.count) bytes)"
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
