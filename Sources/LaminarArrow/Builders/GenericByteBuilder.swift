/// Builds a `StringArray` or `BinaryArray`.
public final class GenericByteBuilder<Kind: ByteArrayKind>: ArrayBuilder {
    @usableFromInline let offsets: MutableBuffer
    @usableFromInline let bytes: MutableBuffer
    @usableFromInline var validity: BitmapBuilder

    public init(capacity: Int = 0) {
        offsets = MutableBuffer(capacity: (capacity + 1) * 4)
        bytes = MutableBuffer(capacity: capacity * 8)
        validity = BitmapBuilder(capacity: capacity)
        offsets.append(Int32(0))
    }

    public var dataType: DataType { Kind.dataType }
    public var count: Int { validity.count }

    /// Appends one element's bytes. Arrays are limited to 2 GiB of values by their 32-bit offsets.
    @inlinable
    public func append(bytes value: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: value)
        precondition(bytes.byteCount <= Int(Int32.max), "more than 2 GiB of values in one array; split the batch")
        offsets.append(Int32(truncatingIfNeeded: bytes.byteCount))
        validity.append(true)
    }

    public func append(_ value: Kind.Value) {
        Kind.withBytes(of: value) { append(bytes: $0) }
    }

    public func append(_ value: Kind.Value?) {
        if let value { append(value) } else { appendNull() }
    }

    @inlinable
    public func appendNull() {
        offsets.append(Int32(truncatingIfNeeded: bytes.byteCount))
        validity.append(false)
    }

    public func append(_ scalar: ScalarValue) throws(ArrowError) {
        if scalar.isNull { return appendNull() }
        guard let value = Kind.value(of: scalar) else { throw mismatch(scalar, dataType) }
        append(value)
    }

    public func finishTyped() -> GenericByteArray<Kind> {
        let count = self.count
        let array = GenericByteArray<Kind>(
            offsets: offsets.freeze(), values: bytes.freeze(), count: count, validity: validity.finishValidity()
        )
        offsets.append(Int32(0))
        return array
    }

    public func finish() -> any ArrowArray { finishTyped() }
}

public typealias StringBuilder = GenericByteBuilder<UTF8Kind>
public typealias BinaryBuilder = GenericByteBuilder<BinaryKind>
