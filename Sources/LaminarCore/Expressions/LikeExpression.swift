import LaminarArrow

/// `x [NOT] LIKE pattern` and `ILIKE`, with a constant pattern compiled once.
public struct LikeExpression: PhysicalExpression {
    public let operand: any PhysicalExpression
    public let pattern: String
    public let negated: Bool
    public let caseInsensitive: Bool
    let compiled: LikePattern

    public init(_ operand: any PhysicalExpression, pattern: String, escape: Unicode.Scalar?, negated: Bool,
                caseInsensitive: Bool) {
        self.operand = operand
        self.pattern = pattern
        self.negated = negated
        self.caseInsensitive = caseInsensitive
        self.compiled = LikePattern(caseInsensitive ? pattern.lowercased() : pattern, escape: escape)
    }

    public var dataType: DataType { .boolean }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        let values = try operand.evaluateArray(batch)
        guard let strings = values as? StringArray else {
            throw .execution("LIKE needs a string, found \(values.dataType)")
        }
        var bits = BitmapBuilder(capacity: strings.count)
        for row in 0..<strings.count {
            guard strings.isValid(row) else {
                bits.append(false)
                continue
            }
            let matched: Bool
            if caseInsensitive {
                let lowered = strings.value(at: row).lowercased()
                matched = lowered.utf8.withContiguousStorageIfAvailable { compiled.matches(UnsafeRawBufferPointer($0)) }
                    ?? Array(lowered.utf8).withUnsafeBytes { compiled.matches($0) }
            } else {
                matched = strings.withBytes(at: row) { compiled.matches($0) }
            }
            bits.append(matched != negated)
        }
        return .array(BooleanArray(values: bits.finish(), count: strings.count, validity: strings.validity))
    }

    public var description: String {
        "(\(operand) \(negated ? "NOT " : "")\(caseInsensitive ? "ILIKE" : "LIKE") '\(pattern)')"
    }
}
