/// Builds a `FixedSizeBinaryArray`.
public final class FixedSizeBinaryBuilder: ArrayBuilder {
    public let byteWidth: Int
    private let values: MutableBuffer
    private var validity: BitmapBuilder

    public init(byteWidth: Int, capacity: Int = 0) {
        self.byteWidth = byteWidth
        values = MutableBuffer(capacity: capacity * byteWidth)
        validity = BitmapBuilder(capacity: capacity)
    }

    public var dataType: DataType { .fixedSizeBinary(byteWidth: byteWidth) }
    public var count: Int { validity.count }

    /// Appends one value; it must be exactly `byteWidth` bytes.
    public func append(bytes value: UnsafeRawBufferPointer) throws(ArrowError) {
        try checkWidth(value.count)
        values.append(contentsOf: value)
        validity.append(true)
    }

    public func append(_ value: [UInt8]) throws(ArrowError) {
        try checkWidth(value.count)
        values.append(contentsOf: value)
        validity.append(true)
    }

    private func checkWidth(_ count: Int) throws(ArrowError) {
        guard count == byteWidth else {
            throw .invalidArgument("fixed_size_binary[\(byteWidth)] value has \(count) bytes")
        }
    }

    public func appendNull() {
        values.appendZeros(byteWidth)
        validity.append(false)
    }

    public func append(_ scalar: ScalarValue) throws(ArrowError) {
        switch scalar {
        case .null: appendNull()
        case .fixedSizeBinary(let bytes), .binary(let bytes): try append(bytes)
        default: throw mismatch(scalar, dataType)
        }
    }

    public func finishTyped() -> FixedSizeBinaryArray {
        let count = self.count
        return FixedSizeBinaryArray(
            byteWidth: byteWidth, values: values.freeze(), count: count, validity: validity.finishValidity()
        )
    }

    public func finish() -> any ArrowArray { finishTyped() }
}
