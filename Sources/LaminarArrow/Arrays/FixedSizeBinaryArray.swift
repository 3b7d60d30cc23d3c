/// Values of exactly `byteWidth` bytes each (UUIDs, hashes, Parquet's FIXED_LEN_BYTE_ARRAY).
public struct FixedSizeBinaryArray: ArrowArray {
    public let byteWidth: Int
    public let valueBuffer: Buffer
    public let offset: Int
    public let count: Int
    public let validity: ValidityBitmap
    public let nullCount: Int

    public init(byteWidth: Int, values: Buffer, offset: Int = 0, count: Int, validity: ValidityBitmap = .allValid) {
        precondition(byteWidth >= 0 && values.byteCount >= (offset + count) * byteWidth, "value buffer too small")
        self.byteWidth = byteWidth
        self.valueBuffer = values
        self.offset = offset
        self.count = count
        self.validity = validity
        self.nullCount = validity.nullCount(count: count)
    }

    public var dataType: DataType { .fixedSizeBinary(byteWidth: byteWidth) }

    @inlinable
    public func withBytes<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(valueBuffer) {
            try body(UnsafeRawBufferPointer(start: valueBuffer.baseAddress + (offset + index) * byteWidth,
                                            count: byteWidth))
        }
    }

    public func value(at index: Int) -> [UInt8] { withBytes(at: index) { Array($0) } }

    public subscript(index: Int) -> [UInt8]? { isValid(index) ? value(at: index) : nil }

    public func slice(offset start: Int, count length: Int) -> FixedSizeBinaryArray {
        checkSlice(offset: start, count: length)
        return FixedSizeBinaryArray(
            byteWidth: byteWidth, values: valueBuffer, offset: offset + start, count: length,
            validity: validity.sliced(by: start)
        )
    }

    public func scalar(at index: Int) -> ScalarValue { isValid(index) ? .fixedSizeBinary(value(at: index)) : .null }

    public func replacingValidity(_ validity: ValidityBitmap) -> Self {
        FixedSizeBinaryArray(byteWidth: byteWidth, values: valueBuffer, offset: offset, count: count, validity: validity)
    }

    public func takeUnchecked(_ indices: UnsafeBufferPointer<Int>) -> FixedSizeBinaryArray {
        let output = MutableBuffer(capacity: indices.count * byteWidth)
        for index in indices { withBytes(at: index) { output.append(contentsOf: $0) } }
        return FixedSizeBinaryArray(
            byteWidth: byteWidth, values: output.freeze(), count: indices.count,
            validity: takeValidity(validity, nullCount: nullCount, indices)
        )
    }

    public static func concatenateUnchecked(_ arrays: [FixedSizeBinaryArray]) -> FixedSizeBinaryArray {
        let width = arrays.first?.byteWidth ?? 0
        let total = arrays.reduce(0) { $0 + $1.count }
        let output = MutableBuffer(capacity: total * width)
        for array in arrays where array.count > 0 {
            withExtendedLifetime(array.valueBuffer) {
                output.append(contentsOf: UnsafeRawBufferPointer(
                    start: array.valueBuffer.baseAddress + array.offset * width, count: array.count * width))
            }
        }
        return FixedSizeBinaryArray(
            byteWidth: width, values: output.freeze(), count: total, validity: concatenateValidity(arrays)
        )
    }
}
