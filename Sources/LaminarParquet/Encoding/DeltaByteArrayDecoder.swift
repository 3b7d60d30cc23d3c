/// Reads DELTA_LENGTH_BYTE_ARRAY (lengths, then the bytes back to back) and DELTA_BYTE_ARRAY (prefix lengths,
/// then the suffixes as DELTA_LENGTH_BYTE_ARRAY).
///
/// The bytes start where the delta-packed integers end, which is only known once all of them were read. Rather
/// than hold every length in memory (a page of empty strings packs millions of lengths into a few bytes), a copy
/// of the decoder skips ahead to find the end, then the lengths are decoded again in small chunks alongside the
/// bytes they measure; skipping touches only block headers, so the second pass costs little.
enum DeltaByteArrayDecoder {
    /// Lengths decoded per chunk: large enough to amortise the decoder call, small enough for the stack.
    private static let chunkSize = 256

    /// Appends the first `count` values of a DELTA_LENGTH_BYTE_ARRAY page.
    static func decodeLengths(_ data: UnsafeRawBufferPointer, count: Int, into values: ByteArrayValues)
        throws(ParquetError)
    {
        var lengths = try integers(data, count: count, what: "lengths")
        var position = try endOffset(of: lengths)
        try forEachChunk(of: &lengths, count: count) { (chunk) throws(ParquetError) in
            for rawLength in chunk {
                let length = try validLength(rawLength, remaining: data.count - position, at: position)
                try values.append(UnsafeRawBufferPointer(rebasing: data[position..<(position + length)]))
                position += length
            }
        }
    }

    /// Appends the first `count` values of a DELTA_BYTE_ARRAY page: each value is that many bytes of the
    /// previous value followed by its suffix.
    static func decodeIncremental(_ data: UnsafeRawBufferPointer, count: Int, into values: ByteArrayValues)
        throws(ParquetError)
    {
        var prefixes = try integers(data, count: count, what: "prefix lengths")
        let suffixStart = try endOffset(of: prefixes)
        let suffixData = UnsafeRawBufferPointer(rebasing: data[suffixStart...])
        var suffixLengths = try integers(suffixData, count: count, what: "suffix lengths")
        var position = suffixStart + (try endOffset(of: suffixLengths))
        // The value being built; it keeps the previous value's bytes, of which the next prefix is a part.
        var current: [UInt8] = []
        try forEachChunk(of: &prefixes, count: count) { (prefixChunk) throws(ParquetError) in
            try withUnsafeTemporaryAllocation(of: Int64.self, capacity: prefixChunk.count) {
                (suffixChunk) throws(ParquetError) in
                guard try suffixLengths.decode(into: suffixChunk) == suffixChunk.count else {
                    throw .corruptPage("as many suffix lengths as prefix lengths", offset: suffixStart)
                }
                for (rawPrefix, rawSuffix) in zip(prefixChunk, suffixChunk) {
                    let prefix = Int32(truncatingIfNeeded: rawPrefix)
                    guard prefix >= 0, Int(prefix) <= current.count else {
                        throw .corruptPage(
                            "a prefix length of 0 to \(current.count) (the previous value's length), found \(prefix)",
                            offset: suffixStart)
                    }
                    let length = try validLength(rawSuffix, remaining: data.count - position, at: position)
                    current.removeLast(current.count - Int(prefix))
                    current.append(contentsOf: UnsafeRawBufferPointer(rebasing: data[position..<(position + length)]))
                    try current.withUnsafeBufferPointer { (bytes) throws(ParquetError) in
                        try values.append(UnsafeRawBufferPointer(bytes))
                    }
                    position += length
                }
            }
        }
    }

    /// A decoder for the page's delta-packed integers, checked to hold at least `count` of them.
    private static func integers(_ data: UnsafeRawBufferPointer, count: Int, what: String) throws(ParquetError)
        -> DeltaBinaryPackedDecoder
    {
        let decoder = try DeltaBinaryPackedDecoder(data)
        guard decoder.totalCount >= count else {
            throw .corruptPage("\(count) \(what), the encoding holds \(decoder.totalCount)", offset: 0)
        }
        return decoder
    }

    /// Where the integers `decoder` has not read yet end.
    private static func endOffset(of decoder: DeltaBinaryPackedDecoder) throws(ParquetError) -> Int {
        var skipping = decoder
        try skipping.skipRemaining()
        return skipping.bytesConsumed
    }

    /// Calls `body` with the next `count` integers of `decoder`, a chunk at a time.
    private static func forEachChunk(
        of decoder: inout DeltaBinaryPackedDecoder, count: Int,
        _ body: (UnsafeBufferPointer<Int64>) throws(ParquetError) -> Void
    ) throws(ParquetError) {
        try withUnsafeTemporaryAllocation(of: Int64.self, capacity: chunkSize) { (chunk) throws(ParquetError) in
            var remaining = count
            while remaining > 0 {
                let wanted = UnsafeMutableBufferPointer(rebasing: chunk[0..<min(remaining, chunkSize)])
                guard try decoder.decode(into: wanted) == wanted.count else {
                    throw .corruptPage("\(count) delta-packed integers", offset: decoder.bytesConsumed)
                }
                try body(UnsafeBufferPointer(wanted))
                remaining -= wanted.count
            }
        }
    }

    /// Lengths are INT32 on disk, so only the low 32 bits of the wrapping 64-bit decode count.
    @inline(__always)
    private static func validLength(_ raw: Int64, remaining: Int, at position: Int) throws(ParquetError) -> Int {
        let length = Int(Int32(truncatingIfNeeded: raw))
        guard length >= 0, length <= remaining else {
            throw .corruptPage("a byte-array length of 0 to \(remaining) (the bytes left), found \(length)",
                               offset: position)
        }
        return length
    }
}
