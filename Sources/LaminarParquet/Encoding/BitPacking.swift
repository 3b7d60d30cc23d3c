/// Fixed-width integers packed back to back, least significant bit first: the order of the RLE/bit-packed
/// hybrid and of the delta encoding's miniblocks.
///
/// Eight values of width `w` fill exactly `w` bytes, so unpacking works group by group: every value of a group
/// is one unaligned 64-bit load at a byte offset, a shift and a mask, with no carried state between values,
/// which lets the compiler unroll the group. Loads may read up to eight bytes past a value, so the last few
/// groups are copied into a zero-padded scratch area instead of reading past the caller's buffer.
enum BitPacking {
    /// Unpacks `count` values of `bitWidth` bits (0...64) from the start of `source` into `output`, truncating
    /// to `T`. The caller guarantees `source.count >= (count * bitWidth + 7) / 8`.
    static func unpack<T: FixedWidthInteger>(
        _ source: UnsafeRawBufferPointer, bitWidth: Int, count: Int, into output: UnsafeMutablePointer<T>
    ) {
        guard count > 0 else { return }
        guard bitWidth > 0, let base = source.baseAddress else {
            output.update(repeating: 0, count: count)
            return
        }
        if bitWidth == 1 {
            unpackBits(base, count: count, into: output)
            return
        }
        // A group's loads end at most `bitWidth + 8` bytes past its start.
        let groupCount = count / 8
        let reachableGroups = source.count >= bitWidth + 8 ? (source.count - bitWidth - 8) / bitWidth + 1 : 0
        let safeGroups = min(groupCount, reachableGroups)
        unpackGroups(base, bitWidth: bitWidth, groups: safeGroups, into: output)
        let done = safeGroups * 8
        guard done < count else { return }
        // The tail is under `bitWidth + 8` bytes (else another group would have been safe), and its last
        // group reaches `bitWidth + 8` bytes further: 144 at most.
        let tailBytes = min(source.count - safeGroups * bitWidth, (count - done) * bitWidth / 8 + 1)
        let scratchSize = 160
        withUnsafeTemporaryAllocation(byteCount: scratchSize, alignment: 8) { scratch in
            guard let scratchBase = scratch.baseAddress else { return }
            scratchBase.initializeMemory(as: UInt8.self, repeating: 0, count: scratchSize)
            scratchBase.copyMemory(from: base + safeGroups * bitWidth, byteCount: tailBytes)
            let tail = UnsafeRawPointer(scratchBase)
            let fullGroups = (count - done) / 8
            unpackGroups(tail, bitWidth: bitWidth, groups: fullGroups, into: output + done)
            let partial = (count - done) % 8
            if partial > 0 {
                unpackGroups(tail + fullGroups * bitWidth, bitWidth: bitWidth, groups: 1, limit: partial,
                             into: output + done + fullGroups * 8)
            }
        }
    }

    /// Unpacks `count` values starting at value `index` of a packed sequence, which need not start a group:
    /// decoders resume runs part-way when a caller's buffer ended inside one. The caller guarantees
    /// `source.count >= ((index + count) * bitWidth + 7) / 8`.
    static func unpack<T: FixedWidthInteger>(
        _ source: UnsafeRawBufferPointer, bitWidth: Int, from index: Int, count: Int,
        into output: UnsafeMutablePointer<T>
    ) {
        let head = min(count, (8 - index % 8) % 8)
        for offset in 0..<head {
            output[offset] = T(truncatingIfNeeded: value(in: source, bitWidth: bitWidth, at: index + offset))
        }
        guard count > head else { return }
        let start = (index + head) / 8 * bitWidth
        unpack(UnsafeRawBufferPointer(rebasing: source[start...]), bitWidth: bitWidth, count: count - head,
               into: output + head)
    }

