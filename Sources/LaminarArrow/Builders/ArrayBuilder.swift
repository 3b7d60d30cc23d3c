/// Accumulates values of one data type and freezes them into an array.
///
/// Builders are reference types: a nested builder hands out its child builders, and appending through them must
/// reach the same storage. Typed builders offer allocation-free `append` overloads; `append(_: ScalarValue)`
/// serves code that only knows the type at run time (SQL literals, JSON and CSV readers).
public protocol ArrayBuilder: AnyObject {
    var dataType: DataType { get }
    var count: Int { get }
    func appendNull()
    /// Appends a scalar of the builder's type (or `.null`); other scalars are rejected.
    func append(_ scalar: ScalarValue) throws(ArrowError)
    /// The array built so far; the builder is left empty.
    func finish() -> any ArrowArray
}

/// A builder for any data type.
public func makeBuilder(for type: DataType, capacity: Int = 0) -> any ArrayBuilder {
    switch type {
    case .null: NullBuilder()
    case .boolean: BooleanBuilder(capacity: capacity)
    case .int8: PrimitiveBuilder<Int8>(type: type, capacity: capacity)
    case .int16: PrimitiveBuilder<Int16>(type: type, capacity: capacity)
    case .int32, .date32: PrimitiveBuilder<Int32>(type: type, capacity: capacity)
    case .int64, .time64, .timestamp: PrimitiveBuilder<Int64>(type: type, capacity: capacity)
    case .uint8: PrimitiveBuilder<UInt8>(type: type, capacity: capacity)
    case .uint16: PrimitiveBuilder<UInt16>(type: type, capacity: capacity)
    case .uint32: PrimitiveBuilder<UInt32>(type: type, capacity: capacity)
    case .uint64: PrimitiveBuilder<UInt64>(type: type, capacity: capacity)
    case .float32: PrimitiveBuilder<Float>(type: type, capacity: capacity)
    case .float64: PrimitiveBuilder<Double>(type: type, capacity: capacity)
    case .decimal128: PrimitiveBuilder<Int128>(type: type, capacity: capacity)
    case .utf8: StringBuilder(capacity: capacity)
    case .binary: BinaryBuilder(capacity: capacity)
    case .fixedSizeBinary(let width): FixedSizeBinaryBuilder(byteWidth: width, capacity: capacity)
    case .list, .map: ListBuilder(type: type, capacity: capacity)
    case .struct(let fields): StructBuilder(fields: fields, capacity: capacity)
    }
}

/// An array of `count` nulls of any type.
public func makeNullArray(type: DataType, count: Int) -> any ArrowArray {
    let builder = makeBuilder(for: type, capacity: count)
    for _ in 0..<count { builder.appendNull() }
    return builder.finish()
}

/// Builds an array from scalars of one type; `.null` entries become nulls.
public func makeArray(type: DataType, scalars: [ScalarValue]) throws(ArrowError) -> any ArrowArray {
    let builder = makeBuilder(for: type, capacity: scalars.count)
    for scalar in scalars { try builder.append(scalar) }
    return builder.finish()
}

func mismatch(_ scalar: ScalarValue, _ type: DataType) -> ArrowError {
    .invalidArgument("cannot append \(scalar.dataType) value \(scalar) to a \(type) builder")
}

/// Appends nothing but nulls, for the `null` type.
public final class NullBuilder: ArrayBuilder {
    public private(set) var count = 0

    public init() {}

    public var dataType: DataType { .null }
    public func appendNull() { count += 1 }

    public func append(_ scalar: ScalarValue) throws(ArrowError) {
        guard scalar.isNull else { throw mismatch(scalar, .null) }
        count += 1
    }

    public func finish() -> any ArrowArray {
        defer { count = 0 }
        return NullArray(count: count)
    }
}
