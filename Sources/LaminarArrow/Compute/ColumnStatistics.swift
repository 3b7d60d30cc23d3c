/// Summary of one column as file formats record it: Parquet footers, Delta `stats`, Iceberg manifests.
public struct ColumnStatistics: Hashable, Sendable {
    /// Smallest non-null value, nil when the column has none or the type has no defined order (nested types).
    public var min: ScalarValue?
    public var max: ScalarValue?
    public var nullCount: Int
    /// NaNs are left out of min and max, as the Parquet and Iceberg specifications require, and counted here.
    public var nanCount: Int
    public var valueCount: Int

    public init(min: ScalarValue?, max: ScalarValue?, nullCount: Int, nanCount: Int = 0, valueCount: Int) {
        self.min = min
        self.max = max
        self.nullCount = nullCount
        self.nanCount = nanCount
        self.valueCount = valueCount
    }
}

extension Compute {
    /// Min, max, null count and NaN count of a column in one pass.
    public static func statistics(_ array: any ArrowArray) -> ColumnStatistics {
        var stats = ColumnStatistics(min: nil, max: nil, nullCount: array.nullCount, valueCount: array.count)
        if let primitive = array as? any PrimitiveArrayProtocol {
            (stats.min, stats.max, stats.nanCount) = primitiveExtremes(primitive)
            return stats
        }
        guard !array.dataType.isNested, array.dataType != .null else { return stats }
        guard let ordering = try? orderingFunction(array, array) else { return stats }
        var minRow: Int?
        var maxRow: Int?
        for row in 0..<array.count where array.isValid(row) {
            if minRow.map({ ordering(row, $0) < 0 }) ?? true { minRow = row }
            if maxRow.map({ ordering(row, $0) > 0 }) ?? true { maxRow = row }
        }
        stats.min = minRow.map { array.scalar(at: $0) }
        stats.max = maxRow.map { array.scalar(at: $0) }
        return stats
    }

    /// Min, max and NaN count; only floats have values unequal to themselves (NaN).
    private static func primitiveExtremes<P: PrimitiveArrayProtocol>(_ array: P)
        -> (ScalarValue?, ScalarValue?, Int)
    {
        let primitive = array.asPrimitive
        var low: P.Native?
        var high: P.Native?
        var nans = 0
        primitive.withUnsafeValues { values in
            for row in values.indices where primitive.isValid(row) {
                let value = values[row]
                guard value == value else {
                    nans += 1
                    continue
                }
                if low.map({ P.Native.sqlCompare(value, $0) < 0 }) ?? true { low = value }
                if high.map({ P.Native.sqlCompare(value, $0) > 0 }) ?? true { high = value }
            }
        }
        return (low.map { P.Native.scalar($0, type: primitive.dataType) },
                high.map { P.Native.scalar($0, type: primitive.dataType) }, nans)
    }
}
