/// A Parquet metadata structure that reads and writes itself in the Thrift compact protocol.
public protocol ThriftStruct: Sendable {
    /// Decodes the struct's fields up to its stop byte; the caller has already entered the struct.
    init(fields reader: inout CompactReader) throws(ThriftError)
    /// Encodes the struct's fields; the caller opens and closes the struct.
    func writeFields(to writer: inout CompactWriter)
}

extension ThriftStruct {
    /// Decodes a whole top-level message, such as a footer or a page header.
    public init(thrift bytes: [UInt8]) throws(ThriftError) {
        var reader = CompactReader(bytes)
        try self.init(reading: &reader)
    }

    public init(reading reader: inout CompactReader) throws(ThriftError) {
        try reader.beginStruct()
        try self.init(fields: &reader)
        reader.endStruct()
    }

    /// The struct as a standalone compact-protocol message.
    public var thriftBytes: [UInt8] {
        var writer = CompactWriter()
        write(to: &writer)
        return writer.bytes
    }

    public func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writeFields(to: &writer)
        writer.endStruct()
    }
}

/// A Thrift enum: an i32 that keeps values this version does not know, so newer files still decode.
public protocol ThriftEnum: RawRepresentable, Hashable, Sendable where RawValue == Int32 {
    init(rawValue: Int32)
}

extension CompactReader {
    /// Reads a field's value after checking its wire type; a mismatch means corrupt or foreign metadata.
    mutating func expect(_ field: (id: Int16, type: ThriftType), _ type: ThriftType) throws(ThriftError) {
        let compatible = field.type == type
            || (type == .booleanTrue && field.type == .booleanFalse)
            || (type == .set && field.type == .list)
        guard compatible else {
            throw .unexpectedType(offset: position, field: field.id, expected: type, found: field.type)
        }
    }

    mutating func readI32(_ field: (id: Int16, type: ThriftType)) throws(ThriftError) -> Int32 {
        try expect(field, .i32)
        return try readI32()
    }

    mutating func readI64(_ field: (id: Int16, type: ThriftType)) throws(ThriftError) -> Int64 {
        try expect(field, .i64)
        return try readI64()
    }

    mutating func readBool(_ field: (id: Int16, type: ThriftType)) throws(ThriftError) -> Bool {
        try expect(field, .booleanTrue)
        return try readBool()
    }

    mutating func readString(_ field: (id: Int16, type: ThriftType)) throws(ThriftError) -> String {
        try expect(field, .binary)
        return try readString()
    }

    mutating func readBinary(_ field: (id: Int16, type: ThriftType)) throws(ThriftError) -> [UInt8] {
        try expect(field, .binary)
        return try readBinary()
    }

    mutating func readEnum<E: ThriftEnum>(_ field: (id: Int16, type: ThriftType)) throws(ThriftError) -> E {
        E(rawValue: try readI32(field))
    }

    mutating func readStruct<S: ThriftStruct>(_ field: (id: Int16, type: ThriftType)) throws(ThriftError) -> S {
        try expect(field, .struct)
        return try S(reading: &self)
    }

    /// Reads a list field whose elements `element` decodes one at a time.
    mutating func readList<T>(
        _ field: (id: Int16, type: ThriftType), of type: ThriftType,
        _ element: (inout CompactReader) throws(ThriftError) -> T
    ) throws(ThriftError) -> [T] {
        try expect(field, .list)
        let start = position
        let (elementType, count) = try readListHeader()
        guard elementType == type || (type == .booleanTrue && elementType == .booleanFalse) else {
            throw .unexpectedType(offset: start, field: field.id, expected: type, found: elementType)
        }
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try element(&self)) }
        return items
    }

    mutating func readStructList<S: ThriftStruct>(_ field: (id: Int16, type: ThriftType)) throws(ThriftError) -> [S] {
        try readList(field, of: .struct) { (reader: inout CompactReader) throws(ThriftError) in try S(reading: &reader) }
    }
}

extension CompactWriter {
    mutating func writeEnumField<E: ThriftEnum>(_ id: Int16, _ value: E) { writeI32Field(id, value.rawValue) }

    mutating func writeStructField(_ id: Int16, _ value: some ThriftStruct) {
        writeFieldHeader(id, .struct)
        value.write(to: &self)
    }

    mutating func writeStructListField(_ id: Int16, _ values: [some ThriftStruct]) {
        writeFieldHeader(id, .list)
        writeListHeader(.struct, count: values.count)
        for value in values { value.write(to: &self) }
    }

    mutating func writeI64ListField(_ id: Int16, _ values: [Int64]) {
        writeFieldHeader(id, .list)
        writeListHeader(.i64, count: values.count)
        for value in values { writeI64(value) }
    }

    mutating func writeBinaryListField(_ id: Int16, _ values: [[UInt8]]) {
        writeFieldHeader(id, .list)
        writeListHeader(.binary, count: values.count)
        for value in values { writeBinary(value) }
    }
}

/// Checks that a required field was present.
func required<T>(_ value: T?, _ structure: String, _ field: String) throws(ThriftError) -> T {
    guard let value else { throw .missingField(structure: structure, field: field) }
    return value
}
