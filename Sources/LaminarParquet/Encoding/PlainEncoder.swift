import LaminarArrow

/// PLAIN encoding: fixed-width values as their little-endian bytes, booleans one bit each from the least
/// significant bit, BYTE_ARRAY values each behind a 4-byte length.
enum PlainEncoder {
    static func encode(_ values: PhysicalValues, into output: inout [UInt8]) {
        switch values {
        case .boolean(let array):
            packBits(count: array.count, into: &output) { array.value(at: $0) }
        case .int32(let array): appendRaw(array, into: &output)
        case .int64(let array): appendRaw(array, into: &output)
        case .float(let array): appendRaw(array, into: &output)
        case .double(let array): appendRaw(array, into: &output)
        case .fixed(let array):
            guard array.count > 0 else { return }
            withExtendedLifetime(array.valueBuffer) {
                output.append(contentsOf: UnsafeRawBufferPointer(
                    start: array.valueBuffer.baseAddress + array.offset * array.byteWidth,
                    count: array.count * array.byteWidth))
            }
        case .byteArray(let array):
            output.reserveCapacity(output.count + values.plainByteCount)
            for index in 0..<array.count {
                array.withBytes(at: index) { bytes in
                    withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { output.append(contentsOf: $0) }
                    output.append(contentsOf: bytes)
                }
            }
        }
    }

    /// Appends bits least significant first, as PLAIN booleans and bit-packed runs lay them out.
    static func packBits(count: Int, into output: inout [UInt8], _ bit: (Int) -> Bool) {
        var byte: UInt8 = 0
        for index in 0..<count {
            if bit(index) { byte |= 1 << UInt8(index & 7) }
            if index & 7 == 7 {
                output.append(byte)
                byte = 0
            }
        }
        if count & 7 != 0 { output.append(byte) }
    }

    private static func appendRaw<T>(_ array: PrimitiveArray<T>, into output: inout [UInt8]) {
        array.withUnsafeValues { output.append(contentsOf: UnsafeRawBufferPointer($0)) }
    }
}
