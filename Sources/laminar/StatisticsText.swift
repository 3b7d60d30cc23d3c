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

    /// One PLAIN-encoded bound as text; bytes of an unexpected length print in hex with their count.
    static func value(_ bytes: [UInt8], column: ColumnDescriptor) -> String {
        let element = column.element
        let logical = element.logicalType
        let converted = element.convertedType
        switch column.physicalType {
        case .boolean:
            guard bytes.count == 1 else { return unexpected(bytes) }
            return bytes[0] != 0 ? "true" : "false"
        case .int32:
            guard let value = littleEndian(bytes, as: UInt32.self) else { return unexpected(bytes) }
            let signed = Int32(bitPattern: value)
            if let scale = decimalScale(element) { return DecimalFormat.string(Int128(signed), scale: scale) }
            if logical == .date || logical == nil && converted == .date { return Temporal.formatDate(signed) }
            if case .time(_, let unit) = logical { return Temporal.formatTime(Int64(signed), unit: unit) }
            if logical == nil, converted == .timeMillis {
                return Temporal.formatTime(Int64(signed), unit: .millisecond)
            }
            return isUnsigned(element) ? String(value) : String(signed)
        case .int64:
            guard let value = littleEndian(bytes, as: UInt64.self) else { return unexpected(bytes) }
            let signed = Int64(bitPattern: value)
            if let scale = decimalScale(element) { return DecimalFormat.string(Int128(signed), scale: scale) }
            switch (logical, converted) {
            case (.timestamp(let utc, let unit)?, _): return Temporal.formatTimestamp(signed, unit: unit, utc: utc)
            case (.time(_, let unit)?, _): return Temporal.formatTime(signed, unit: unit)
            case (nil, .timestampMillis?): return Temporal.formatTimestamp(signed, unit: .millisecond, utc: true)
            case (nil, .timestampMicros?): return Temporal.formatTimestamp(signed, unit: .microsecond, utc: true)
            case (nil, .timeMicros?): return Temporal.formatTime(signed, unit: .microsecond)
            default: return isUnsigned(element) ? String(value) : String(signed)
            }
        case .int96:
            // Nanoseconds of the day, then the Julian day, both little-endian (Impala's and Spark's timestamps).
            guard bytes.count == 12, let nanos = littleEndian(Array(bytes[0..<8]), as: UInt64.self),
                  let julian = littleEndian(Array(bytes[8..<12]), as: UInt32.self),
                  nanos < 86_400 * 1_000_000_000
            else { return unexpected(bytes) }
            let day = Int64(Int32(bitPattern: julian)) - 2_440_588
            let (dayNanos, overflow) = day.multipliedReportingOverflow(by: 86_400 * 1_000_000_000)
            let (ticks, overflow2) = dayNanos.addingReportingOverflow(Int64(nanos))
            guard !overflow, !overflow2 else { return unexpected(bytes) }
            return Temporal.formatTimestamp(ticks, unit: .nanosecond, utc: false)
        case .float:
            guard let value = littleEndian(bytes, as: UInt32.self) else { return unexpected(bytes) }
            return String(Float(bitPattern: value))
        case .double:
            guard let value = littleEndian(bytes, as: UInt64.self) else { return unexpected(bytes) }
            return String(Double(bitPattern: value))
        default:
            return byteArray(bytes, element: element)
        }
    }

    private static func byteArray(_ bytes: [UInt8], element: SchemaElement) -> String {
        let logical = element.logicalType
        let converted = element.convertedType
        if let scale = decimalScale(element) {
            guard let unscaled = bigEndianSigned(bytes) else { return unexpected(bytes) }
            return DecimalFormat.string(unscaled, scale: scale)
        }
        let isText = logical == .string || logical == .json || logical == .enum
            || logical == nil && (converted == .utf8 || converted == .json || converted == .enum)
        if isText, let text = String(validating: bytes, as: UTF8.self) {
            let shown = text.count > maxLength ? String(text.prefix(maxLength)) + "…" : text
            var quoted: [UInt8] = []
            TextBytes.appendJSONString(shown, to: &quoted)
            return String(decoding: quoted, as: UTF8.self)
        }
        if logical == .uuid, bytes.count == 16 {
            let hex = bytes.map(hexByte).joined()
            let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
                String(hex.dropFirst(range.lowerBound).prefix(range.count))
            }
            return groups.joined(separator: "-")
        }
        if logical == .float16, bytes.count == 2 {
            return String(halfToFloat(UInt16(bytes[0]) | UInt16(bytes[1]) << 8))
        }
        return hex(bytes)
    }

    private static func decimalScale(_ element: SchemaElement) -> Int? {
        if case .decimal(let scale, _) = element.logicalType { return Int(scale) }
        if element.logicalType == nil, element.convertedType == .decimal { return Int(element.scale ?? 0) }
        return nil
    }

    private static func isUnsigned(_ element: SchemaElement) -> Bool {
        if case .integer(_, let signed) = element.logicalType { return !signed }
        guard element.logicalType == nil, let converted = element.convertedType else { return false }
        return converted == .uint8 || converted == .uint16 || converted == .uint32 || converted == .uint64
    }

    private static func littleEndian<T: FixedWidthInteger>(_ bytes: [UInt8], as _: T.Type) -> T? {
        guard bytes.count == MemoryLayout<T>.size else { return nil }
        var value: T = 0
        for byte in bytes.reversed() { value = value << 8 | T(byte) }
        return value
    }

    /// Big-endian two's complement, as decimals are stored in byte arrays; nil beyond 128 bits.
    private static func bigEndianSigned(_ bytes: [UInt8]) -> Int128? {
        guard let first = bytes.first else { return 0 }
        var significant = bytes[...]
        let sign: UInt8 = first & 0x80 != 0 ? 0xFF : 0
        while significant.count > 16, significant.first == sign { significant.removeFirst() }
        guard significant.count <= 16 else { return nil }
        var value: Int128 = sign == 0xFF ? -1 : 0
        for byte in significant { value = value << 8 | Int128(byte) }
        return value
    }

    /// IEEE 754 half precision, widened by hand so it works where `Float16` is unavailable.
    private static func halfToFloat(_ bits: UInt16) -> Float {
        let sign: Float = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int(bits >> 10 & 0x1F)
        let fraction = Float(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * Float(sign: .plus, exponent: -24, significand: 1)
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
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
