/// Builds a `PrimitiveArray`, growing its buffers geometrically.
public final class PrimitiveBuilder<T: ArrowNativeType>: ArrayBuilder {
    public let dataType: DataType
    @usableFromInline let values: MutableBuffer
    @usableFromInline var validity: BitmapBuilder

    public init(type: DataType = T.defaultDataType, capacity: Int = 0) {
        precondition(T.stores(type), "\(type) is not stored as \(T.self)")
        self.dataType = type
        self.values = MutableBuffer(capacity: capacity * MemoryLayout<T>.stride)
        self.validity = BitmapBuilder(capacity: capacity)
    }

    public var count: Int { validity.count }

    @inlinable
    public func append(_ value: T) {
        values.append(value)
        validity.append(true)
    }

    @inlinable
    public func append(_ value: T?) {
        if let value { append(value) } else { appendNull() }
    }

    @inlinable
    public func appendNull() {
        values.append(T.zero)
        validity.append(false)
    }

    public func append(_ scalar: ScalarValue) throws(ArrowError) {
        if scalar.isNull { return appendNull() }
        guard scalar.dataType == dataType, let value = T.value(of: scalar) else { throw mismatch(scalar, dataType) }
        append(value)
    }

    public func finishTyped() -> PrimitiveArray<T> {
        let count = self.count
        return PrimitiveArray(
            dataType: dataType, values: values.freeze(), count: count, validity: validity.finishValidity()
        )
    }

    public func finish() -> any ArrowArray { finishTyped() }
}
