/// The 64-bit Roaring bitmap ("portable" treemap) Delta's deletion vectors hold: row indexes, as buckets
/// by their high 32 bits, each a standard 32-bit Roaring bitmap of containers by the next 16 bits.
///
/// Decoding accepts array, bitmap and run containers, with or without the run-container cookie; encoding
/// writes array and bitmap containers, which every reader accepts. Every read is bounds-checked: a
/// malformed bitmap is an error naming where it broke, never a crash.
public struct RoaringBitmap: Sendable, Hashable {
    /// The row indexes, sorted and unique.
    public private(set) var values: [UInt64]

    public init<S: Sequence>(_ values: S) where S.Element == UInt64 {
        self.values = Array(Set(values)).sorted()
    }

    public var count: Int { values.count }

    public func contains(_ value: UInt64) -> Bool {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < values.count && values[low] == value
    }

    public func union(_ other: RoaringBitmap) -> RoaringBitmap { RoaringBitmap(values + other.values) }

    // MARK: Decoding

    private struct Reader {
        let bytes: [UInt8]
        var offset: Int
        let name: String

        mutating func u16() throws(DeltaError) -> UInt16 {
            guard offset + 2 <= bytes.count else { throw truncated("a 16-bit value") }
            defer { offset += 2 }
            return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
        }

