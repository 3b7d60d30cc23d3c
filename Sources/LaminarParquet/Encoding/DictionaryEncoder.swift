import LaminarArrow

/// Builds a column chunk's dictionary and maps values to their indices, for RLE_DICTIONARY pages.
///
/// Values are keyed by their physical bytes in an open-addressing table, so one implementation serves every
/// type without boxing; distinct float bit patterns (such as -0.0 and 0.0) stay distinct, as they must.
/// The table is probed once per value, so its properties skip the runtime's dynamic exclusivity checks; one
/// column writer owns an encoder and uses it from one task.
final class DictionaryEncoder {
    private let width: Int
    private let isVariable: Bool
    private let fixedValues = MutableBuffer()
    private let variableValues = ByteArrayValues()
    @exclusivity(unchecked) private var slots: [Int32]
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private(set) var count = 0
    /// Size of the dictionary page's PLAIN encoding.
    @exclusivity(unchecked) private(set) var byteSize = 0

    init(column: ColumnDescriptor) {
        switch column.physicalType {
        case .int32, .float: width = 4
        case .int64, .double: width = 8
        case .int96: width = 12
        default: width = column.typeLength
        }
        isVariable = column.physicalType == .byteArray
        slots = Array(repeating: -1, count: 1024)
    }

    /// The indices of `values`, adding new ones to the dictionary; nil when the dictionary would grow past
    /// `limit` bytes, and the caller then falls back to another encoding. Values added before the limit was hit
    /// stay in the dictionary unused, which readers accept, and the dictionary page stays within the limit.
    func indices(of values: PhysicalValues, limit: Int) -> [Int32]? {
        var result = [Int32](repeating: 0, count: values.count)
        var overflow = false
        result.withUnsafeMutableBufferPointer { output in
            switch values {
            case .byteArray(let array):
                for index in 0..<array.count {
                    guard let entry = array.withBytes(at: index, { insert($0, limit: limit) }) else {
                        overflow = true
                        return
                    }
                    output[index] = entry
                }
            case .fixed(let array):
                for index in 0..<array.count {
                    guard let entry = array.withBytes(at: index, { insert($0, limit: limit) }) else {
                        overflow = true
                        return
                    }
                    output[index] = entry
                }
            case .int32(let array): overflow = !insertAll(array, output, limit)
            case .int64(let array): overflow = !insertAll(array, output, limit)
            case .float(let array): overflow = !insertAll(array, output, limit)
            case .double(let array): overflow = !insertAll(array, output, limit)
            case .boolean: overflow = true
            }
        }
        return overflow ? nil : result
    }

    /// The dictionary's values in index order, for the dictionary page. It hands its buffers over, so it is
    /// called once, when the chunk is finished.
    func values(column: ColumnDescriptor) -> PhysicalValues {
        if isVariable {
            return .byteArray(BinaryArray(offsets: variableValues.offsets.freeze(), values: variableValues.data.freeze(),
                                          count: count))
        }
        let buffer = fixedValues.freeze()
        switch column.physicalType {
        case .int32: return .int32(Int32Array(dataType: .int32, values: buffer, count: count))
        case .int64: return .int64(Int64Array(dataType: .int64, values: buffer, count: count))
        case .float: return .float(Float32Array(dataType: .float32, values: buffer, count: count))
        case .double: return .double(Float64Array(dataType: .float64, values: buffer, count: count))
        default: return .fixed(FixedSizeBinaryArray(byteWidth: width, values: buffer, count: count))
        }
    }

    private func insertAll<T>(_ array: PrimitiveArray<T>, _ output: UnsafeMutableBufferPointer<Int32>,
                              _ limit: Int) -> Bool
    {
        array.withUnsafeValues { values in
            for index in values.indices {
                guard let entry = withUnsafeBytes(of: values[index], { insert($0, limit: limit) }) else { return false }
                output[index] = entry
            }
            return true
        }
    }

    @inline(__always)
    private func insert(_ bytes: UnsafeRawBufferPointer, limit: Int) -> Int32? {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if hashes[Int(entry)] == hash, equals(Int(entry), bytes) { return entry }
            slot = (slot + 1) & mask
        }
        let added = isVariable ? 4 + bytes.count : width
        guard byteSize + added <= limit else { return nil }
        let index = Int32(count)
        slots[slot] = index
        hashes.append(hash)
        if isVariable {
            // The caller has bounded the dictionary far below the 2 GiB the offsets can address.
            try? variableValues.append(bytes)
        } else {
            fixedValues.append(contentsOf: bytes)
        }
        byteSize += added
        count += 1
        if count * 2 > slots.count { rehash(capacity: slots.count * 2) }
        return index
    }

    private func equals(_ entry: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let stored = isVariable ? variableValues.bytes(at: entry)
            : UnsafeRawBufferPointer(start: UnsafeRawPointer(fixedValues.baseAddress) + entry * width, count: width)
        return Self.sameBytes(stored, bytes)
    }

    /// Byte equality in 8-byte words, inline: dictionary values are short and every repeated value of a
    /// low-cardinality column is compared once, so a `memcmp` call per value costs more than the comparison.
    @inline(__always)
    static func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        var position = 0
        while position + 8 <= a.count {
            guard a.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                == b.loadUnaligned(fromByteOffset: position, as: UInt64.self) else { return false }
            position += 8
        }
        while position < a.count {
            guard a[position] == b[position] else { return false }
            position += 1
        }
        return true
    }

    private func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        let mask = capacity - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// A 64-bit multiply-xorshift hash over 8-byte words; quality matters less than speed for linear probing with
    /// a half-empty table.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var position = 0
        while position + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            position += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count {
            tail |= UInt64(bytes[position]) << shift
            shift += 8
            position += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }
}
