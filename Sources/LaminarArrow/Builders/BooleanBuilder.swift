/// Builds a `BooleanArray`.
public final class BooleanBuilder: ArrayBuilder {
    @usableFromInline var values: BitmapBuilder
    @usableFromInline var validity: BitmapBuilder

    public init(capacity: Int = 0) {
        values = BitmapBuilder(capacity: capacity)
        validity = BitmapBuilder(capacity: capacity)
    }

    public var dataType: DataType { .boolean }
    public var count: Int { values.count }

    @inlinable
    public func append(_ value: Bool) {
        values.append(value)
        validity.append(true)
    }

    @inlinable
    public func append(_ value: Bool?) {
        if let value { append(value) } else { appendNull() }
    }

    @inlinable
    public func appendNull() {
        values.append(false)
        validity.append(false)
    }

    public func append(_ scalar: ScalarValue) throws(ArrowError) {
        switch scalar {
        case .null: appendNull()
        case .boolean(let value): append(value)
        default: throw mismatch(scalar, .boolean)
        }
    }

    public func finishTyped() -> BooleanArray {
        let count = self.count
        return BooleanArray(values: values.finish(), count: count, validity: validity.finishValidity())
    }

    public func finish() -> any ArrowArray { finishTyped() }
}
