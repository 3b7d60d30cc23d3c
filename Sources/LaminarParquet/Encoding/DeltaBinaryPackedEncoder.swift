/// Writes DELTA_BINARY_PACKED integers in blocks of 128 values and 4 miniblocks of 32, the layout parquet-java
/// and Arrow write.
///
/// For INT32 the deltas are taken with 32-bit wrapping, as parquet-java does: the difference of two INT32 values
/// can need 33 bits, which the spec forbids ("no more bits than PLAIN"), but wrapped to 32 bits it still restores
/// the value once the reader truncates its sum to 32 bits.
struct DeltaBinaryPackedEncoder {
    private static let blockSize = 128
    private static let miniblocksPerBlock = 4
    private static let valuesPerMiniblock = 32

    private let bitWidth: Int
    private var body: [UInt8] = []
    private var deltas: [Int64] = []
    private var relative: [UInt64] = []
    private var firstValue: Int64 = 0
    private var previous: Int64 = 0
    private var count = 0

    /// `bitWidth` is the physical type's: 32 for INT32, 64 for INT64.
    init(bitWidth: Int) {
        precondition(bitWidth == 32 || bitWidth == 64, "delta encoding is for 32- or 64-bit integers")
        self.bitWidth = bitWidth
        deltas.reserveCapacity(Self.blockSize)
        relative.reserveCapacity(Self.valuesPerMiniblock)
    }

    mutating func append(_ value: Int64) {
        if count == 0 {
            firstValue = bitWidth == 32 ? Int64(Int32(truncatingIfNeeded: value)) : value
        } else {
            let delta = bitWidth == 32
                ? Int64(Int32(truncatingIfNeeded: value) &- Int32(truncatingIfNeeded: previous))
                : value &- previous
            deltas.append(delta)
            if deltas.count == Self.blockSize { writeBlock() }
        }
        previous = value
        count += 1
    }

    /// The header and every block; the encoder is then empty and can be reused.
    mutating func finish() -> [UInt8] {
        if !deltas.isEmpty { writeBlock() }
        var result: [UInt8] = []
        result.reserveCapacity(body.count + 32)
        LEB128.append(UInt64(Self.blockSize), to: &result)
        LEB128.append(UInt64(Self.miniblocksPerBlock), to: &result)
        LEB128.append(UInt64(count), to: &result)
        LEB128.appendZigZag(firstValue, to: &result)
        result.append(contentsOf: body)
        body.removeAll(keepingCapacity: true)
        count = 0
        return result
    }

    /// Writes the buffered deltas as one block; a short last block writes only the miniblocks it fills, with
    /// zero bit widths for the rest.
    private mutating func writeBlock() {
        var minDelta = Int64.max
        for delta in deltas { minDelta = min(minDelta, delta) }
        LEB128.appendZigZag(minDelta, to: &body)
        let widthsIndex = body.count
        body.append(contentsOf: repeatElement(0, count: Self.miniblocksPerBlock))
        var start = 0
        var miniblock = 0
        while start < deltas.count {
            let end = min(start + Self.valuesPerMiniblock, deltas.count)
            relative.removeAll(keepingCapacity: true)
            var maxRelative: UInt64 = 0
            for delta in deltas[start..<end] {
                // Deltas are sign-extended 32-bit values for INT32, so their minimum is the 32-bit minimum.
                let value = bitWidth == 32
                    ? UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: delta) &- Int32(truncatingIfNeeded: minDelta)))
                    : UInt64(bitPattern: delta &- minDelta)
                relative.append(value)
                maxRelative |= value
            }
            relative.append(contentsOf: repeatElement(0, count: Self.valuesPerMiniblock - relative.count))
            let width = BitPacking.bitWidth(of: maxRelative)
            body[widthsIndex + miniblock] = UInt8(width)
            relative.withUnsafeBufferPointer { BitPacking.pack($0, bitWidth: width, into: &body) }
            start = end
            miniblock += 1
        }
        deltas.removeAll(keepingCapacity: true)
    }
}
