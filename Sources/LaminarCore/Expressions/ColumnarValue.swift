import LaminarArrow

/// The result of evaluating an expression over a batch: a column, or one value standing for every row.
///
/// Keeping constants as scalars lets `price > 100` run the array-versus-scalar kernel instead of
/// first materialising a column of hundreds.
public enum ColumnarValue: Sendable {
    case array(any ArrowArray)
    case scalar(ScalarValue)

    /// The value as a column of `count` rows; a scalar is repeated.
    public func array(count: Int, type: DataType) throws(EngineError) -> any ArrowArray {
        switch self {
        case .array(let array): return array
        case .scalar(let scalar): return try ColumnarValue.broadcast(scalar, type: type, count: count)
        }
    }

    static func broadcast(_ scalar: ScalarValue, type: DataType, count: Int) throws(EngineError) -> any ArrowArray {
        if scalar.isNull { return makeNullArray(type: type, count: count) }
        do {
            let one = try makeArray(type: type, scalars: [scalar])
            if count == 1 { return one }
            return try Compute.take(one, indices: [Int](repeating: 0, count: count))
        } catch {
            throw .arrow(error)
        }
    }
}
