/// An array of the `null` type: every element is null and no buffer is kept.
public struct NullArray: ArrowArray {
    public let count: Int
    /// Arrow's null type has no validity buffer; an all-clear bitmap keeps `isNull` uniform across arrays.
    public let validity: ValidityBitmap

    public init(count: Int) {
        self.count = count
        self.validity = ValidityBitmap(buffer: Buffer(bytes: repeatElement(0, count: Bitmap.byteCount(forBits: count))))
    }

    public var dataType: DataType { .null }
    public var nullCount: Int { count }

    public func slice(offset: Int, count length: Int) -> NullArray {
        checkSlice(offset: offset, count: length)
        return NullArray(count: length)
    }

    public func scalar(at index: Int) -> ScalarValue { .null }

    public func replacingValidity(_ validity: ValidityBitmap) -> NullArray { self }

    public func takeUnchecked(_ indices: UnsafeBufferPointer<Int>) -> NullArray { NullArray(count: indices.count) }

    public static func concatenateUnchecked(_ arrays: [NullArray]) -> NullArray {
        NullArray(count: arrays.reduce(0) { $0 + $1.count })
    }
}
