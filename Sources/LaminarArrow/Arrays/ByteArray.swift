/// What a variable-length byte array holds: UTF-8 text or raw bytes.
public protocol ByteArrayKind: Sendable {
    associatedtype Value: Hashable & Sendable
    static var dataType: DataType { get }
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Value
    static func withBytes<R>(of value: Value, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
    static func scalar(_ value: Value) -> ScalarValue
    static func value(of scalar: ScalarValue) -> Value?
}

public enum UTF8Kind: ByteArrayKind {
    public static var dataType: DataType { .utf8 }
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }
    public static func withBytes<R>(of value: String, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = value
        return try copy.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
    public static func scalar(_ value: String) -> ScalarValue { .utf8(value) }
    public static func value(of scalar: ScalarValue) -> String? {
        if case .utf8(let v) = scalar { v } else { nil }
    }
}

public enum BinaryKind: ByteArrayKind {
    public static var dataType: DataType { .binary }
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> [UInt8] { Array(bytes) }
    public static func withBytes<R>(of value: [UInt8], _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try value.withUnsafeBytes(body)
    }
    public static func scalar(_ value: [UInt8]) -> ScalarValue { .binary(value) }
    public static func value(of scalar: ScalarValue) -> [UInt8]? {
        if case .binary(let v) = scalar { v } else { nil }
    }
}

/// Variable-length values: `count + 1` 32-bit offsets delimit each element's bytes in one value buffer.
public struct GenericByteArray<Kind: ByteArrayKind>: ArrowArray {
    /// Offsets of elements `offset ... offset + count` (inclusive) into `valueBuffer`.
    public let offsetBuffer: Buffer
    public let valueBuffer: Buffer
    public let offset: Int
    public let count: Int
    public let validity: ValidityBitmap
    public let nullCount: Int

    public init(offsets: Buffer, values: Buffer, offset: Int = 0, count: Int, validity: ValidityBitmap = .allValid) {
        precondition(offsets.byteCount >= (offset + count + 1) * 4, "offset buffer too small")
        self.offsetBuffer = offsets
        self.valueBuffer = values
        self.offset = offset
        self.count = count
        self.validity = validity
        self.nullCount = validity.nullCount(count: count)
    }

    public init(_ values: [Kind.Value?]) {
        let builder = GenericByteBuilder<Kind>(capacity: values.count)
        for value in values { builder.append(value) }
        self = builder.finishTyped()
    }

    public var dataType: DataType { Kind.dataType }

    /// Where element `index` starts in the child values; `valueOffset(count)` is where the last one ends.
    @inlinable
    public func valueOffset(_ index: Int) -> Int {
        Int(offsetBuffer.baseAddress.load(fromByteOffset: (offset + index) * 4, as: Int32.self))
    }

    /// The bytes of element `index`, valid inside `body` only.
    @inlinable
    public func withBytes<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) {
            let start = valueOffset(index)
            return try body(UnsafeRawBufferPointer(start: valueBuffer.baseAddress + start,
                                                   count: valueOffset(index + 1) - start))
        }
    }

    /// Length in bytes of element `index`.
    public func byteLength(at index: Int) -> Int { valueOffset(index + 1) - valueOffset(index) }

    public func value(at index: Int) -> Kind.Value { withBytes(at: index) { Kind.decode($0) } }

    public subscript(index: Int) -> Kind.Value? { isValid(index) ? value(at: index) : nil }

    public var values: [Kind.Value?] { (0..<count).map { self[$0] } }

    public func slice(offset start: Int, count length: Int) -> GenericByteArray<Kind> {
        checkSlice(offset: start, count: length)
        return GenericByteArray(
            offsets: offsetBuffer, values: valueBuffer, offset: offset + start, count: length,
            validity: validity.sliced(by: start)
        )
    }

    public func scalar(at index: Int) -> ScalarValue { isValid(index) ? Kind.scalar(value(at: index)) : .null }

    public func replacingValidity(_ validity: ValidityBitmap) -> Self {
        GenericByteArray(offsets: offsetBuffer, values: valueBuffer, offset: offset, count: count, validity: validity)
    }

    public func takeUnchecked(_ indices: UnsafeBufferPointer<Int>) -> GenericByteArray<Kind> {
        let offsets = MutableBuffer(capacity: (indices.count + 1) * 4)
        let bytes = MutableBuffer()
        offsets.append(Int32(0))
        for index in indices {
            withBytes(at: index) { bytes.append(contentsOf: $0) }
            offsets.append(Int32(truncatingIfNeeded: bytes.byteCount))
        }
        return GenericByteArray(
            offsets: offsets.freeze(), values: bytes.freeze(), count: indices.count,
            validity: takeValidity(validity, nullCount: nullCount, indices)
        )
    }

    public static func concatenateUnchecked(_ arrays: [GenericByteArray<Kind>]) -> GenericByteArray<Kind> {
        let total = arrays.reduce(0) { $0 + $1.count }
        let offsets = MutableBuffer(capacity: (total + 1) * 4)
        let bytes = MutableBuffer()
        offsets.append(Int32(0))
        for array in arrays where array.count > 0 {
            let start = array.valueOffset(0)
            let base = Int32(truncatingIfNeeded: bytes.byteCount - start)
            for index in 1...array.count { offsets.append(Int32(truncatingIfNeeded: array.valueOffset(index)) + base) }
            let end = array.valueOffset(array.count)
            withExtendedLifetime(array.valueBuffer) {
                bytes.append(contentsOf: UnsafeRawBufferPointer(start: array.valueBuffer.baseAddress + start,
                                                                count: end - start))
            }
        }
        return GenericByteArray(
            offsets: offsets.freeze(), values: bytes.freeze(), count: total, validity: concatenateValidity(arrays)
        )
    }
}

public typealias StringArray = GenericByteArray<UTF8Kind>
public typealias BinaryArray = GenericByteArray<BinaryKind>
