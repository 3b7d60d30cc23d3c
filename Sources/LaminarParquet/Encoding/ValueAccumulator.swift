import LaminarArrow

/// Collects the non-null values of one column chunk as its pages are decoded, in the physical layout, so the
/// decoders append straight into the buffers the final Arrow array will own.
final class ValueAccumulator {
    let physicalType: PhysicalType
    /// Bytes per value for fixed-width types (INT96 is 12, FIXED_LEN_BYTE_ARRAY its type length).
    let width: Int
    let fixed: MutableBuffer
    @exclusivity(unchecked) var bits = BitmapBuilder()
    let bytes: ByteArrayValues
    /// Bumped once per value; see `MutableBuffer` on why these accesses go unchecked.
    @exclusivity(unchecked) private(set) var count = 0

    /// `byteCapacity` sizes the byte buffer of BYTE_ARRAY columns.
    init(column: ColumnDescriptor, capacity: Int, byteCapacity: Int = 0) {
        physicalType = column.physicalType
        switch column.physicalType {
        case .int32, .float: width = 4
        case .int64, .double: width = 8
        case .int96: width = 12
        case .fixedLenByteArray: width = column.typeLength
        default: width = 0
        }
        let isVariable = column.physicalType == .byteArray
        fixed = MutableBuffer(capacity: isVariable ? 0 : capacity * width)
        bytes = ByteArrayValues(capacity: isVariable ? capacity : 0, byteCapacity: isVariable ? byteCapacity : 0)
    }

    /// Records that `added` values were appended to one of the buffers directly.
    func didAppend(_ added: Int) { count += added }

    func appendBoolean(_ value: Bool) {
        bits.append(value)
        count += 1
    }

    func appendBytes(_ value: UnsafeRawBufferPointer) throws(ParquetError) {
        try bytes.append(value)
        count += 1
    }

    func finish() -> PhysicalValues {
        switch physicalType {
        case .boolean: return .boolean(BooleanArray(values: bits.finish(), count: count))
        case .int32: return .int32(Int32Array(dataType: .int32, values: fixed.freeze(), count: count))
        case .int64: return .int64(Int64Array(dataType: .int64, values: fixed.freeze(), count: count))
        case .float: return .float(Float32Array(dataType: .float32, values: fixed.freeze(), count: count))
        case .double: return .double(Float64Array(dataType: .float64, values: fixed.freeze(), count: count))
        case .byteArray:
            return .byteArray(BinaryArray(offsets: bytes.offsets.freeze(), values: bytes.data.freeze(), count: count))
        default: return .fixed(FixedSizeBinaryArray(byteWidth: width, values: fixed.freeze(), count: count))
        }
    }
}
