/// Reads human-written byte sizes such as `128MB` or `1.5 GiB`.
enum SizeParser {
    static func parse(_ text: String) -> Int64? {
        guard let (whole, fraction, fractionDigits, unit) = NumberWithUnit.split(text.trimmingSpaces()) else {
            return nil
        }
        guard let multiplier = multiplier(for: unit.lowercased()) else { return nil }
        let (product, overflow) = whole.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        var bytes = product
        if fractionDigits > 0 {
            let fractional = Double(fraction) / pow10(fractionDigits) * Double(multiplier)
            guard fractional.isFinite, fractional < 9.0e18 else { return nil }
            let (sum, sumOverflow) = bytes.addingReportingOverflow(Int64(fractional))
            guard !sumOverflow else { return nil }
            bytes = sum
        }
        return bytes
    }

    private static func multiplier(for unit: String) -> Int64? {
        switch unit {
        case "", "b", "byte", "bytes": return 1
        case "kb": return 1_000
        case "mb": return 1_000_000
        case "gb": return 1_000_000_000
        case "tb": return 1_000_000_000_000
        case "pb": return 1_000_000_000_000_000
        case "kib": return 1 << 10
        case "mib": return 1 << 20
        case "gib": return 1 << 30
        case "tib": return 1 << 40
        case "pib": return 1 << 50
        default: return nil
        }
    }

    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
