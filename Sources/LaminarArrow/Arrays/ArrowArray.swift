/// An immutable column of values of one `DataType`, viewing shared buffers.
///
/// Every concrete array is a value type holding references to immutable `Buffer`s plus an offset and a count,
/// so `slice` is O(1) and copies nothing. Kernels in `Compute` dispatch on the concrete type once per array and
/// then run tight loops over the buffers.
public protocol ArrowArray: Sendable, CustomStringConvertible {
    var dataType: DataType { get }
    /// Number of elements, nulls included.
    var count: Int { get }
    var nullCount: Int { get }
    var validity: ValidityBitmap { get }

    /// Elements `[offset, offset + count)` as a new array sharing this one's buffers.
    func slice(offset: Int, count: Int) -> Self

    /// The element at `index` as a scalar; `.null` for null elements.
    func scalar(at index: Int) -> ScalarValue

    /// Gathers the elements at `indices`, which the caller has checked to lie in `0..<count`.
    /// Use `Compute.take`, which checks them.
    func takeUnchecked(_ indices: UnsafeBufferPointer<Int>) -> Self

    /// The same values with another validity bitmap, sharing every buffer; readers use it to mark nulls they
    /// learn about after the values were decoded.
    func replacingValidity(_ validity: ValidityBitmap) -> Self

    /// Joins arrays of this type end to end; the caller has checked that their data types agree.
    /// Use `Compute.concatenate`, which checks them.
    static func concatenateUnchecked(_ arrays: [Self]) -> Self
}

extension ArrowArray {
    @inlinable
    public func isNull(_ index: Int) -> Bool { !validity.isValid(index) }

    @inlinable
    public func isValid(_ index: Int) -> Bool { validity.isValid(index) }

    public var isEmpty: Bool { count == 0 }

    /// Elements in `range`; traps if the range leaves the array, like `Array`'s subscript.
    public func slice(_ range: Range<Int>) -> Self {
        slice(offset: range.lowerBound, count: range.count)
    }

    /// All elements as scalars; for tests, printing and small arrays.
    public var scalars: [ScalarValue] { (0..<count).map { scalar(at: $0) } }

    public var description: String {
        "[" + scalars.map { $0.isNull ? "null" : $0.description }.joined(separator: ", ") + "]"
    }

    /// Checks a slice request; shared by the concrete `slice` implementations.
    func checkSlice(offset: Int, count length: Int) {
        precondition(offset >= 0 && length >= 0 && offset + length <= count,
                     "slice \(offset)..<\(offset + length) out of bounds for \(count) elements")
    }
}

/// Validity of gathered elements: `.allValid` when the source has no nulls, else one bit per index.
func takeValidity(_ validity: ValidityBitmap, nullCount: Int, _ indices: UnsafeBufferPointer<Int>)
    -> ValidityBitmap
{
    guard nullCount > 0 else { return .allValid }
    var builder = BitmapBuilder(capacity: indices.count)
    for index in indices { builder.append(validity.isValid(index)) }
    return builder.finishValidity()
}

/// Validity of arrays joined end to end.
func concatenateValidity(_ arrays: [some ArrowArray]) -> ValidityBitmap {
    guard arrays.contains(where: { $0.nullCount > 0 }) else { return .allValid }
    var builder = BitmapBuilder(capacity: arrays.reduce(0) { $0 + $1.count })
    for array in arrays { builder.append(from: array.validity, count: array.count) }
    return builder.finishValidity()
}
