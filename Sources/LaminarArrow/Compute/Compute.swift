/// Vectorised kernels over arrays and batches. Each kernel checks its inputs, dispatches on the concrete array
/// type once, and then loops over buffers without per-element allocation.
public enum Compute {
    /// The elements at `indices`, in that order; indices may repeat.
    public static func take(_ array: any ArrowArray, indices: [Int]) throws(ArrowError) -> any ArrowArray {
        for index in indices where index < 0 || index >= array.count {
            throw .indexOutOfBounds(index: index, count: array.count)
        }
        return indices.withUnsafeBufferPointer { array.takeUnchecked($0) }
    }

    /// The elements where `mask` is true; null mask entries drop the element, as SQL's `WHERE` does.
    public static func filter(_ array: any ArrowArray, mask: BooleanArray) throws(ArrowError) -> any ArrowArray {
        let indices = try selectedIndices(mask, count: array.count)
        return indices.withUnsafeBufferPointer { array.takeUnchecked($0) }
    }

    /// Rows where `mask` is true.
    public static func filter(_ batch: RecordBatch, mask: BooleanArray) throws(ArrowError) -> RecordBatch {
        let indices = try selectedIndices(mask, count: batch.rowCount)
        return try indices.withUnsafeBufferPointer { buffer throws(ArrowError) in
            try batch.mapColumns(rowCount: indices.count) { $0.takeUnchecked(buffer) }
        }
    }

    /// Rows at `indices`.
    public static func take(_ batch: RecordBatch, indices: [Int]) throws(ArrowError) -> RecordBatch {
        for index in indices where index < 0 || index >= batch.rowCount {
            throw .indexOutOfBounds(index: index, count: batch.rowCount)
        }
        return try indices.withUnsafeBufferPointer { buffer throws(ArrowError) in
            try batch.mapColumns(rowCount: indices.count) { $0.takeUnchecked(buffer) }
        }
    }

    /// Positions of the valid, true entries of a mask.
    public static func selectedIndices(_ mask: BooleanArray, count: Int) throws(ArrowError) -> [Int] {
        guard mask.count == count else {
            throw .invalidArgument("filter mask has \(mask.count) entries for \(count) rows")
        }
        var indices: [Int] = []
        indices.reserveCapacity(mask.trueCount)
        for index in 0..<count where mask.value(at: index) && mask.isValid(index) { indices.append(index) }
        return indices
    }

    /// Joins arrays of one data type end to end.
    public static func concatenate(_ arrays: [any ArrowArray]) throws(ArrowError) -> any ArrowArray {
        guard let first = arrays.first else { throw .invalidArgument("concatenate needs at least one array") }
        for array in arrays where array.dataType != first.dataType {
            throw .invalidArgument("cannot concatenate \(first.dataType) and \(array.dataType) arrays")
        }
        return concatenateSameType(arrays)
    }
}

/// Concatenates arrays already known to share one data type (and so one concrete Swift type).
func concatenateSameType(_ arrays: [any ArrowArray]) -> any ArrowArray {
    func open<A: ArrowArray>(_ first: A) -> any ArrowArray {
        A.concatenateUnchecked(arrays.compactMap { $0 as? A })
    }
    guard let first = arrays.first else { preconditionFailure("concatenate needs at least one array") }
    return open(first)
}
