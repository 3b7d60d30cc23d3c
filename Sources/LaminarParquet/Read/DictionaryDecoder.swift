import LaminarArrow

/// Decodes RLE_DICTIONARY (and the older PLAIN_DICTIONARY) data pages: a bit-width byte, then RLE/bit-packed
/// indices, each checked against the dictionary's size before it is looked up.
enum DictionaryDecoder {
    /// Indices decoded per round; bounds the scratch memory whatever the page claims.
    private static let batch = 4096

    static func decode(_ data: UnsafeRawBufferPointer, count: Int, dictionary: PhysicalValues,
                       into output: ValueAccumulator) throws(ParquetError)
    {
        guard count > 0 else { return }
        guard let bitWidthByte = data.first else { throw .corruptPage("dictionary indices lack their bit width") }
        var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: data[1...]), bitWidth: Int(bitWidthByte))
        var scratch = [Int32](repeating: 0, count: min(count, batch))
        var remaining = count
        while remaining > 0 {
            let wanted = min(remaining, scratch.count)
            let decoded = try scratch.withParquetElements { buffer throws(ParquetError) -> Int in
                try decoder.decode(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<wanted]))
            }
            guard decoded == wanted else {
                throw .corruptPage("dictionary indices end after \(count - remaining + decoded) of \(count) values")
            }
            try scratch.withParquetElements { buffer throws(ParquetError) in
                try gather(UnsafeBufferPointer(rebasing: buffer[0..<wanted]), from: dictionary, into: output)
            }
            remaining -= wanted
        }
    }

    private static func gather(_ indices: UnsafeBufferPointer<Int32>, from dictionary: PhysicalValues,
                               into output: ValueAccumulator) throws(ParquetError)
    {
        let size = dictionary.count
        for index in indices where UInt32(bitPattern: index) >= UInt32(size) {
            throw ParquetError(.dictionaryIndexOutOfRange(index: Int(index), size: size))
        }
        switch dictionary {
        case .int32(let values): gatherFixed(indices, values, into: output)
        case .int64(let values): gatherFixed(indices, values, into: output)
        case .float(let values): gatherFixed(indices, values, into: output)
        case .double(let values): gatherFixed(indices, values, into: output)
        case .boolean(let values):
            for index in indices { output.appendBoolean(values.value(at: Int(index))) }
        case .fixed(let values):
            let width = values.byteWidth
            output.fixed.append(uninitialized: indices.count * width) { (target: UnsafeMutableRawBufferPointer) -> Int in
                guard let base = target.baseAddress else { return 0 }
                withExtendedLifetime(values.valueBuffer) {
                    let source = values.valueBuffer.baseAddress + values.offset * width
                    for (position, index) in indices.enumerated() {
                        (base + position * width).copyMemory(from: source + Int(index) * width, byteCount: width)
                    }
                }
                return indices.count * width
            }
            output.didAppend(indices.count)
        case .byteArray(let values):
            var total = 0
            for index in indices { total += values.valueOffset(Int(index) + 1) - values.valueOffset(Int(index)) }
            let source = values.valueBuffer.baseAddress
            try output.bytes.appendBulk(count: indices.count, totalBytes: total) { ends, target, base in
                var written = 0
                for (position, index) in indices.enumerated() {
                    let start = values.valueOffset(Int(index))
                    let length = values.valueOffset(Int(index) + 1) - start
                    (target + written).copyMemory(from: source + start, byteCount: length)
                    written += length
                    ends[position] = base + Int32(truncatingIfNeeded: written)
                }
            }
            output.didAppend(indices.count)
            withExtendedLifetime(values) {}
        }
    }

    private static func gatherFixed<T: BitwiseCopyable>(_ indices: UnsafeBufferPointer<Int32>, _ values: PrimitiveArray<T>,
                                                        into output: ValueAccumulator)
    {
        let stride = MemoryLayout<T>.stride
        output.fixed.append(uninitialized: indices.count * stride) { (target: UnsafeMutableRawBufferPointer) -> Int in
            let typed = target.bindMemory(to: T.self)
            values.withUnsafeValues { source in
                for (position, index) in indices.enumerated() { typed[position] = source[Int(index)] }
            }
            return indices.count * stride
        }
        output.didAppend(indices.count)
    }
}
