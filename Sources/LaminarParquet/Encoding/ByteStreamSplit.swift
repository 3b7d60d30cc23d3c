/// BYTE_STREAM_SPLIT: byte `k` of every value goes to stream `k`, and the streams are stored one after another.
///
/// The format has no header, so the stream length is the page's value count: `data.count / width`. A caller
/// that wants fewer values (a page read partly) still gets the right bytes, because the stride comes from the
/// data, not from `count`. Widths 4 and 8 (FLOAT, DOUBLE, INT32, INT64) assemble whole values in a register.
enum ByteStreamSplit {
    static func decode(_ data: UnsafeRawBufferPointer, width: Int, count: Int, into output: UnsafeMutableRawPointer)
        throws(ParquetError)
    {
        guard width > 0, count > 0 else { return }
        guard count <= data.count / width, let input = data.baseAddress else {
            throw .corruptPage("\(count) BYTE_STREAM_SPLIT values of \(width) bytes, the page has \(data.count)")
        }
        guard data.count % width == 0 else {
            throw .corruptPage("BYTE_STREAM_SPLIT data of \(data.count) bytes is not a multiple of the \(width)-byte width")
        }
        let stride = data.count / width
        let bytes = input.assumingMemoryBound(to: UInt8.self)
        switch width {
        case 4:
            for index in 0..<count {
                var value = UInt32(bytes[index])
                value |= UInt32(bytes[stride + index]) << 8
                value |= UInt32(bytes[2 * stride + index]) << 16
                value |= UInt32(bytes[3 * stride + index]) << 24
                output.storeBytes(of: value.littleEndian, toByteOffset: index * 4, as: UInt32.self)
            }
        case 8:
            for index in 0..<count {
                var value: UInt64 = 0
                for stream in 0..<8 { value |= UInt64(bytes[stream * stride + index]) << UInt64(stream * 8) }
                output.storeBytes(of: value.littleEndian, toByteOffset: index * 8, as: UInt64.self)
            }
        default:
            let out = output.assumingMemoryBound(to: UInt8.self)
            for stream in 0..<width {
                let source = bytes + stream * stride
                for index in 0..<count { out[index * width + stream] = source[index] }
            }
        }
    }

    /// Splits `values.count / width` values of `width` bytes into streams.
    static func encode(_ values: UnsafeRawBufferPointer, width: Int) -> [UInt8] {
        guard width > 0, let input = values.baseAddress else { return [] }
        let count = values.count / width
        let bytes = input.assumingMemoryBound(to: UInt8.self)
        return [UInt8](unsafeUninitializedCapacity: count * width) { output, initialized in
            guard let out = output.baseAddress else { return }
            switch width {
            case 4:
                for index in 0..<count {
                    let value = UInt32(littleEndian: input.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                    for stream in 0..<4 { out[stream * count + index] = UInt8(truncatingIfNeeded: value >> UInt32(stream * 8)) }
                }
            case 8:
                for index in 0..<count {
                    let value = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                    for stream in 0..<8 { out[stream * count + index] = UInt8(truncatingIfNeeded: value >> UInt64(stream * 8)) }
                }
            default:
                for stream in 0..<width {
                    let target = out + stream * count
                    for index in 0..<count { target[index] = bytes[index * width + stream] }
                }
            }
            initialized = count * width
        }
    }
}
