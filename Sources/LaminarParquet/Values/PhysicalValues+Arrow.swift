import LaminarArrow

extension PhysicalValues {
    /// The physical form of non-null Arrow values written to `column`. Types sharing a layout are re-wrapped
    /// without copying; narrower integers are widened, unsigned ones keep their bit pattern, second-resolution
    /// times are scaled to milliseconds and decimals take the width the column declares.
    init(arrow array: any ArrowArray, column: ColumnDescriptor) throws(ParquetError) {
        let physical = column.physicalType
        switch (array.dataType, physical) {
        case (.boolean, .boolean):
            guard let values = array as? BooleanArray else { throw Self.mismatch(array, column) }
            self = .boolean(values)
        case (.int32, .int32), (.date32, .int32):
            guard let values = array as? Int32Array else { throw Self.mismatch(array, column) }
            self = .int32(values.reinterpreted(as: .int32))
        case (.int64, .int64), (.time64, .int64), (.timestamp(.millisecond, _), .int64),
             (.timestamp(.microsecond, _), .int64), (.timestamp(.nanosecond, _), .int64):
            guard let values = array as? Int64Array else { throw Self.mismatch(array, column) }
            self = .int64(values.reinterpreted(as: .int64))
        case (.timestamp(.second, _), .int64):
            guard let values = array as? Int64Array else { throw Self.mismatch(array, column) }
            self = .int64(values.mapped(to: .int64) { $0 &* 1000 })
        case (.time64(let unit), .int32):
            guard let values = array as? Int64Array else { throw Self.mismatch(array, column) }
            let scale: Int64 = unit == .second ? 1000 : 1
            self = .int32(values.mapped(to: .int32) { Int32(truncatingIfNeeded: $0 &* scale) })
        case (.int8, .int32): self = .int32(try Self.widened(array, Int8.self, column))
        case (.int16, .int32): self = .int32(try Self.widened(array, Int16.self, column))
        case (.uint8, .int32): self = .int32(try Self.widened(array, UInt8.self, column))
        case (.uint16, .int32): self = .int32(try Self.widened(array, UInt16.self, column))
        case (.uint32, .int32):
            guard let values = array as? UInt32Array else { throw Self.mismatch(array, column) }
            self = .int32(values.mapped(to: .int32) { Int32(bitPattern: $0) })
        case (.uint64, .int64):
            guard let values = array as? UInt64Array else { throw Self.mismatch(array, column) }
            self = .int64(values.mapped(to: .int64) { Int64(bitPattern: $0) })
        case (.float32, .float):
            guard let values = array as? Float32Array else { throw Self.mismatch(array, column) }
            self = .float(values)
        case (.float64, .double):
            guard let values = array as? Float64Array else { throw Self.mismatch(array, column) }
            self = .double(values)
        case (.decimal128, .int32):
            guard let values = array as? Decimal128Array else { throw Self.mismatch(array, column) }
            self = .int32(values.mapped(to: .int32) { Int32(truncatingIfNeeded: $0) })
        case (.decimal128, .int64):
            guard let values = array as? Decimal128Array else { throw Self.mismatch(array, column) }
            self = .int64(values.mapped(to: .int64) { Int64(truncatingIfNeeded: $0) })
        case (.decimal128, .fixedLenByteArray):
            guard let values = array as? Decimal128Array else { throw Self.mismatch(array, column) }
            self = .fixed(Self.bigEndianDecimals(values, width: column.typeLength))
        case (.utf8, .byteArray):
            guard let values = array as? StringArray else { throw Self.mismatch(array, column) }
            self = .byteArray(BinaryArray(offsets: values.offsetBuffer, values: values.valueBuffer,
                                          offset: values.offset, count: values.count))
        case (.binary, .byteArray):
            guard let values = array as? BinaryArray else { throw Self.mismatch(array, column) }
            self = .byteArray(values)
        case (.fixedSizeBinary(let width), .fixedLenByteArray) where width == column.typeLength:
            guard let values = array as? FixedSizeBinaryArray else { throw Self.mismatch(array, column) }
            self = .fixed(values)
        case (.null, .int32):
            self = .int32(Int32Array(values: []))
        default:
            throw Self.mismatch(array, column)
        }
    }