        mutating func u32() throws(DeltaError) -> UInt32 {
            guard offset + 4 <= bytes.count else { throw truncated("a 32-bit value") }
            var value: UInt32 = 0
            for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * index) }
            offset += 4
            return value
        }

        mutating func u64() throws(DeltaError) -> UInt64 {
            let low = UInt64(try u32())
            return low | UInt64(try u32()) << 32
        }

        func truncated(_ what: String) -> DeltaError {
            DeltaError(.corruptLog, "\(name): deletion vector ends at byte \(offset) where \(what) was expected")
        }
    }

    static let serialCookieNoRuns: UInt32 = 12346
    static let serialCookie: UInt16 = 12347
    static let magic: UInt32 = 1_681_511_377

    /// Decodes a deletion vector's bitmap: the 4-byte magic, then the 64-bit portable serialization.
    /// `limit`, the cardinality the log claims, bounds how many rows the decoding may produce, so a damaged
    /// or hostile run container cannot expand into billions of entries.
    public static func decode(deletionVector bytes: [UInt8], name: String, limit: Int64? = nil) throws(DeltaError) -> RoaringBitmap {
        var reader = Reader(bytes: bytes, offset: 0, name: name)
        let magic = try reader.u32()
        guard magic == Self.magic else {
            throw DeltaError(.unsupported, "\(name): deletion vector magic \(magic), expected \(Self.magic) (the portable Roaring format)")
        }
        let buckets = try reader.u64()
        guard buckets <= UInt64(bytes.count) else { throw DeltaError(.corruptLog, "\(name): \(buckets) buckets in \(bytes.count) bytes") }
        var values: [UInt64] = []
        let cap = Int(clamping: max(0, limit ?? Int64(bytes.count) * 8 * 65_536))
        for _ in 0..<buckets {
            let high = UInt64(try reader.u32()) << 32
            for low in try decode32(&reader, remaining: cap - values.count) { values.append(high | UInt64(low)) }
        }
        return RoaringBitmap(values)
    }

    private static func decode32(_ reader: inout Reader, remaining: Int) throws(DeltaError) -> [UInt32] {
        let cookie = try reader.u32()
        var size: Int
        var runFlags: [UInt8] = []
        var hasOffsets = true
        if cookie == serialCookieNoRuns {
            size = Int(try reader.u32())
        } else if UInt16(cookie & 0xFFFF) == serialCookie {
            size = Int(cookie >> 16) + 1
            let flagBytes = (size + 7) / 8
            guard reader.offset + flagBytes <= reader.bytes.count else { throw reader.truncated("run flags") }
            runFlags = Array(reader.bytes[reader.offset..<reader.offset + flagBytes])
            reader.offset += flagBytes
            hasOffsets = size >= 4
        } else {
            throw DeltaError(.corruptLog, "\(reader.name): unknown Roaring cookie \(cookie) at byte \(reader.offset - 4)")
        }
        guard size <= 65536 else { throw DeltaError(.corruptLog, "\(reader.name): \(size) Roaring containers") }
        var headers: [(key: UInt32, cardinality: Int)] = []
        for _ in 0..<size { headers.append((UInt32(try reader.u16()), Int(try reader.u16()) + 1)) }
        if hasOffsets { reader.offset += 4 * size }
        var values: [UInt32] = []
        for (index, header) in headers.enumerated() {
            let base = header.key << 16
            let isRun = !runFlags.isEmpty && runFlags[index / 8] & (1 << (index % 8)) != 0
            if isRun {
                let runs = Int(try reader.u16())
                for _ in 0..<runs {
                    let start = UInt32(try reader.u16())
                    let length = UInt32(try reader.u16())
                    guard start + length <= 0xFFFF else { throw DeltaError(.corruptLog, "\(reader.name): a Roaring run past its container") }
                    guard values.count + Int(length) + 1 <= remaining else {
                        throw DeltaError(.corruptLog, "\(reader.name): the deletion vector holds more rows than its descriptor's cardinality")
                    }
                    for value in start...(start + length) { values.append(base | value) }
                }
            } else if header.cardinality > 4096 {
                for word in 0..<1024 {
                    var bits = try reader.u64()
                    while bits != 0 {
                        let bit = UInt32(bits.trailingZeroBitCount)
                        values.append(base | UInt32(word * 64) | bit)
                        bits &= bits - 1
                    }
                }
            } else {
                for _ in 0..<header.cardinality { values.append(base | UInt32(try reader.u16())) }
            }
        }
        return values
    }

    // MARK: Encoding

    /// The magic and the 64-bit portable serialization, with array and bitmap containers.
    public func encodeDeletionVector() -> [UInt8] {
        var bytes: [UInt8] = []
        Self.put32(Self.magic, into: &bytes)
        var buckets: [(UInt32, [UInt32])] = []
        for value in values {
            let high = UInt32(value >> 32)
            if buckets.last?.0 != high { buckets.append((high, [])) }
            buckets[buckets.count - 1].1.append(UInt32(value & 0xFFFF_FFFF))
        }
        Self.put32(UInt32(buckets.count), into: &bytes)
        Self.put32(0, into: &bytes)
        for (high, lows) in buckets {
            Self.put32(high, into: &bytes)
            bytes += Self.encode32(lows)
        }
        return bytes
    }

    /// One 32-bit Roaring bitmap without run containers; container offsets count from its first byte.
    private static func encode32(_ lows: [UInt32]) -> [UInt8] {
        var containers: [(key: UInt16, members: [UInt16])] = []
        for low in lows {
            let key = UInt16(low >> 16)
            if containers.last?.key != key { containers.append((key, [])) }
            containers[containers.count - 1].members.append(UInt16(low & 0xFFFF))
        }
        var header: [UInt8] = []
        put32(serialCookieNoRuns, into: &header)
        put32(UInt32(containers.count), into: &header)
        for container in containers {
            put16(container.key, into: &header)
            put16(UInt16(container.members.count - 1), into: &header)
        }
        var body: [UInt8] = []
        var offsets: [UInt8] = []
        let headerSize = header.count + 4 * containers.count
        for container in containers {
            put32(UInt32(headerSize + body.count), into: &offsets)
            if container.members.count > 4096 {
                var words = [UInt64](repeating: 0, count: 1024)
                for member in container.members { words[Int(member) / 64] |= 1 << UInt64(member % 64) }
                for word in words {
                    put32(UInt32(word & 0xFFFF_FFFF), into: &body)
                    put32(UInt32(word >> 32), into: &body)
                }
            } else {
                for member in container.members { put16(member, into: &body) }
            }
        }
        return header + offsets + body
    }

    private static func put32(_ value: UInt32, into bytes: inout [UInt8]) {
        for index in 0..<4 { bytes.append(UInt8(value >> (8 * UInt32(index)) & 0xFF)) }
    }

    private static func put16(_ value: UInt16, into bytes: inout [UInt8]) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }
}
