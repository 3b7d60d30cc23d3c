import LaminarArrow
import LaminarCore
import LaminarSQL

/// How one column of a generator source gets its values, from `'fields.<column>.<option>'`.
///
/// Every value is a pure function of (seed, column, row number), so the source can restart at any row and
/// produce exactly what it produced before, which replay after a failure relies on.
struct ColumnGenerator: Sendable {
    enum Rule: Sendable {
        /// `start`, `start + step`, ... up to `end` (inclusive) when set.
        case sequence(start: Int64, step: Int64, end: Int64?)
        /// Uniform integers in `min...max`.
        case integers(min: Int64, max: Int64)
        /// Uniform doubles in `min..<max`.
        case doubles(min: Double, max: Double)
        case booleans
        /// Random letters and digits of a fixed length.
        case text(length: Int)
        /// One of a fixed list, uniformly.
        case choice([ScalarValue])
    }

    let field: Field
    let rule: Rule
    let nullRate: Double
    let salt: UInt64

    /// Rows the column can produce before a sequence runs out; nil when unlimited.
    var rowLimit: Int64? {
        guard case .sequence(let start, let step, let end?) = rule else { return nil }
        guard end >= start else { return 0 }
        // A span wider than Int64 (a sequence over the whole type) is as good as unlimited.
        let (span, overflow) = end.subtractingReportingOverflow(start)
        let (rows, beyond) = (span / step).addingReportingOverflow(1)
        return overflow || beyond ? .max : rows
    }

    func makeArray(rows: Range<Int64>, seed: UInt64) throws(EngineError) -> any ArrowArray {
        if nullRate == 0, let fast = fastArray(rows: rows, seed: seed) { return fast }
        let builder = makeBuilder(for: field.type, capacity: rows.count)
        for row in rows {
            let random = SplitMix64.mix(seed ^ salt ^ UInt64(bitPattern: row))
            if nullRate > 0, Double(random >> 11) / Double(1 << 53) < nullRate {
                builder.appendNull()
                continue
            }
            do {
                try builder.append(try value(row: row, random: SplitMix64.mix(random)))
            } catch {
                throw EngineError(.source, "generating column \(field.name): \(error)")
            }
        }
        return builder.finish()
    }

    /// Typed loops for the common cases (64-bit integers, timestamps, doubles, string choices), which keep a
    /// generator far faster than the pipelines it feeds.
    private func fastArray(rows: Range<Int64>, seed: UInt64) -> (any ArrowArray)? {
        switch (field.type, rule) {
        case (.int64, .sequence(let start, let step, _)), (.timestamp, .sequence(let start, let step, _)):
            return Int64Array(values: rows.map { start &+ $0 &* step }, type: field.type)
        case (.int64, .integers(let low, let high)), (.timestamp, .integers(let low, let high)):
            let span = UInt64(bitPattern: high &- low) &+ 1
            return Int64Array(values: rows.map { row in
                let random = SplitMix64.mix(SplitMix64.mix(seed ^ salt ^ UInt64(bitPattern: row)))
                return low &+ Int64(bitPattern: span == 0 ? random : random % span)
            }, type: field.type)
        case (.float64, .doubles(let low, let high)):
            return Float64Array(values: rows.map { row in
                let random = SplitMix64.mix(SplitMix64.mix(seed ^ salt ^ UInt64(bitPattern: row)))
                return low + (high - low) * (Double(random >> 11) / Double(1 << 53))
            })
        case (.utf8, .choice(let values)):
            let texts = values.map { $0.description }
            let builder = StringBuilder(capacity: rows.count)
            for row in rows {
                let random = SplitMix64.mix(SplitMix64.mix(seed ^ salt ^ UInt64(bitPattern: row)))
                builder.append(texts[Int(random % UInt64(texts.count))])
            }
            return builder.finishTyped()
        default:
            return nil
        }
    }

    private func value(row: Int64, random: UInt64) throws(EngineError) -> ScalarValue {
        switch rule {
        case .sequence(let start, let step, _):
            return try integral(start &+ row &* step)
        case .integers(let low, let high):
            let span = UInt64(bitPattern: high &- low) &+ 1
            let offset = span == 0 ? random : random % span
            return try integral(low &+ Int64(bitPattern: offset))
        case .doubles(let low, let high):
            let unit = Double(random >> 11) / Double(1 << 53)
            return try fractional(low + (high - low) * unit)
        case .booleans:
            return .boolean(random & 1 == 1)
        case .text(let length):
            let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
            var state = random
            var bytes: [UInt8] = []
            bytes.reserveCapacity(length)
            for _ in 0..<length {
                state = SplitMix64.mix(state)
                bytes.append(alphabet[Int(state % UInt64(alphabet.count))])
            }
            return field.type == .binary ? .binary(bytes) : .utf8(String(decoding: bytes, as: UTF8.self))
        case .choice(let values):
            return values[Int(random % UInt64(values.count))]
        }
    }

    /// An integer in the column's type: numbers, dates (days), timestamps (ticks) or text.
    private func integral(_ value: Int64) throws(EngineError) -> ScalarValue {
        switch field.type {
        case .int8: return .int8(Int8(truncatingIfNeeded: value))
        case .int16: return .int16(Int16(truncatingIfNeeded: value))
        case .int32: return .int32(Int32(truncatingIfNeeded: value))
        case .int64: return .int64(value)
        case .uint8: return .uint8(UInt8(truncatingIfNeeded: value))
        case .uint16: return .uint16(UInt16(truncatingIfNeeded: value))
        case .uint32: return .uint32(UInt32(truncatingIfNeeded: value))
        case .uint64: return .uint64(UInt64(bitPattern: value))
        case .float32: return .float32(Float(value))
        case .float64: return .float64(Double(value))
        case .decimal128(let p, let s): return .decimal128(Int128(value), precision: p, scale: s)
        case .date32: return .date32(Int32(truncatingIfNeeded: value))
        case .timestamp(let unit, let zone): return .timestamp(value, unit, timeZone: zone)
        case .time64(let unit): return .time64(value, unit)
        case .utf8: return .utf8(String(value))
        default: throw EngineError(.source, "column \(field.name) of type \(field.type) cannot hold a number")
        }
    }

    private func fractional(_ value: Double) throws(EngineError) -> ScalarValue {
        switch field.type {
        case .float32: return .float32(Float(value))
        case .float64: return .float64(value)
        case .decimal128(let p, let s):
            var scaled = value
            for _ in 0..<s { scaled *= 10 }
            return .decimal128(Int128(scaled.rounded()), precision: p, scale: s)
        default: return try integral(Int64(value.rounded(.down)))
        }
    }
}

/// Sebastiano Vigna's SplitMix64 finalizer: a fast bijective mix, so nearby row numbers give unrelated values.
enum SplitMix64 {
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