    private static func mismatch(_ array: any ArrowArray, _ column: ColumnDescriptor) -> ParquetError {
        .invalidArgument("cannot write \(array.dataType) values to \(column.physicalType) column \(column.dottedPath)")
    }

    private static func widened<T: ArrowNativeType & FixedWidthInteger>(
        _ array: any ArrowArray, _: T.Type, _ column: ColumnDescriptor
    ) throws(ParquetError) -> Int32Array {
        guard let values = array as? PrimitiveArray<T> else { throw mismatch(array, column) }
        return values.mapped(to: .int32) { Int32(truncatingIfNeeded: $0) }
    }

    private static func bigEndianDecimals(_ values: Decimal128Array, width: Int) -> FixedSizeBinaryArray {
        let output = MutableBuffer(capacity: values.count * width)
        output.append(uninitialized: values.count * width) { (bytes: UnsafeMutableRawBufferPointer) -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            values.withUnsafeValues { decimals in
                for (index, value) in decimals.enumerated() {
                    DecimalBytes.append(value, width: width, to: base + index * width)
                }
            }
            return values.count * width
        }
        return FixedSizeBinaryArray(byteWidth: width, values: output.freeze(), count: values.count)
    }

    /// Arrow values of `type` from the non-null physical values of `column`.
    func arrow(as type: DataType, column: ColumnDescriptor) throws(ParquetError) -> any ArrowArray {
        switch (self, type) {
        case (.boolean(let values), .boolean): return values
        case (.int32(let values), .int32), (.int32(let values), .date32): return values.reinterpreted(as: type)
        case (.int32(let values), .int8): return values.mapped(to: type) { Int8(truncatingIfNeeded: $0) }
        case (.int32(let values), .int16): return values.mapped(to: type) { Int16(truncatingIfNeeded: $0) }
        case (.int32(let values), .uint8): return values.mapped(to: type) { UInt8(truncatingIfNeeded: $0) }
        case (.int32(let values), .uint16): return values.mapped(to: type) { UInt16(truncatingIfNeeded: $0) }
        case (.int32(let values), .uint32): return values.mapped(to: type) { UInt32(bitPattern: $0) }
        case (.int32(let values), .int64): return values.mapped(to: type) { Int64($0) }
        case (.int32(let values), .time64): return values.mapped(to: type) { Int64($0) }
        case (.int32(let values), .decimal128): return values.mapped(to: type) { Int128($0) }
        case (.int64(let values), .int64), (.int64(let values), .time64), (.int64(let values), .timestamp):
            return values.reinterpreted(as: type)
        case (.int64(let values), .uint64): return values.mapped(to: type) { UInt64(bitPattern: $0) }
        case (.int64(let values), .decimal128): return values.mapped(to: type) { Int128($0) }
        case (.float(let values), .float32): return values
        case (.double(let values), .float64): return values
        case (.byteArray(let values), .utf8):
            return StringArray(offsets: values.offsetBuffer, values: values.valueBuffer, offset: values.offset,
                               count: values.count)
        case (.byteArray(let values), .binary): return values
        case (.byteArray(let values), .decimal128):
            return try Self.decimals(count: values.count, type: type, column: column, base: values.valueBuffer) {
                let start = values.valueOffset($0)
                return (start, values.valueOffset($0 + 1) - start)
            }
        case (.fixed(let values), .decimal128):
            let width = values.byteWidth
            return try Self.decimals(count: values.count, type: type, column: column, base: values.valueBuffer) {
                ((values.offset + $0) * width, width)
            }
        case (.fixed(let values), .timestamp(.nanosecond, _)) where column.physicalType == .int96:
            return Self.int96Timestamps(values, type: type)
        case (.fixed(let values), .float32) where values.byteWidth == 2:
            return Self.halfFloats(values)
        case (.fixed(let values), .fixedSizeBinary): return values
        case (_, .null): return NullArray(count: count)
        default:
            throw .unsupported("reading \(column.physicalType) column \(column.dottedPath) as \(type)")
        }
    }

