/// Decodes the Thrift compact protocol from a byte buffer.
///
/// Every read checks the bytes left, and lengths are checked against them before anything is allocated, so a
/// corrupt footer or page header throws `ThriftError` instead of trapping or allocating without bound.
public struct CompactReader {
    public let bytes: [UInt8]
    /// Offset of the next byte to read.
    public private(set) var position: Int
    /// Last field id of each open struct, for the compact protocol's delta-encoded field ids.
    private var lastFieldIDs: [Int16] = [0]
    /// Value of a boolean field, carried in its header.
    private var pendingBool: Bool?

    /// Structs nested deeper than this are rejected: real Parquet metadata nests a handful of levels.
    public static let maxDepth = 64

    public init(_ bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    public var remaining: Int { bytes.count - position }

    // MARK: Structs and fields

    public mutating func beginStruct() throws(ThriftError) {
        guard lastFieldIDs.count < Self.maxDepth else {
            throw .nestingTooDeep(offset: position, limit: Self.maxDepth)
        }
        lastFieldIDs.append(0)
    }

    public mutating func endStruct() {
        if lastFieldIDs.count > 1 { lastFieldIDs.removeLast() }
    }

    /// The next field's id and type, or nil at the struct's stop byte.
    public mutating func readFieldHeader() throws(ThriftError) -> (id: Int16, type: ThriftType)? {
        let start = position
        let header = try readByte()
        guard header != 0 else { return nil }
        let type = try thriftType(header & 0x0F, at: start)
        let delta = Int16(header >> 4)
        let id: Int16
        if delta == 0 {
            id = try readI16()
        } else {
            let (sum, overflow) = (lastFieldIDs.last ?? 0).addingReportingOverflow(delta)
            guard !overflow else { throw .invalidType(offset: start, code: header) }
            id = sum
        }
        lastFieldIDs[lastFieldIDs.count - 1] = id
        switch type {
        case .booleanTrue: pendingBool = true
        case .booleanFalse: pendingBool = false
        default: pendingBool = nil
        }
        return (id, type)
    }

    // MARK: Scalars

    public mutating func readBool() throws(ThriftError) -> Bool {
        if let value = pendingBool {
            pendingBool = nil
            return value
        }
        return try readByte() == ThriftType.booleanTrue.rawValue
    }

    public mutating func readByte() throws(ThriftError) -> UInt8 {
        guard position < bytes.count else { throw .truncated(offset: position, needed: 1) }
        defer { position += 1 }
        return bytes[position]
    }

    public mutating func readI8() throws(ThriftError) -> Int8 { Int8(bitPattern: try readByte()) }

    public mutating func readI16() throws(ThriftError) -> Int16 {
        let start = position
        let value = try readZigZag()
        guard let narrow = Int16(exactly: value) else { throw .varintTooLong(offset: start) }
        return narrow
    }

    public mutating func readI32() throws(ThriftError) -> Int32 {
        let start = position
        let value = try readZigZag()
        guard let narrow = Int32(exactly: value) else { throw .varintTooLong(offset: start) }
        return narrow
    }

    public mutating func readI64() throws(ThriftError) -> Int64 { try readZigZag() }

    public mutating func readDouble() throws(ThriftError) -> Double {
        guard remaining >= 8 else { throw .truncated(offset: position, needed: 8 - remaining) }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[position + index]) << UInt64(8 * index) }
        position += 8
        return Double(bitPattern: bits)
    }

    public mutating func readBinary() throws(ThriftError) -> [UInt8] {
        let length = try readLength()
        defer { position += length }
        return Array(bytes[position..<(position + length)])
    }

    public mutating func readString() throws(ThriftError) -> String {
        let length = try readLength()
        defer { position += length }
        return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
    }

    // MARK: Containers

    /// Element type and count of a list or set.
    public mutating func readListHeader() throws(ThriftError) -> (elementType: ThriftType, count: Int) {
        let start = position
        let header = try readByte()
        let type = try thriftType(header & 0x0F, at: start)
        let short = Int(header >> 4)
        let count = short == 15 ? try readLength(elementsOf: type) : short
        // Every element takes at least one byte, which bounds the count by what is left.
        guard count <= remaining else {
            throw .lengthTooLarge(offset: start, length: Int64(count), remaining: remaining)
        }
        return (type, count)
    }

    /// Key type, value type and count of a map.
    public mutating func readMapHeader() throws(ThriftError) -> (keyType: ThriftType, valueType: ThriftType, count: Int) {
        let start = position
        let count = try readLength(elementsOf: .map)
        guard count > 0 else { return (.stop, .stop, 0) }
        let types = try readByte()
        guard count <= remaining else {
            throw .lengthTooLarge(offset: start, length: Int64(count), remaining: remaining)
        }
        return (try thriftType(types >> 4, at: start), try thriftType(types & 0x0F, at: start), count)
    }

    // MARK: Skipping

    /// Skips a value of `type`, so fields this version does not know are ignored as Thrift requires.
    public mutating func skip(_ type: ThriftType) throws(ThriftError) {
        try skip(type, depth: 0)
    }

    private mutating func skip(_ type: ThriftType, depth: Int) throws(ThriftError) {
        guard depth < Self.maxDepth else { throw .nestingTooDeep(offset: position, limit: Self.maxDepth) }
        switch type {
        case .stop: return
        case .booleanTrue, .booleanFalse: _ = try readBool()
        case .byte: _ = try readByte()
        case .i16, .i32, .i64: _ = try readZigZag()
        case .double: _ = try readDouble()
        case .binary: position += try readLength()
        case .uuid:
            guard remaining >= 16 else { throw .truncated(offset: position, needed: 16 - remaining) }
            position += 16
        case .list, .set:
            let (elementType, count) = try readListHeader()
            for _ in 0..<count { try skip(elementType, depth: depth + 1) }
        case .map:
            let (keyType, valueType, count) = try readMapHeader()
            for _ in 0..<count {
                try skip(keyType, depth: depth + 1)
                try skip(valueType, depth: depth + 1)
            }
        case .struct:
            try beginStruct()
            while let field = try readFieldHeader() { try skip(field.type, depth: depth + 1) }
            endStruct()
        }
    }

    // MARK: Varints

    mutating func readVarint() throws(ThriftError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard shift < 70 else { throw .varintTooLong(offset: start) }
            let byte = try readByte()
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func readZigZag() throws(ThriftError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// A non-negative length that fits in what is left of the buffer (one byte per element at least).
    private mutating func readLength(elementsOf type: ThriftType = .binary) throws(ThriftError) -> Int {
        let start = position
        let raw = try readVarint()
        guard raw <= UInt64(Int32.max) else { throw .negativeLength(offset: start, length: Int64(bitPattern: raw)) }
        let length = Int(raw)
        guard length <= remaining else {
            throw .lengthTooLarge(offset: start, length: Int64(length), remaining: remaining)
        }
        return length
    }

    private func thriftType(_ code: UInt8, at offset: Int) throws(ThriftError) -> ThriftType {
        guard let type = ThriftType(rawValue: code), type != .stop || code == 0 else {
            throw .invalidType(offset: offset, code: code)
        }
        return type
    }
}
