import LaminarArrow

/// A min and max in Parquet's byte form, and whether truncation made them inexact.
struct EncodedBounds: Hashable {
    var min: [UInt8]
    var max: [UInt8]
    var isMinExact = true
    var isMaxExact = true
}

/// Turns `ColumnStatistics` (computed with the logical type's ordering) into Parquet statistics bytes.
enum StatisticsEncoder {
    /// The bounds of values of `type` written to `column`, or nil when there are none (all null or NaN) or the
    /// bounds cannot be stated (a binary maximum of only 0xFF bytes that would need truncating).
    static func bounds(of stats: ColumnStatistics, type: DataType, column: ColumnDescriptor, truncateTo limit: Int?)
        -> EncodedBounds?
    {
        guard let min = stats.min, let max = stats.max,
              let array = try? makeArray(type: type, scalars: [min, max]),
              let physical = try? PhysicalValues(arrow: array, column: column)
        else { return nil }
        var bounds = EncodedBounds(min: bytes(of: physical, at: 0), max: bytes(of: physical, at: 1))
        switch physical {
        case .float(let values):
            // Readers must not prune a zero away whichever sign it was written with.
            if values.value(at: 0) == 0 { bounds.min = withUnsafeBytes(of: Float(-0.0)) { Array($0) } }
            if values.value(at: 1) == 0 { bounds.max = withUnsafeBytes(of: Float(0.0)) { Array($0) } }
        case .double(let values):
            if values.value(at: 0) == 0 { bounds.min = withUnsafeBytes(of: Double(-0.0)) { Array($0) } }
            if values.value(at: 1) == 0 { bounds.max = withUnsafeBytes(of: Double(0.0)) { Array($0) } }
        case .byteArray:
            guard let limit else { break }
            let isString = type == .utf8
            if bounds.min.count > limit {
                bounds.min = truncatedLowerBound(bounds.min, limit: limit, utf8: isString)
                bounds.isMinExact = false
            }
            if bounds.max.count > limit {
                guard let upper = truncatedUpperBound(bounds.max, limit: limit, utf8: isString) else { return nil }
                bounds.max = upper
                bounds.isMaxExact = false
            }
        default:
            break
        }
        return bounds
    }

    private static func bytes(of values: PhysicalValues, at index: Int) -> [UInt8] {
        switch values {
        case .boolean(let array): [array.value(at: index) ? 1 : 0]
        case .int32(let array): withUnsafeBytes(of: array.value(at: index).littleEndian) { Array($0) }
        case .int64(let array): withUnsafeBytes(of: array.value(at: index).littleEndian) { Array($0) }
        case .float(let array): withUnsafeBytes(of: array.value(at: index)) { Array($0) }
        case .double(let array): withUnsafeBytes(of: array.value(at: index)) { Array($0) }
        case .byteArray(let array): array.withBytes(at: index) { Array($0) }
        case .fixed(let array): array.withBytes(at: index) { Array($0) }
        }
    }

    /// A prefix of at most `limit` bytes, cut at a character boundary for strings.
    static func truncatedLowerBound(_ bytes: [UInt8], limit: Int, utf8: Bool) -> [UInt8] {
        var end = limit
        if utf8 {
            while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        }
        return Array(bytes[..<end])
    }

    /// The smallest value of at most `limit` bytes greater than every value with this prefix: the prefix with
    /// its last byte (or character, for strings) incremented; nil if every position is already at its maximum.
    static func truncatedUpperBound(_ bytes: [UInt8], limit: Int, utf8: Bool) -> [UInt8]? {
        if utf8 {
            var scalars = Array(String(decoding: truncatedLowerBound(bytes, limit: limit, utf8: true),
                                       as: UTF8.self).unicodeScalars)
            while let last = scalars.popLast() {
                var next = last.value + 1
                if (0xD800...0xDFFF).contains(next) { next = 0xE000 }
                if let scalar = Unicode.Scalar(next) {
                    scalars.append(scalar)
                    var result = String.UnicodeScalarView()
                    result.append(contentsOf: scalars)
                    let encoded = Array(String(result).utf8)
                    if encoded.count <= limit { return encoded }
                }
            }
            return nil
        }
        var prefix = Array(bytes[..<limit])
        while let last = prefix.popLast() {
            if last < 0xFF {
                prefix.append(last + 1)
                return prefix
            }
        }
        return nil
    }
}
