/// Fixed-width values (integers, floats, decimals, dates, times, timestamps) in one contiguous buffer.
public struct PrimitiveArray<T: ArrowNativeType>: ArrowArray {
    public let dataType: DataType
    /// Holds at least `offset + count` values.
    public let valueBuffer: Buffer
    /// Index of the first element in `valueBuffer`.
    public let offset: Int
    public let count: Int
    public let validity: ValidityBitmap
    public let nullCount: Int

    /// Wraps existing buffers. `validity` bit `i` describes element `i` of this array.
    public init(dataType: DataType, values: Buffer, offset: Int = 0, count: Int, validity: ValidityBitmap = .allValid) {
        precondition(T.stores(dataType), "\(dataType) is not stored as \(T.self)")
        precondition(values.byteCount >= (offset + count) * MemoryLayout<T>.stride, "value buffer too small")
        self.dataType = dataType
        self.valueBuffer = values
        self.offset = offset
        self.count = count
        self.validity = validity
        self.nullCount = validity.nullCount(count: count)
    }

    /// An array of the given values, `nil` meaning null.
    public init(_ values: [T?], type: DataType = T.defaultDataType) {
        let builder = PrimitiveBuilder<T>(type: type, capacity: values.count)
        for value in values { builder.append(value) }
        self = builder.finishTyped()
    }

    /// An array without nulls, copying the values in one block.
    public init(values: [T], type: DataType = T.defaultDataType) {
        self.init(dataType: type, values: Buffer(values: values), count: values.count)
    }

    /// The value at `index`, ignoring validity (null slots hold an unspecified value).
    @inlinable
    public func value(at index: Int) -> T {
        valueBuffer.baseAddress.load(fromByteOffset: (offset + index) * MemoryLayout<T>.stride, as: T.self)
    }

    @inlinable
    public subscript(index: Int) -> T? { isValid(index) ? value(at: index) : nil }

    /// The array's values as a buffer pointer, valid inside `body` only; null slots hold unspecified values.
    @inlinable
    public func withUnsafeValues<R>(_ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R {
        try withExtendedLifetime(valueBuffer) {
            let base = valueBuffer.baseAddress.assumingMemoryBound(to: T.self) + offset
            return try body(UnsafeBufferPointer(start: base, count: count))
        }
    }

    /// All elements, `nil` for nulls.
    public var values: [T?] { (0..<count).map { self[$0] } }

    public func slice(offset start: Int, count length: Int) -> PrimitiveArray<T> {
        checkSlice(offset: start, count: length)
        return PrimitiveArray(
            dataType: dataType, values: valueBuffer, offset: offset + start, count: length,
            validity: validity.sliced(by: start)
        )
    }

    public func scalar(at index: Int) -> ScalarValue {
        isValid(index) ? T.scalar(value(at: index), type: dataType) : .null
    }

    public func replacingValidity(_ validity: ValidityBitmap) -> Self {
        PrimitiveArray(dataType: dataType, values: valueBuffer, offset: offset, count: count, validity: validity)
    }

    public func takeUnchecked(_ indices: UnsafeBufferPointer<Int>) -> PrimitiveArray<T> {
        let size = indices.count * MemoryLayout<T>.stride
        let output = MutableBuffer(capacity: size)
        withUnsafeValues { source in
            output.append(uninitialized: size) { (raw: UnsafeMutableRawBufferPointer) -> Int in
                let target = raw.bindMemory(to: T.self)
                for (position, index) in indices.enumerated() { target[position] = source[index] }
                return size
            }
        }
        return PrimitiveArray(
            dataType: dataType, values: output.freeze(), count: indices.count,
            validity: takeValidity(validity, nullCount: nullCount, indices)
        )
    }

    public static func concatenateUnchecked(_ arrays: [PrimitiveArray<T>]) -> PrimitiveArray<T> {
        let total = arrays.reduce(0) { $0 + $1.count }
        let output = MutableBuffer(capacity: total * MemoryLayout<T>.stride)
        for array in arrays {
            array.withUnsafeValues { output.append(contentsOf: UnsafeRawBufferPointer($0)) }
        }
        return PrimitiveArray(
            dataType: arrays.first?.dataType ?? T.defaultDataType, values: output.freeze(), count: total,
            validity: concatenateValidity(arrays)
        )
    }
}

public typealias Int8Array = PrimitiveArray<Int8>
public typealias Int16Array = PrimitiveArray<Int16>
public typealias Int32Array = PrimitiveArray<Int32>
public typealias Int64Array = PrimitiveArray<Int64>
public typealias UInt8Array = PrimitiveArray<UInt8>
public typealias UInt16Array = PrimitiveArray<UInt16>
public typealias UInt32Array = PrimitiveArray<UInt32>
public typealias UInt64Array = PrimitiveArray<UInt64>
public typealias Float32Array = PrimitiveArray<Float>
public typealias Float64Array = PrimitiveArray<Double>
/// Unscaled decimal values; precision and scale live in `dataType`.
public typealias Decimal128Array = PrimitiveArray<Int128>
