/// Reads DELTA_BINARY_PACKED integers, on their own or as the lengths inside the delta byte-array encodings.
///
/// The byte-array encodings put their bytes straight after the integers, so `bytesConsumed` must land exactly
/// on the end of the encoding once `totalCount` values are out. The spec lets the last block leave out the
/// miniblocks it does not need (their bit widths are then arbitrary), so the decoder never looks at a block or
/// miniblock until it needs a value from it: the end is the end of the last miniblock that held a value.
/// All arithmetic wraps, which restores INT32 columns too once the caller truncates the results. The decoder
/// reads `data` in place, so the bytes must outlive it.
struct DeltaBinaryPackedDecoder {
    private let data: UnsafeRawBufferPointer
    let totalCount: Int
    private let miniblocksPerBlock: Int
    private let valuesPerMiniblock: Int
    private let firstValue: Int64
    /// Offset just past everything read so far.
    private(set) var bytesConsumed: Int
    private var decodedCount = 0
    private var lastValue: Int64 = 0
    private var minDelta: Int64 = 0
    /// Where the current block's bit widths start.
    private var bitWidthsOffset = 0
    private var miniblockIndex = 0
    private var miniblockWidth = 0
    private var miniblockStart = 0
    /// Values of the current miniblock handed out; starts as if the last miniblock of a block were done, so
    /// the first delta opens a block.
    private var miniblockPosition: Int

    init(_ data: UnsafeRawBufferPointer) throws(ParquetError) {
        self.data = data
        var position = 0
        let blockSize = try LEB128.read(data, at: &position)
        let miniblocks = try LEB128.read(data, at: &position)
        let total = try LEB128.read(data, at: &position)
        firstValue = try LEB128.readZigZag(data, at: &position)
        // Real writers use 128 or 256; the cap keeps every size computed below far from overflow.
        guard blockSize > 0, blockSize % 128 == 0, blockSize <= UInt64(Int32.max) else {
            throw .corruptPage("a delta block size that is a positive multiple of 128, found \(blockSize)", offset: 0)
        }
        guard miniblocks > 0, blockSize % miniblocks == 0, (blockSize / miniblocks) % 32 == 0 else {
            throw .corruptPage(
                "a miniblock count dividing the block size \(blockSize) into multiples of 32, found \(miniblocks)",
                offset: 0)
        }
        guard total <= UInt64(Int.max) else {
            throw .corruptPage("a delta value count that fits in 64 bits, found \(total)", offset: 0)
        }
        totalCount = Int(total)
        miniblocksPerBlock = Int(miniblocks)
        valuesPerMiniblock = Int(blockSize / miniblocks)
        miniblockPosition = valuesPerMiniblock
        miniblockIndex = miniblocksPerBlock - 1
        bytesConsumed = position
    }

    /// Fills `output` from its start; returns how many values were written, fewer than `output.count` only
    /// once all `totalCount` values are out. Throws if the data ends before that.
    mutating func decode(into output: UnsafeMutableBufferPointer<Int64>) throws(ParquetError) -> Int {
        guard let base = output.baseAddress else { return 0 }
        var written = 0
        if decodedCount == 0 && totalCount > 0 {
            base[0] = firstValue
            lastValue = firstValue
            decodedCount = 1
            written = 1
        }
        while written < output.count && decodedCount < totalCount {
            if miniblockPosition == valuesPerMiniblock { try openMiniblock() }
            let take = min(output.count - written, valuesPerMiniblock - miniblockPosition, totalCount - decodedCount)
            let out = base + written
            BitPacking.unpack(UnsafeRawBufferPointer(rebasing: data[miniblockStart...]), bitWidth: miniblockWidth,
                              from: miniblockPosition, count: take, into: out)
            var value = lastValue
            for index in 0..<take {
                value = value &+ minDelta &+ out[index]
                out[index] = value
            }
            lastValue = value
            miniblockPosition += take
            decodedCount += take
            written += take
        }
        return written
    }

    /// All values not decoded yet.
    mutating func decodeAll() throws(ParquetError) -> [Int64] {
        var values: [Int64] = []
        // Grow with what was actually decoded rather than trusting the header's count up front.
        while decodedCount < totalCount {
            let start = values.count
            let chunk = min(totalCount - decodedCount, max(1024, start))
            values.append(contentsOf: repeatElement(0, count: chunk))
            let written = try values.withUnsafeMutableBufferPointer { (buffer) throws(ParquetError) -> Int in
                try decode(into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
            }
            values.removeLast(chunk - written)
        }
        return values
    }

    /// Moves past every value not decoded yet without unpacking it, so `bytesConsumed` becomes the end of the
    /// encoding; the byte-array decoders use it to find where their bytes start.
    mutating func skipRemaining() throws(ParquetError) {
        if decodedCount == 0 && totalCount > 0 { decodedCount = 1 }
        while decodedCount < totalCount {
            if miniblockPosition == valuesPerMiniblock { try openMiniblock() }
            let take = min(valuesPerMiniblock - miniblockPosition, totalCount - decodedCount)
            miniblockPosition += take
            decodedCount += take
        }
    }

    /// Moves to the next miniblock, reading the next block's header first when the block is done, and checks
    /// that the whole miniblock is present, padding included, as the spec requires of writers.
    private mutating func openMiniblock() throws(ParquetError) {
        if miniblockIndex + 1 == miniblocksPerBlock {
            minDelta = try LEB128.readZigZag(data, at: &bytesConsumed)
            guard miniblocksPerBlock <= data.count - bytesConsumed else {
                throw .corruptPage("\(miniblocksPerBlock) miniblock bit widths", offset: bytesConsumed)
            }
            bitWidthsOffset = bytesConsumed
            bytesConsumed += miniblocksPerBlock
            miniblockIndex = 0
        } else {
            miniblockIndex += 1
        }
        let widthOffset = bitWidthsOffset + miniblockIndex
        let width = Int(data[widthOffset])
        guard width <= 64 else {
            throw .corruptPage("a miniblock bit width of at most 64, found \(width)", offset: widthOffset)
        }
        let byteCount = valuesPerMiniblock / 8 * width
        guard byteCount <= data.count - bytesConsumed else {
            throw .corruptPage("a miniblock of \(byteCount) bytes, only \(data.count - bytesConsumed) remain",
                               offset: bytesConsumed)
        }
        miniblockWidth = width
        miniblockStart = bytesConsumed
        miniblockPosition = 0
        bytesConsumed += byteCount
    }
}
