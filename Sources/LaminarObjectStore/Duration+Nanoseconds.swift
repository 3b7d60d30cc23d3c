extension Duration {
    /// Whole nanoseconds, saturating at `Int64`'s bounds: timeouts and delays come from configuration, and an
    /// absurdly long one must mean "forever", not a trap.
    var saturatingNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (sum, sumOverflow) = product.addingReportingOverflow(attoseconds / 1_000_000_000)
        guard !sumOverflow else { return seconds < 0 ? .min : .max }
        return sum
    }
}
