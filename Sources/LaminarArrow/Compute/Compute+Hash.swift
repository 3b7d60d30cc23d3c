/// Row hashing for grouping, joins and hash partitioning.
///
/// The hash is fixed (no per-process seed, unlike Swift's `Hasher`) so that a row lands in the same partition
/// on every run and every machine, which recovery and exactly-once replay rely on. Values that compare equal
/// hash equally: -0.0 and 0.0 agree, and every NaN hashes the same.
extension Compute {
    /// One hash per row over the given columns, which must have equal lengths.
    public static func hashRows(_ columns: [any ArrowArray]) throws(ArrowError) -> [UInt64] {
        guard let first = columns.first else { return [] }
        var hashes = [UInt64](repeating: RowHash.seed, count: first.count)
        for column in columns {
            try checkLengths(first, column)
            hashes.withUnsafeMutableBufferPointer { combine(column, into: $0) }
        }
        return hashes
    }

    /// Mixes each row's hash of `column` into `hashes`.
    static func combine(_ column: any ArrowArray, into hashes: UnsafeMutableBufferPointer<UInt64>) {
        func mixIn(_ row: Int, _ value: UInt64) { hashes[row] = RowHash.combine(hashes[row], value) }
        switch column {
        case let array as Float32Array:
            for row in 0..<array.count { mixIn(row, array.isValid(row) ? RowHash.float(Double(array.value(at: row))) : RowHash.null) }
        case let array as Float64Array:
            for row in 0..<array.count { mixIn(row, array.isValid(row) ? RowHash.float(array.value(at: row)) : RowHash.null) }
        case let array as any PrimitiveArrayProtocol:
            hashPrimitive(array, into: hashes)
        case let array as BooleanArray:
            for row in 0..<array.count {
                mixIn(row, array.isValid(row) ? RowHash.mix(array.value(at: row) ? 1 : 2) : RowHash.null)
            }
        case let array as StringArray:
            for row in 0..<array.count { mixIn(row, array.isValid(row) ? array.withBytes(at: row, RowHash.bytes) : RowHash.null) }
        case let array as BinaryArray:
            for row in 0..<array.count { mixIn(row, array.isValid(row) ? array.withBytes(at: row, RowHash.bytes) : RowHash.null) }
        case let array as FixedSizeBinaryArray:
            for row in 0..<array.count { mixIn(row, array.isValid(row) ? array.withBytes(at: row, RowHash.bytes) : RowHash.null) }
        case let array as StructArray:
            var inner = [UInt64](repeating: RowHash.seed, count: array.count)
            inner.withUnsafeMutableBufferPointer { buffer in
                for child in array.children { combine(child, into: buffer) }
            }
            for row in 0..<array.count { mixIn(row, array.isValid(row) ? inner[row] : RowHash.null) }
        case let array as ListArray:
            let childRange = array.count == 0 ? 0..<0 : array.valueRange(at: 0).lowerBound..<array.valueRange(at: array.count - 1).upperBound
            let child = array.child.slice(offset: childRange.lowerBound, count: childRange.count)
            var items = [UInt64](repeating: RowHash.seed, count: child.count)
            items.withUnsafeMutableBufferPointer { combine(child, into: $0) }
            for row in 0..<array.count {
                guard array.isValid(row) else {
                    mixIn(row, RowHash.null)
                    continue
                }
                var hash = RowHash.seed
                for item in array.valueRange(at: row) { hash = RowHash.combine(hash, items[item - childRange.lowerBound]) }
                mixIn(row, RowHash.combine(hash, UInt64(array.valueRange(at: row).count)))
            }
        default:
            for row in 0..<column.count { mixIn(row, RowHash.null) }
        }
    }

    private static func hashPrimitive<P: PrimitiveArrayProtocol>(
        _ array: P, into hashes: UnsafeMutableBufferPointer<UInt64>
    ) {
        let primitive = array.asPrimitive
        primitive.withUnsafeValues { values in
            for row in values.indices {
                let value = primitive.isValid(row) ? withUnsafeBytes(of: values[row], RowHash.bytes) : RowHash.null
                hashes[row] = RowHash.combine(hashes[row], value)
            }
        }
    }
}

/// The hash function behind `Compute.hashRows`: 64-bit multiply-xorshift mixing (the finaliser of MurmurHash3)
/// over 8-byte words.
enum RowHash {
    static let seed: UInt64 = 0x243F_6A88_85A3_08D3
    static let null: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    @inline(__always)
    static func combine(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        mix(hash ^ (value &+ 0x9E37_79B9_7F4A_7C15 &+ (hash << 6) &+ (hash >> 2)))
    }

    static func float(_ value: Double) -> UInt64 {
        if value.isNaN { return mix(0x7FF8_0000_0000_0000) }
        return mix((value == 0 ? 0 : value).bitPattern)
    }

    static func bytes(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash = seed ^ UInt64(buffer.count)
        var offset = 0
        while offset + 8 <= buffer.count {
            hash = combine(hash, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < buffer.count {
            var tail: UInt64 = 0
            for index in offset..<buffer.count { tail |= UInt64(buffer[index]) << UInt64(8 * (index - offset)) }
            hash = combine(hash, tail)
        }
        return mix(hash)
    }
}
