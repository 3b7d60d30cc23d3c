/// Why a Thrift compact-protocol message could not be decoded. Offsets count bytes from the start of the
/// message, so a caller can add the message's position in its file.
public enum ThriftError: Error, Hashable, Sendable, CustomStringConvertible {
    case truncated(offset: Int, needed: Int)
    case invalidType(offset: Int, code: UInt8)
    case unexpectedType(offset: Int, field: Int16, expected: ThriftType, found: ThriftType)
    case varintTooLong(offset: Int)
    case negativeLength(offset: Int, length: Int64)
    case lengthTooLarge(offset: Int, length: Int64, remaining: Int)
    case nestingTooDeep(offset: Int, limit: Int)
    case missingField(structure: String, field: String)
    case invalidValue(structure: String, field: String, value: String)

    public var description: String {
        switch self {
        case .truncated(let offset, let needed):
            "truncated Thrift message: \(needed) more bytes needed at offset \(offset)"
        case .invalidType(let offset, let code): "invalid Thrift type code \(code) at offset \(offset)"
        case .unexpectedType(let offset, let field, let expected, let found):
            "Thrift field \(field) at offset \(offset) is \(found), expected \(expected)"
        case .varintTooLong(let offset): "Thrift varint at offset \(offset) is longer than 10 bytes"
        case .negativeLength(let offset, let length): "negative Thrift length \(length) at offset \(offset)"
        case .lengthTooLarge(let offset, let length, let remaining):
            "Thrift length \(length) at offset \(offset) exceeds the \(remaining) bytes left"
        case .nestingTooDeep(let offset, let limit): "Thrift nesting deeper than \(limit) at offset \(offset)"
        case .missingField(let structure, let field): "Thrift struct \(structure) lacks required field \(field)"
        case .invalidValue(let structure, let field, let value):
            "Thrift struct \(structure) has invalid \(field): \(value)"
        }
    }
}
