/// Reads the RLE/bit-packed hybrid of definition and repetition levels, dictionary indices and RLE booleans.
///
/// Callers decode in batches that rarely line up with runs, so the decoder keeps the current run between calls.
/// Every run header is checked against the bytes that remain before any value of the run is read, so a corrupt
/// count throws instead of reading past the data; bit-packed runs are validated as a whole, padding included,
/// because the format always writes complete groups of eight. The decoder reads `data` in place, so the bytes
/// must outlive it.
struct RLEHybridDecoder {
    private let data: UnsafeRawBufferPointer
    private let bitWidth: Int
    /// Bytes of an RLE run's repeated value: the bit width rounded up to whole bytes.
    private let valueByteCount: Int
    /// Offset just past the last run header read, and past that run's values.
    private(set) var bytesConsumed = 0
    private var runIsPacked = false
    /// Values of the current run not yet handed out.
    private var runRemaining = 0
    private var repeatedValue: UInt64 = 0
    /// Where the current bit-packed run's values start, and how many of them were handed out already.
    private var packedStart = 0
    private var packedIndex = 0
    /// Width 0 with no data at all: writers may omit the runs, since every value is 0 anyway.
    private let zeroFill: Bool

    init(_ data: UnsafeRawBufferPointer, bitWidth: Int) throws(ParquetError) {
        guard (0...32).contains(bitWidth) else {
            throw .corruptPage("an RLE/bit-packed bit width of 0 to 32, found \(bitWidth)")
        }
        self.data = data
        self.bitWidth = bitWidth
        valueByteCount = (bitWidth + 7) / 8
        zeroFill = bitWidth == 0 && data.isEmpty
    }

    /// The decoder for data preceded by its 4-byte little-endian length, as data page v1 stores levels and RLE
    /// booleans; `totalBytes` includes the prefix.
    static func lengthPrefixed(_ data: UnsafeRawBufferPointer, bitWidth: Int) throws(ParquetError)
        -> (decoder: RLEHybridDecoder, totalBytes: Int)
    {
        guard data.count >= 4 else {
            throw .corruptPage("a 4-byte RLE length prefix, found \(data.count) bytes", offset: 0)
        }
        let length = Int(data.loadUnaligned(as: UInt32.self).littleEndian)
        guard length <= data.count - 4 else {
            throw .corruptPage("\(length) bytes of RLE data, only \(data.count - 4) remain", offset: 0)
        }
        let decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: data[4..<(4 + length)]), bitWidth: bitWidth)
        return (decoder, 4 + length)
    }

    /// Fills `output` from its start; returns how many values were written, fewer than `output.count` only when
    /// the data ends.
    mutating func decode<T: FixedWidthInteger>(into output: UnsafeMutableBufferPointer<T>) throws(ParquetError)
        -> Int
    {
        guard let base = output.baseAddress else { return 0 }
        if zeroFill {
            base.update(repeating: 0, count: output.count)
            return output.count
        }
        var written = 0
        while written < output.count {
            if runRemaining == 0 {
                guard bytesConsumed < data.count else { break }
                try readRunHeader()
                continue
            }
            let take = min(runRemaining, output.count - written)
            if runIsPacked {
                BitPacking.unpack(UnsafeRawBufferPointer(rebasing: data[packedStart...]), bitWidth: bitWidth,
                                  from: packedIndex, count: take, into: base + written)
                packedIndex += take
            } else {
                (base + written).update(repeating: T(truncatingIfNeeded: repeatedValue), count: take)
            }
            runRemaining -= take
            written += take
        }
        return written
    }

    /// Hands the next `count` values to the visitors run by run instead of one by one: a repeated run as its
    /// value and length, a bit-packed stretch as the run's bytes and a bit range. At bit width 1 packed bytes are
    /// laid out as an Arrow bitmap, so flat columns' levels become validity without a value per entry.
    /// Returns how many values were visited, fewer than `count` only when the data ends.
    mutating func visitRuns(count: Int, repeated: (_ value: UInt64, _ count: Int) -> Void,
                            packed: (_ bytes: UnsafeRawBufferPointer, _ first: Int, _ count: Int) -> Void)
        throws(ParquetError) -> Int
    {
        if zeroFill {
            repeated(0, count)
            return count
        }
        var visited = 0
        while visited < count {
            if runRemaining == 0 {
                guard bytesConsumed < data.count else { break }
                try readRunHeader()
                continue
            }
            let take = min(runRemaining, count - visited)
            if runIsPacked {
                packed(UnsafeRawBufferPointer(rebasing: data[packedStart...]), packedIndex, take)
                packedIndex += take
            } else {
                repeated(repeatedValue, take)
            }
            runRemaining -= take
            visited += take
        }
        return visited
    }

    private mutating func readRunHeader() throws(ParquetError) {
        let headerOffset = bytesConsumed
        let header = try LEB128.read(data, at: &bytesConsumed)
        guard header >> 1 <= UInt64(Int32.max) else {
            throw .corruptPage("an RLE/bit-packed run of at most 2^31-1 values", offset: headerOffset)
        }
        let runLength = Int(header >> 1)
        if header & 1 == 1 {
            // `runLength` counts groups of eight values; each group takes `bitWidth` bytes.
            let byteCount = runLength * bitWidth
            guard byteCount <= data.count - bytesConsumed else {
                throw .corruptPage(
                    "a bit-packed run of \(runLength * 8) values in \(byteCount) bytes, only \(data.count - bytesConsumed) remain",
                    offset: headerOffset)
            }
            runIsPacked = true
            runRemaining = runLength * 8
            packedStart = bytesConsumed
            packedIndex = 0
            bytesConsumed += byteCount
        } else {
            guard valueByteCount <= data.count - bytesConsumed else {
                throw .corruptPage("the \(valueByteCount)-byte value of an RLE run", offset: bytesConsumed)
            }
            var value: UInt64 = 0
            for byte in 0..<valueByteCount {
                value |= UInt64(data[bytesConsumed + byte]) << UInt64(byte * 8)
            }
            guard value <= BitPacking.mask(bitWidth) else {
                throw .corruptPage("an RLE run value of at most \(bitWidth) bits, found \(value)", offset: bytesConsumed)
            }
            runIsPacked = false
            runRemaining = runLength
            repeatedValue = value
            bytesConsumed += valueByteCount
        }
    }
}
