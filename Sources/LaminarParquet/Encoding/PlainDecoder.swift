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
            // First pass: check every length against the page and size the copy.
            var position = 0
            var total = 0
            for index in 0..<count {
                guard data.count - position >= 4 else {
                    throw .corruptPage("BYTE_ARRAY value \(index) of \(count) lacks its length", offset: position)
                }
                let length = Int(data.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian)
                position += 4
                guard length <= data.count - position else {
                    throw .corruptPage("BYTE_ARRAY value of \(length) bytes runs past the page end", offset: position)
                }
                total += length
                position += length
            }
            guard let source = data.baseAddress else { return 0 }
            try output.bytes.appendBulk(count: count, totalBytes: total) { ends, target, base in
                var read = 0
                var written = 0
                for index in 0..<count {
                    let length = Int(source.loadUnaligned(fromByteOffset: read, as: UInt32.self).littleEndian)
                    (target + written).copyMemory(from: source + read + 4, byteCount: length)
                    read += 4 + length
                    written += length
                    ends[index] = base + Int32(truncatingIfNeeded: written)
                }
            }
            output.didAppend(count)
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
