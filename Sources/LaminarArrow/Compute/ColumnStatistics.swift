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
        if let extremes = primitiveExtremes(array) {
            (stats.min, stats.max, stats.nanCount) = extremes
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

    /// Dispatches to a loop specialized for each native type; generic code over an opened existential runs
    /// an order of magnitude slower, and writers call this for every page.
    private static func primitiveExtremes(_ array: any ArrowArray) -> (ScalarValue?, ScalarValue?, Int)? {
        switch array {
        case let values as Int64Array: extremes(values)
        case let values as Int32Array: extremes(values)
        case let values as Float64Array: extremes(values)
        case let values as Float32Array: extremes(values)
        case let values as Decimal128Array: extremes(values)
        case let values as Int16Array: extremes(values)
        case let values as Int8Array: extremes(values)
        case let values as UInt64Array: extremes(values)
        case let values as UInt32Array: extremes(values)
        case let values as UInt16Array: extremes(values)
        case let values as UInt8Array: extremes(values)
        case let values as StringArray: byteExtremes(values)
        case let values as BinaryArray: byteExtremes(values)
        default: nil
        }
    }

    /// Min and max of variable-length values in byte order, comparing raw slices of the value buffer; going
    /// through per-row scalars or an ordering closure costs several times more, once per value of every page.
    private static func byteExtremes<Kind>(_ array: GenericByteArray<Kind>) -> (ScalarValue?, ScalarValue?, Int) {
        var minRow = -1
        var maxRow = -1
        withExtendedLifetime(array.valueBuffer) {
            let base = UnsafeRawPointer(array.valueBuffer.baseAddress)
            let checkValidity = array.nullCount > 0
            var low = UnsafeRawBufferPointer(start: base, count: 0)
            var high = low
            var end = array.valueOffset(0)
            for row in 0..<array.count {
                let start = end
                end = array.valueOffset(row + 1)
                if checkValidity, !array.isValid(row) { continue }
                let value = UnsafeRawBufferPointer(start: base + start, count: end - start)
                if minRow < 0 {
                    (minRow, maxRow, low, high) = (row, row, value, value)
                } else if compareBytes(value, low) < 0 {
                    (minRow, low) = (row, value)
                } else if compareBytes(value, high) > 0 {
                    (maxRow, high) = (row, value)
                }
            }
        }
        guard minRow >= 0 else { return (nil, nil, 0) }
        return (array.scalar(at: minRow), array.scalar(at: maxRow), 0)
    }

    /// Min, max and NaN count; only floats have values unequal to themselves (NaN).
    @inline(__always)
    private static func extremes<T: ArrowNativeType>(_ array: PrimitiveArray<T>) -> (ScalarValue?, ScalarValue?, Int) {
        var nans = 0
        var found = false
        let (low, high) = array.withUnsafeValues { values -> (T, T) in
            var low = values.first ?? T.zero
            var high = low
            let checkValidity = array.nullCount > 0
            for row in values.indices {
                if checkValidity, !array.isValid(row) { continue }
                let value = values[row]
                guard value == value else {
                    nans += 1
                    continue
                }
                if !found {
                    low = value
                    high = value
                    found = true
                } else if T.sqlCompare(value, low) < 0 {
                    low = value
                } else if T.sqlCompare(value, high) > 0 {
                    high = value
                }
            }
            return (low, high)
        }
        guard found else { return (nil, nil, nans) }
        return (T.scalar(low, type: array.dataType), T.scalar(high, type: array.dataType), nans)
    }
}