    /// Big-endian decimals at the byte ranges `location` gives, in one loop into an `Int128` buffer.
    @inline(__always)
    private static func decimals(
        count: Int, type: DataType, column: ColumnDescriptor, base: Buffer, location: (Int) -> (Int, Int)
    ) throws(ParquetError) -> any ArrowArray {
        let output = MutableBuffer(capacity: count * 16)
        var failed: Int?
        output.append(uninitialized: count * 16) { (raw: UnsafeMutableRawBufferPointer) -> Int in
            let target = raw.bindMemory(to: Int128.self)
            withExtendedLifetime(base) {
                for index in 0..<count {
                    let (start, length) = location(index)
                    guard let value = DecimalBytes.value(
                        UnsafeRawBufferPointer(start: base.baseAddress + start, count: length))
                    else {
                        failed = index
                        return
                    }
                    target[index] = value
                }
            }
            return count * 16
        }
        if let failed {
            throw .corruptPage("decimal value \(failed) of \(column.dottedPath) does not fit in 128 bits")
        }
        return Decimal128Array(dataType: type, values: output.freeze(), count: count)
    }

    /// INT96 timestamps: nanoseconds within the day, then the Julian day number, both little-endian.
    private static func int96Timestamps(_ values: FixedSizeBinaryArray, type: DataType) -> any ArrowArray {
        let julianDayOfEpoch: Int64 = 2_440_588
        let nanosPerDay: Int64 = 86_400_000_000_000
        let output = MutableBuffer(capacity: values.count * 8)
        for index in 0..<values.count {
            let nanos = values.withBytes(at: index) { $0.loadUnaligned(as: Int64.self) }
            let day = values.withBytes(at: index) { Int64($0.loadUnaligned(fromByteOffset: 8, as: Int32.self)) }
            output.append((day &- julianDayOfEpoch) &* nanosPerDay &+ nanos)
        }
        return Int64Array(dataType: type, values: output.freeze(), count: values.count)
    }

    private static func halfFloats(_ values: FixedSizeBinaryArray) -> any ArrowArray {
        let output = MutableBuffer(capacity: values.count * 4)
        for index in 0..<values.count {
            let bits = values.withBytes(at: index) { $0.loadUnaligned(as: UInt16.self) }
            output.append(Float(halfBits: bits))
        }
        return Float32Array(dataType: .float32, values: output.freeze(), count: values.count)
    }
}

extension Float {
    /// The value of an IEEE 754 binary16 bit pattern, done by hand because `Float16` is unavailable on x86.
    init(halfBits bits: UInt16) {
        let sign: Float = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = Float(bits & 0x3FF)
        switch exponent {
        case 0: self = sign * fraction * 0x1p-24
        case 31: self = fraction == 0 ? sign * .infinity : .nan
        default: self = sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}

extension PrimitiveArray {
    /// The same buffer viewed as another type of the same width; no copy.
    func reinterpreted(as type: DataType) -> PrimitiveArray<T> {
        PrimitiveArray(dataType: type, values: valueBuffer, offset: offset, count: count, validity: validity)
    }

    /// Each value transformed, in one tight loop into a new buffer; validity is kept.
    @inline(__always)
    func mapped<U: ArrowNativeType>(to type: DataType, _ transform: (T) -> U) -> PrimitiveArray<U> {
        let output = MutableBuffer(capacity: count * MemoryLayout<U>.stride)
        output.append(uninitialized: count * MemoryLayout<U>.stride) { (bytes: UnsafeMutableRawBufferPointer) -> Int in
            let target = bytes.bindMemory(to: U.self)
            withUnsafeValues { source in
                for index in source.indices { target[index] = transform(source[index]) }
            }
            return count * MemoryLayout<U>.stride
        }
        return PrimitiveArray<U>(dataType: type, values: output.freeze(), count: count, validity: validity)
    }
}
