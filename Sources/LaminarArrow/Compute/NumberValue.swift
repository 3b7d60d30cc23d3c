/// One numeric element read from any numeric or boolean array, the common currency of numeric casts.
enum NumberValue {
    case signed(Int64)
    case unsigned(UInt64)
    case float(Double)
    case decimal(Int128, scale: Int)

    /// The value truncated toward zero as an integer, or nil when it is not finite.
    var integerPart: Int128? {
        switch self {
        case .signed(let v): return Int128(v)
        case .unsigned(let v): return Int128(v)
        case .float(let v): return v.isFinite && abs(v) < 1.7e38 ? Int128(v.rounded(.towardZero)) : nil
        case .decimal(let v, let scale):
            if scale >= 0 { return v / pow10(scale) }
            let (result, overflow) = v.multipliedReportingOverflow(by: pow10(-scale))
            return overflow ? nil : result
        }
    }

    var doubleValue: Double {
        switch self {
        case .signed(let v): Double(v)
        case .unsigned(let v): Double(v)
        case .float(let v): v
        case .decimal(let v, let scale): Double(v) / pow10Double(scale)
        }
    }

    /// The value as an unscaled decimal at `scale`, rounding half away from zero; nil on overflow.
    func unscaled(scale: Int) -> Int128? {
        switch self {
        case .signed(let v): return Self.rescale(Int128(v), from: 0, to: scale)
        case .unsigned(let v): return Self.rescale(Int128(v), from: 0, to: scale)
        case .decimal(let v, let from): return Self.rescale(v, from: from, to: scale)
        case .float(let v):
            let scaled = (v * pow10Double(scale)).rounded(.toNearestOrAwayFromZero)
            guard scaled.isFinite, abs(scaled) < 1e38 else { return nil }
            return Int128(scaled)
        }
    }

    static func rescale(_ value: Int128, from: Int, to: Int) -> Int128? {
        if to >= from {
            let (result, overflow) = value.multipliedReportingOverflow(by: pow10(to - from))
            return overflow ? nil : result
        }
        let divisor = pow10(from - to)
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        if remainder.magnitude * 2 >= divisor.magnitude { return quotient + (value < 0 ? -1 : 1) }
        return quotient
    }
}

func pow10(_ exponent: Int) -> Int128 {
    var result: Int128 = 1
    for _ in 0..<min(max(exponent, 0), 38) { result *= 10 }
    return result
}

func pow10Double(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent >= 0 ? result : 1 / result
}
