import LaminarArrow

/// The distinct values of one grouping column, one per group, in a typed store.
///
/// A hash table matches a row to a group by hash first and then by value; these stores make the value check
/// a typed comparison against contiguous storage instead of building a `ScalarValue` per row.
protocol GroupKeyColumn: AnyObject {
    /// A comparison of `array[row]` with group `group`'s key, bound to one batch's column.
    func matcher(for array: any ArrowArray) throws(EngineError) -> (_ row: Int, _ group: Int) -> Bool
    /// Stores `array[row]` as the key of the next group.
    func append(from array: any ArrowArray, row: Int)
    /// The keys of `groups`, in that order.
    func build(_ groups: [Int]) throws(EngineError) -> any ArrowArray
}

func makeGroupKeyColumn(for type: DataType) -> any GroupKeyColumn {
    switch type {
    case .int8: PrimitiveKeyColumn<Int8>(type)
    case .int16: PrimitiveKeyColumn<Int16>(type)
    case .int32, .date32: PrimitiveKeyColumn<Int32>(type)
    case .int64, .timestamp, .time64: PrimitiveKeyColumn<Int64>(type)
    case .uint8: PrimitiveKeyColumn<UInt8>(type)
    case .uint16: PrimitiveKeyColumn<UInt16>(type)
    case .uint32: PrimitiveKeyColumn<UInt32>(type)
    case .uint64: PrimitiveKeyColumn<UInt64>(type)
    case .float32: PrimitiveKeyColumn<Float>(type)
    case .float64: PrimitiveKeyColumn<Double>(type)
    case .decimal128: PrimitiveKeyColumn<Int128>(type)
    case .utf8: StringKeyColumn()
    default: ScalarKeyColumn(type)
    }
}

final class PrimitiveKeyColumn<T: ArrowNativeType>: GroupKeyColumn {
    let type: DataType
    @exclusivity(unchecked) var values: [T] = []
    @exclusivity(unchecked) var valid: [Bool] = []

    init(_ type: DataType) { self.type = type }

    func matcher(for array: any ArrowArray) throws(EngineError) -> (Int, Int) -> Bool {
        guard let typed = array as? PrimitiveArray<T> else {
            throw .execution("group key of type \(array.dataType) where \(type) was planned")
        }
        if typed.nullCount == 0 {
            return { row, group in self.valid[group] && T.sqlCompare(typed.value(at: row), self.values[group]) == 0 }
        }
        return { row, group in
            typed.isValid(row)
                ? self.valid[group] && T.sqlCompare(typed.value(at: row), self.values[group]) == 0
                : !self.valid[group]
        }
    }

    func append(from array: any ArrowArray, row: Int) {
        guard let typed = array as? PrimitiveArray<T>, typed.isValid(row) else {
            values.append(T.zero)
            valid.append(false)
            return
        }
        values.append(typed.value(at: row))
        valid.append(true)
    }

    func build(_ groups: [Int]) throws(EngineError) -> any ArrowArray {
        let builder = PrimitiveBuilder<T>(type: type, capacity: groups.count)
        for group in groups { builder.append(valid[group] ? values[group] : nil) }
        return builder.finishTyped()
    }
}

final class StringKeyColumn: GroupKeyColumn {
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var offsets: [Int] = [0]
    @exclusivity(unchecked) var valid: [Bool] = []

    func matcher(for array: any ArrowArray) throws(EngineError) -> (Int, Int) -> Bool {
        guard let strings = array as? StringArray else {
            throw .execution("group key of type \(array.dataType) where string was planned")
        }
        return { row, group in
            guard strings.isValid(row) else { return !self.valid[group] }
            guard self.valid[group] else { return false }
            let start = self.offsets[group]
            let length = self.offsets[group + 1] - start
            return strings.withBytes(at: row) { value in
                value.count == length && self.bytes.withUnsafeBytes { stored in
                    Compute.compareBytes(value, UnsafeRawBufferPointer(rebasing: stored[start..<start + length])) == 0
                }
            }
        }
    }

    func append(from array: any ArrowArray, row: Int) {
        if let strings = array as? StringArray, strings.isValid(row) {
            strings.withBytes(at: row) { bytes.append(contentsOf: $0) }
            valid.append(true)
        } else {
            valid.append(false)
        }
        offsets.append(bytes.count)
    }

    func build(_ groups: [Int]) throws(EngineError) -> any ArrowArray {
        let builder = StringBuilder(capacity: groups.count)
        bytes.withUnsafeBytes { stored in
            for group in groups {
                guard valid[group] else { builder.appendNull(); continue }
                let start = offsets[group]
                builder.append(bytes: UnsafeRawBufferPointer(rebasing: stored[start..<offsets[group + 1]]))
            }
        }
        return builder.finishTyped()
    }
}

/// Any other type (booleans, binaries, nested values), compared as scalars.
final class ScalarKeyColumn: GroupKeyColumn {
    let type: DataType
    @exclusivity(unchecked) var values: [ScalarValue] = []

    init(_ type: DataType) { self.type = type }

    func matcher(for array: any ArrowArray) throws(EngineError) -> (Int, Int) -> Bool {
        { row, group in array.scalar(at: row) == self.values[group] }
    }

    func append(from array: any ArrowArray, row: Int) { values.append(array.scalar(at: row)) }

    func build(_ groups: [Int]) throws(EngineError) -> any ArrowArray {
        do {
            return try makeArray(type: type, scalars: groups.map { values[$0] })
        } catch {
            throw .arrow(error)
        }
    }
}
