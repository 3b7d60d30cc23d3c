/// Logical equality of arrays: same type, same length, nulls in the same places and equal values elsewhere,
/// whatever the offsets and buffer layouts. NaN equals NaN here, so an array equals itself.
extension Compute {
    public static func equals(_ lhs: any ArrowArray, _ rhs: any ArrowArray) -> Bool {
        guard lhs.dataType == rhs.dataType, lhs.count == rhs.count, lhs.nullCount == rhs.nullCount else {
            return false
        }
        guard let ordering = try? orderingFunction(lhs, rhs) else { return false }
        for row in 0..<lhs.count {
            let valid = lhs.isValid(row)
            guard valid == rhs.isValid(row) else { return false }
            if valid, ordering(row, row) != 0 { return false }
        }
        return true
    }
}

extension PrimitiveArray: Equatable {
    public static func == (lhs: PrimitiveArray, rhs: PrimitiveArray) -> Bool { Compute.equals(lhs, rhs) }
}

extension BooleanArray: Equatable {
    public static func == (lhs: BooleanArray, rhs: BooleanArray) -> Bool { Compute.equals(lhs, rhs) }
}

extension GenericByteArray: Equatable {
    public static func == (lhs: GenericByteArray, rhs: GenericByteArray) -> Bool { Compute.equals(lhs, rhs) }
}

extension FixedSizeBinaryArray: Equatable {
    public static func == (lhs: FixedSizeBinaryArray, rhs: FixedSizeBinaryArray) -> Bool { Compute.equals(lhs, rhs) }
}

extension ListArray: Equatable {
    public static func == (lhs: ListArray, rhs: ListArray) -> Bool { Compute.equals(lhs, rhs) }
}

extension StructArray: Equatable {
    public static func == (lhs: StructArray, rhs: StructArray) -> Bool { Compute.equals(lhs, rhs) }
}

extension NullArray: Equatable {
    public static func == (lhs: NullArray, rhs: NullArray) -> Bool { lhs.count == rhs.count }
}

extension RecordBatch: Equatable {
    /// Batches are equal when their schemas and every column are.
    public static func == (lhs: RecordBatch, rhs: RecordBatch) -> Bool {
        lhs.schema == rhs.schema && lhs.rowCount == rhs.rowCount
            && zip(lhs.columns, rhs.columns).allSatisfy { Compute.equals($0, $1) }
    }
}
