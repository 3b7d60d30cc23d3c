import LaminarArrow

/// Reads decimals from the number's digits (or a string's), so `0.1` is exactly 1 tenth and not the nearest
/// double; digits beyond the scale round half away from zero, and too many digits for the precision fail.
final class JSONDecimalDecoder: JSONValueDecoder {
    let field: Field
    let path: String
    private let builder: PrimitiveBuilder<Int128>
    private let precision: Int
    private let scale: Int

    init(field: Field, path: String, builder: PrimitiveBuilder<Int128>, precision: Int, scale: Int) {
        self.field = field
        self.path = path
        self.builder = builder
        self.precision = precision
        self.scale = scale
    }

    func decodeValue(_ scanner: inout JSONScanner) throws(FileFormatError) {
        let range: Range<Int>
        let text: String
        if scanner.peek == UInt8(ascii: "\"") {
            let start = scanner.position
            let string = try scanner.string()
            range = start..<scanner.position
            text = scanner.withStringBytes(string.content, escaped: string.escaped) {
                String(decoding: $0, as: UTF8.self)
            }
        } else if let kind = scanner.valueKindName, kind == "number" {
            range = try scanner.number().range
            text = String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[range]), as: UTF8.self)
        } else {
            throw mismatch(&scanner)
        }
        guard let value = DecimalFormat.parse(text, precision: precision, scale: scale) else {
            throw conversionError(scanner, range)
        }
        builder.append(value)
    }

    func appendNullValue() { builder.appendNull() }
}
