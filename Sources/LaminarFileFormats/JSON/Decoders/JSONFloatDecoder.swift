import LaminarArrow

/// Reads JSON numbers as float32 or float64; also strings holding a number, or `NaN` and `Infinity`, which
/// JSON cannot spell as numbers and which producers therefore quote.
final class JSONFloatDecoder<T: BinaryFloatingPoint & ArrowNativeType>: JSONValueDecoder {
    let field: Field
    let path: String
    private let builder: PrimitiveBuilder<T>

    init(field: Field, path: String, builder: PrimitiveBuilder<T>) {
        self.field = field
        self.path = path
        self.builder = builder
    }

    func decodeValue(_ scanner: inout JSONScanner) throws(FileFormatError) {
        let range: Range<Int>
        let value: Double?
        if scanner.peek == UInt8(ascii: "\"") {
            let start = scanner.position
            let text = try scanner.string()
            range = start..<scanner.position
            value = scanner.withStringBytes(text.content, escaped: text.escaped) {
                Double(String(decoding: ByteParsing.trimmed($0), as: UTF8.self))
            }
        } else if let kind = scanner.valueKindName, kind == "number" {
            range = try scanner.number().range
            value = Double(String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[range]), as: UTF8.self))
        } else {
            throw mismatch(&scanner)
        }
        guard let value else { throw conversionError(scanner, range) }
        builder.append(T(value))
    }

    func appendNullValue() { builder.appendNull() }
}
