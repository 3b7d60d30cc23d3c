import LaminarArrow

/// Reads JSON `true` and `false`; other values are errors rather than guesses about truthiness.
final class JSONBooleanDecoder: JSONValueDecoder {
    let field: Field
    let path: String
    private let builder: BooleanBuilder

    init(field: Field, path: String, builder: BooleanBuilder) {
        self.field = field
        self.path = path
        self.builder = builder
    }

    func decodeValue(_ scanner: inout JSONScanner) throws(FileFormatError) {
        switch scanner.peek {
        case UInt8(ascii: "t"):
            try scanner.literal("true")
            builder.append(true)
        case UInt8(ascii: "f"):
            try scanner.literal("false")
            builder.append(false)
        default:
            throw mismatch(&scanner)
        }
    }

    func appendNullValue() { builder.appendNull() }
}
