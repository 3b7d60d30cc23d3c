/// Decodes PLAIN-encoded values (see `PlainEncoder`), checking every length against the bytes left.
enum PlainDecoder {
    /// Appends `count` values to `output`; returns the bytes consumed.
    @discardableResult
    static func decode(_ data: UnsafeRawBufferPointer, count: Int, into output: ValueAccumulator)
        throws(ParquetError) -> Int
    {
        switch output.physicalType {
        case .boolean:
            guard data.count * 8 >= count else {
                throw .corruptPage("\(count) PLAIN booleans need \((count + 7) / 8) bytes, the page has \(data.count)")
            }
            for index in 0..<count { output.appendBoolean(data[index >> 3] & (1 << UInt8(index & 7)) != 0) }
            return (count + 7) / 8
        case .byteArray:
            var position = 0
            for index in 0..<count {
                guard data.count - position >= 4 else {
                    throw .corruptPage("BYTE_ARRAY value \(index) of \(count) lacks its length", offset: position)
                }
                let length = Int(data.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian)
                position += 4
                guard length <= data.count - position else {
                    throw .corruptPage("BYTE_ARRAY value of \(length) bytes runs past the page end", offset: position)
                }
                try output.appendBytes(UnsafeRawBufferPointer(rebasing: data[position..<(position + length)]))
                position += length
            }
            return position
        default:
            let byteCount = count * output.width
            guard count <= data.count / max(output.width, 1), let base = data.baseAddress else {
                if count == 0 || output.width == 0 { return 0 }
                throw .corruptPage("\(count) PLAIN values of \(output.width) bytes exceed the page's \(data.count)")
            }
            output.fixed.append(contentsOf: UnsafeRawBufferPointer(start: base, count: byteCount))
            output.didAppend(count)
            return byteCount
        }
    }
}
