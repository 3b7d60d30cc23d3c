/// Booleans packed eight to a byte, least significant bit first.
public struct BooleanArray: ArrowArray {
    public let valueBuffer: Buffer
    /// Bit offset of the first element in `valueBuffer`.
    public let offset: Int
    public let count: Int
    public let validity: ValidityBitmap
    public let nullCount: Int

    public init(values: Buffer, offset: Int = 0, count: Int, validity: ValidityBitmap = .allValid) {
        precondition(values.byteCount * 8 >= offset + count, "value bitmap too small")
        self.valueBuffer = values
        self.offset = offset
        self.count = count
        self.validity = validity
        self.nullCount = validity.nullCount(count: count)
    }

    public init(_ values: [Bool?]) {
        let builder = BooleanBuilder(capacity: values.count)
        for value in values { builder.append(value) }
        self = builder.finishTyped()
    }

    public var dataType: DataType { .boolean }

    @inlinable
    public func value(at index: Int) -> Bool { Bitmap.get(valueBuffer.baseAddress, offset + index) }

    @inlinable
    public subscript(index: Int) -> Bool? { isValid(index) ? value(at: index) : nil }

    public var values: [Bool?] { (0..<count).map { self[$0] } }

    /// Number of elements that are valid and true: the row count a filter by this mask keeps.
    public var trueCount: Int {
        guard nullCount > 0 else {
            return Bitmap.countSetBits(valueBuffer.baseAddress, offset: offset, count: count)
        }
        var total = 0
        for index in 0..<count where isValid(index) && value(at: index) { total += 1 }
        return total
    }

    public func slice(offset start: Int, count length: Int) -> BooleanArray {
        checkSlice(offset: start, count: length)
        return BooleanArray(
            values: valueBuffer, offset: offset + start, count: length, validity: validity.sliced(by: start)
        )
    }

    public func scalar(at index: Int) -> ScalarValue { isValid(index) ? .boolean(value(at: index)) : .null }

    public func replacingValidity(_ validity: ValidityBitmap) -> Self {
        BooleanArray(values: valueBuffer, offset: offset, count: count, validity: validity)
    }

    public func takeUnchecked(_ indices: UnsafeBufferPointer<Int>) -> BooleanArray {
        var bits = BitmapBuilder(capacity: indices.count)
        for index in indices { bits.append(value(at: index)) }
        return BooleanArray(
            values: bits.finish(), count: indices.count,
            validity: takeValidity(validity, nullCount: nullCount, indices)
        )
    }

    public static func concatenateUnchecked(_ arrays: [BooleanArray]) -> BooleanArray {
        var bits = BitmapBuilder(capacity: arrays.reduce(0) { $0 + $1.count })
        for array in arrays {
            bits.append(from: ValidityBitmap(buffer: array.valueBuffer, offset: array.offset), count: array.count)
        }
        let count = bits.count
        return BooleanArray(values: bits.finish(), count: count, validity: concatenateValidity(arrays))
    }
}
