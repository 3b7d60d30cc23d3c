/// The variable-length integers of the RLE hybrid run headers and the delta encodings' headers.
///
/// The Thrift reader has its own varint reader, but it throws Thrift's error type and works on its own cursor;
/// page payloads need offsets within the page data and `ParquetError`.
enum LEB128 {
    /// Reads an unsigned LEB128 value at `position` and moves past it; at most ten bytes, as a `UInt64` holds.
    @inline(__always)
    static func read(_ data: UnsafeRawBufferPointer, at position: inout Int) throws(ParquetError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < data.count {
            let byte = data[position]
            position += 1
            guard shift < 63 || byte <= 1 else {
                throw .corruptPage("a varint larger than 64 bits", offset: start)
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw .corruptPage("a varint, but the data ends", offset: start)
    }

    /// Reads a zigzag-encoded signed LEB128 value.
    @inline(__always)
    static func readZigZag(_ data: UnsafeRawBufferPointer, at position: inout Int) throws(ParquetError) -> Int64 {
        let raw = try read(data, at: &position)
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    static func append(_ value: UInt64, to output: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            output.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        output.append(UInt8(rest))
    }

    static func appendZigZag(_ value: Int64, to output: inout [UInt8]) {
        append(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &output)
    }
}
