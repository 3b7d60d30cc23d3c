/// Writes the RLE/bit-packed hybrid with the run choice parquet-java makes, so files look like the ones other
/// writers produce: a value repeated at least eight times becomes an RLE run, anything else is bit-packed in
/// groups of eight.
///
/// Values are buffered until a group of eight is complete. A run can only start at a group boundary, and the
/// buffer is reset after every group, so when a value reaches its eighth repeat the buffer holds exactly its
/// first seven repeats and is dropped in favour of the RLE run. A bit-packed run is capped at 63 groups so its
/// header is always one byte, reserved before its groups are written and filled in when the run ends.
struct RLEHybridEncoder {
    private let bitWidth: Int
    private var output: [UInt8] = []
    private var buffered: [UInt64] = []
    private var previousValue: UInt64 = 0
    private var repeatCount = 0
    /// Index of the reserved header byte of the open bit-packed run, if one is open.
    private var packedHeaderIndex: Int?
    private var packedGroups = 0

    /// The format limits a run to 2^31-1 values.
    private static let maxRunLength = Int(Int32.max)

    /// `bitWidth` is 0...32, the width the reader is told (levels' width, dictionary index width, 1 for
    /// booleans); values must fit in it.
    init(bitWidth: Int) {
        precondition((0...32).contains(bitWidth), "RLE bit width \(bitWidth) is outside 0...32")
        self.bitWidth = bitWidth
        buffered.reserveCapacity(8)
    }

    /// Bytes `finish()` would return now, give or take the pending run's header.
    var estimatedSize: Int {
        output.count + (buffered.count * bitWidth + 7) / 8 + (repeatCount >= 8 ? 5 + (bitWidth + 7) / 8 : 1)
    }

    mutating func append(_ value: UInt64) {
        if value == previousValue {
            repeatCount += 1
            if repeatCount >= 8 {
                if repeatCount == Self.maxRunLength { writeRLERun() }
                return
            }
        } else {
            if repeatCount >= 8 { writeRLERun() }
            repeatCount = 1
            previousValue = value
        }
        buffered.append(value)
        if buffered.count == 8 { writeBitPackedGroup() }
    }

    /// Appends `value` `count` times; once a run is under way the rest is a counter update, so a page of
    /// all-valid definition levels costs next to nothing.
    mutating func append(_ value: UInt64, count: Int) {
        var remaining = count
        while remaining > 0 {
            if value == previousValue && repeatCount >= 8 {
                let take = min(remaining, Self.maxRunLength - repeatCount)
                repeatCount += take
                remaining -= take
                if repeatCount == Self.maxRunLength { writeRLERun() }
            } else {
                append(value)
                remaining -= 1
            }
        }
    }

    /// The encoded values, without a length prefix; the encoder is then empty and can be reused.
    mutating func finish() -> [UInt8] {
        if repeatCount >= 8 {
            writeRLERun()
        } else if !buffered.isEmpty {
            // Readers know the value count from the page, so padding the last group with zeros is safe.
            buffered.append(contentsOf: repeatElement(0, count: 8 - buffered.count))
            writeBitPackedGroup()
        }
        endBitPackedRun()
        let result = output
        output = []
        previousValue = 0
        repeatCount = 0
        return result
    }

    private mutating func writeRLERun() {
        endBitPackedRun()
        LEB128.append(UInt64(repeatCount) << 1, to: &output)
        for byte in 0..<((bitWidth + 7) / 8) {
            output.append(UInt8(truncatingIfNeeded: previousValue >> UInt64(byte * 8)))
        }
        repeatCount = 0
        buffered.removeAll(keepingCapacity: true)
    }

    private mutating func writeBitPackedGroup() {
        if packedGroups == 63 { endBitPackedRun() }
        if packedHeaderIndex == nil {
            packedHeaderIndex = output.count
            output.append(0)
        }
        buffered.withUnsafeBufferPointer { BitPacking.pack($0, bitWidth: bitWidth, into: &output) }
        packedGroups += 1
        buffered.removeAll(keepingCapacity: true)
        repeatCount = 0
    }

    private mutating func endBitPackedRun() {
        guard let index = packedHeaderIndex else { return }
        output[index] = UInt8(packedGroups << 1 | 1)
        packedHeaderIndex = nil
        packedGroups = 0
    }
}
