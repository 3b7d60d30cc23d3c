/// Writes DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY pages; lengths are INT32 in the format, so they are
/// delta-packed with 32-bit wrapping like any INT32 column.
enum DeltaByteArrayEncoder {
    static func encodeLengths(_ values: ByteArrayValues) -> [UInt8] {
        var lengths = DeltaBinaryPackedEncoder(bitWidth: 32)
        for index in 0..<values.count { lengths.append(Int64(values.bytes(at: index).count)) }
        var output = lengths.finish()
        output.append(contentsOf: UnsafeRawBufferPointer(start: values.data.baseAddress, count: values.data.byteCount))
        return output
    }

    static func encodeIncremental(_ values: ByteArrayValues) -> [UInt8] {
        var prefixes = DeltaBinaryPackedEncoder(bitWidth: 32)
        var suffixLengths = DeltaBinaryPackedEncoder(bitWidth: 32)
        var suffixes: [UInt8] = []
        suffixes.reserveCapacity(values.data.byteCount)
        var previous = UnsafeRawBufferPointer(start: nil, count: 0)
        for index in 0..<values.count {
            let value = values.bytes(at: index)
            let prefix = commonPrefixLength(previous, value)
            prefixes.append(Int64(prefix))
            suffixLengths.append(Int64(value.count - prefix))
            suffixes.append(contentsOf: UnsafeRawBufferPointer(rebasing: value[prefix...]))
            previous = value
        }
        var output = prefixes.finish()
        output.append(contentsOf: suffixLengths.finish())
        output.append(contentsOf: suffixes)
        return output
    }

    /// Compares eight bytes at a time; sorted string columns share long prefixes.
    private static func commonPrefixLength(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let limit = min(a.count, b.count)
        guard limit > 0, let left = a.baseAddress, let right = b.baseAddress else { return 0 }
        var index = 0
        while index + 8 <= limit {
            let difference = left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                ^ right.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if difference != 0 { return index + UInt64(littleEndian: difference).trailingZeroBitCount / 8 }
            index += 8
        }
        while index < limit && left.load(fromByteOffset: index, as: UInt8.self)
            == right.load(fromByteOffset: index, as: UInt8.self)
        {
            index += 1
        }
        return index
    }
}
