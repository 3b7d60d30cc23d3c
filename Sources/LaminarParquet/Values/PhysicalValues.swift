import LaminarArrow

/// Non-null leaf values in their Parquet physical representation, as Arrow arrays so that both directions
/// share buffers with the arrays users hand in or get back.
///
/// INT96 and FIXED_LEN_BYTE_ARRAY both travel as `fixed`; the column's physical type tells them apart.
enum PhysicalValues: Sendable {
    case boolean(BooleanArray)
    case int32(Int32Array)
    case int64(Int64Array)
    case float(Float32Array)
    case double(Float64Array)
    case byteArray(BinaryArray)
    case fixed(FixedSizeBinaryArray)

    var count: Int { array.count }

    var array: any ArrowArray {
        switch self {
        case .boolean(let array): array
        case .int32(let array): array
        case .int64(let array): array
        case .float(let array): array
        case .double(let array): array
        case .byteArray(let array): array
        case .fixed(let array): array
        }
    }

    func slice(offset: Int, count: Int) -> PhysicalValues {
        switch self {
        case .boolean(let array): .boolean(array.slice(offset: offset, count: count))
        case .int32(let array): .int32(array.slice(offset: offset, count: count))
        case .int64(let array): .int64(array.slice(offset: offset, count: count))
        case .float(let array): .float(array.slice(offset: offset, count: count))
        case .double(let array): .double(array.slice(offset: offset, count: count))
        case .byteArray(let array): .byteArray(array.slice(offset: offset, count: count))
        case .fixed(let array): .fixed(array.slice(offset: offset, count: count))
        }
    }

    /// Bytes of the values PLAIN-encoded, used to size pages before encoding them.
    var plainByteCount: Int {
        switch self {
        case .boolean(let array): (array.count + 7) / 8
        case .int32(let array): array.count * 4
        case .float(let array): array.count * 4
        case .int64(let array): array.count * 8
        case .double(let array): array.count * 8
        case .byteArray(let array):
            array.count == 0 ? 0 : array.valueOffset(array.count) - array.valueOffset(0) + 4 * array.count
        case .fixed(let array): array.count * array.byteWidth
        }
    }
}
