import LaminarArrow

/// Appends JSON values to the Arrow builder of one field, converting them to the field's type.
///
/// Decoders wrap the builders `makeBuilder(for:)` creates, nested ones included, so a list or struct decoder
/// reaches its children through the builder's own child builders and the finished array comes from the
/// outermost builder as usual.
protocol JSONValueDecoder: AnyObject {
    var field: Field { get }
    /// Dotted path of the field from the record, for error messages.
    var path: String { get }
    /// Decodes the non-null value at the cursor and leaves the cursor after it.
    func decodeValue(_ scanner: inout JSONScanner) throws(FileFormatError)
    /// Appends a null; nullability is checked by the caller.
    func appendNullValue()
}

extension JSONValueDecoder {
    /// Decodes the value at the cursor, `null` included.
    func decode(_ scanner: inout JSONScanner) throws(FileFormatError) {
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "n") {
            try scanner.literal("null")
            try appendNull(&scanner)
        } else {
            try decodeValue(&scanner)
        }
    }

    /// Appends a null for a `null` or missing value, unless the field forbids it.
    func appendNull(_ scanner: inout JSONScanner) throws(FileFormatError) {
        guard field.isNullable else {
            throw scanner.error(.unexpectedNull(expected: field.type.description), column: path)
        }
        appendNullValue()
    }

    /// The error for a value that does not fit; skips the value first to show all of it (up to 40 bytes).
    func mismatch(_ scanner: inout JSONScanner) -> FileFormatError {
        let start = scanner.position
        do {
            try scanner.skipValue(depth: 0)
        } catch {
            return error
        }
        return conversionError(scanner, start..<scanner.position)
    }

    func conversionError(_ scanner: JSONScanner, _ range: Range<Int>) -> FileFormatError {
        scanner.error(.conversion(expected: field.type.description, found: scanner.snippet(range)), column: path)
    }
}

/// The decoder for `field`, around `builder`, which must come from `makeBuilder(for: field.type)`.
func makeJSONDecoder(field: Field, path: String, builder: any ArrayBuilder, source: String)
    throws(FileFormatError) -> any JSONValueDecoder
{
    func typed<B>(_: B.Type) throws(FileFormatError) -> B {
        guard let typed = builder as? B else {
            throw FileFormatError(.invalidArgument("no builder for \(field.type)"), source: source, column: path)
        }
        return typed
    }
    switch field.type {
    case .null: return JSONNullDecoder(field: field, path: path, builder: try typed(NullBuilder.self))
    case .boolean: return JSONBooleanDecoder(field: field, path: path, builder: try typed(BooleanBuilder.self))
    case .int8: return JSONIntegerDecoder(field: field, path: path, builder: try typed(PrimitiveBuilder<Int8>.self))
    case .int16: return JSONIntegerDecoder(field: field, path: path, builder: try typed(PrimitiveBuilder<Int16>.self))
    case .int32: return JSONIntegerDecoder(field: field, path: path, builder: try typed(PrimitiveBuilder<Int32>.self))
    case .int64: return JSONIntegerDecoder(field: field, path: path, builder: try typed(PrimitiveBuilder<Int64>.self))
    case .uint8: return JSONIntegerDecoder(field: field, path: path, builder: try typed(PrimitiveBuilder<UInt8>.self))
    case .uint16:
        return JSONIntegerDecoder(field: field, path: path, builder: try typed(PrimitiveBuilder<UInt16>.self))
    case .uint32:
        return JSONIntegerDecoder(field: field, path: path, builder: try typed(PrimitiveBuilder<UInt32>.self))
    case .uint64:
        return JSONIntegerDecoder(field: field, path: path, builder: try typed(PrimitiveBuilder<UInt64>.self))
    case .float32: return JSONFloatDecoder(field: field, path: path, builder: try typed(PrimitiveBuilder<Float>.self))
    case .float64: return JSONFloatDecoder(field: field, path: path, builder: try typed(PrimitiveBuilder<Double>.self))
    case .decimal128(let precision, let scale):
        return JSONDecimalDecoder(field: field, path: path, builder: try typed(PrimitiveBuilder<Int128>.self),
                                  precision: precision, scale: scale)
    case .utf8: return JSONTextDecoder(field: field, path: path, builder: try typed(StringBuilder.self))
    case .binary: return JSONTextDecoder(field: field, path: path, builder: try typed(BinaryBuilder.self))
    case .date32: return JSONTemporalDecoder(field: field, path: path, days: try typed(PrimitiveBuilder<Int32>.self))
    case .time64, .timestamp:
        return JSONTemporalDecoder(field: field, path: path, ticks: try typed(PrimitiveBuilder<Int64>.self))
    case .list(let item):
        let list = try typed(ListBuilder.self)
        let child = try makeJSONDecoder(field: item, path: path, builder: list.values, source: source)
        return JSONListDecoder(field: field, path: path, builder: list, item: child)
    case .struct(let fields):
        let structure = try typed(StructBuilder.self)
        var children: [any JSONValueDecoder] = []
        for (child, childBuilder) in zip(fields, structure.children) {
            children.append(try makeJSONDecoder(field: child, path: path + "." + child.name, builder: childBuilder,
                                                source: source))
        }
        return JSONStructDecoder(field: field, path: path, builder: structure, children: children)
    case .fixedSizeBinary, .map:
        throw FileFormatError(.invalidArgument("JSON Lines cannot hold \(field.type) values"), source: source,
                              column: path)
    }
}