    /// Appends `(values.count * bitWidth + 7) / 8` bytes; bits of a value above `bitWidth` are dropped.
    static func pack(_ values: UnsafeBufferPointer<UInt64>, bitWidth: Int, into output: inout [UInt8]) {
        let byteCount = (values.count * bitWidth + 7) / 8
        guard byteCount > 0 else { return }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: byteCount))
        let mask = self.mask(bitWidth)
        output.withUnsafeMutableBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var out = base + start
            var word: UInt64 = 0
            var filled = 0
            for raw in values {
                let value = raw & mask
                word |= value &<< UInt64(filled)
                filled += bitWidth
                if filled >= 64 {
                    out.storeBytes(of: word.littleEndian, as: UInt64.self)
                    out += 8
                    filled -= 64
                    word = filled == 0 ? 0 : value >> UInt64(bitWidth - filled)
                }
            }
            for byte in 0..<((filled + 7) / 8) {
                out.storeBytes(of: UInt8(truncatingIfNeeded: word >> UInt64(byte * 8)), toByteOffset: byte, as: UInt8.self)
            }
        }
    }

    /// Bits needed for values up to `maxValue`; 0 when every value is 0.
    static func bitWidth(of maxValue: UInt64) -> Int { 64 - maxValue.leadingZeroBitCount }

    @inline(__always)
    static func mask(_ bitWidth: Int) -> UInt64 { bitWidth >= 64 ? ~0 : (1 << UInt64(bitWidth)) &- 1 }

    /// One value, reading only the bytes it occupies.
    @inline(__always)
    static func value(in source: UnsafeRawBufferPointer, bitWidth: Int, at index: Int) -> UInt64 {
        let bit = index * bitWidth
        let first = bit >> 3
        let shift = bit & 7
        let byteCount = (shift + bitWidth + 7) >> 3
        var word: UInt64 = 0
        for offset in 0..<min(byteCount, 8) {
            word |= UInt64(source[first + offset]) << UInt64(offset * 8)
        }
        var result = word >> UInt64(shift)
        if byteCount > 8 { result |= UInt64(source[first + 8]) << UInt64(64 - shift) }
        return result & mask(bitWidth)
    }

    /// Unpacks whole groups of eight (or the first `limit` values of one group); every load stays within
    /// `groups * bitWidth + 8` bytes of `source`.
    @inline(__always)
    private static func unpackGroups<T: FixedWidthInteger>(
        _ source: UnsafeRawPointer, bitWidth: Int, groups: Int, limit: Int = 8, into output: UnsafeMutablePointer<T>
    ) {
        let mask = self.mask(bitWidth)
        var input = source
        var out = output
        if bitWidth <= 56 {
            for _ in 0..<groups {
                for slot in 0..<min(limit, 8) {
                    let bit = slot * bitWidth
                    let word = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                    out[slot] = T(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & mask)
                }
                input += bitWidth
                out += 8
            }
        } else {
            for _ in 0..<groups {
                for slot in 0..<min(limit, 8) {
                    let bit = slot * bitWidth
                    let byte = bit >> 3
                    let shift = UInt64(bit & 7)
                    let word = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
                    var value = word &>> shift
                    if shift > 0 { value |= UInt64(input.load(fromByteOffset: byte + 8, as: UInt8.self)) << (64 - shift) }
                    out[slot] = T(truncatingIfNeeded: value & mask)
                }
                input += bitWidth
                out += 8
            }
        }
    }

    /// Width 1 (booleans, flat definition levels) expands each byte into eight values directly.
    private static func unpackBits<T: FixedWidthInteger>(
        _ source: UnsafeRawPointer, count: Int, into output: UnsafeMutablePointer<T>
    ) {
        let bytes = source.assumingMemoryBound(to: UInt8.self)
        for byteIndex in 0..<(count / 8) {
            let byte = bytes[byteIndex]
            let out = output + byteIndex * 8
            for bit in 0..<8 { out[bit] = T(truncatingIfNeeded: (byte >> UInt8(bit)) & 1) }
        }
        let done = count / 8 * 8
        if done < count {
            let byte = bytes[count / 8]
            for bit in 0..<(count - done) { output[done + bit] = T(truncatingIfNeeded: (byte >> UInt8(bit)) & 1) }
        }
    }
}
