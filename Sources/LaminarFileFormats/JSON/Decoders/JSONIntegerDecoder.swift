import LaminarArrow

/// Reads integers exactly from their digits (never through `Double`, which loses int64 precision above 2^53).
///
/// A number with a fraction or exponent is accepted when its value is a whole number in range (`1e3`, `2.0`),
/// and a string holding an integer is accepted too, because many producers quote 64-bit integers to protect
/// them from JavaScript.
final class JSONIntegerDecoder<T: FixedWidthInteger & ArrowNativeType>: JSONValueDecoder {
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
        let value: T?
        if scanner.peek == UInt8(ascii: "\"") {
            let start = scanner.position
            let text = try scanner.string()
            range = start..<scanner.position
            value = scanner.withStringBytes(text.content, escaped: text.escaped) { Self.integer(ByteParsing.trimmed($0)) }
        } else if let kind = scanner.valueKindName, kind == "number" {
            let number = try scanner.number()
            range = number.range
            let bytes = UnsafeBufferPointer(rebasing: scanner.bytes[number.range])
            value = number.isInteger ? Self.integer(bytes) : Self.wholeNumber(bytes)
        } else {
            throw mismatch(&scanner)
        }
        guard let value else { throw conversionError(scanner, range) }
        builder.append(value)
    }

    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> T? {
        if let signed = ByteParsing.int64(bytes) { return T(exactly: signed) }
        return ByteParsing.uint64(bytes).flatMap { T(exactly: $0) }
    }

    private static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> T? {
        guard let double = Double(String(decoding: bytes, as: UTF8.self)), double.rounded(.towardZero) == double
        else { return nil }
        return T(exactly: double)
    }

    func appendNullValue() { builder.appendNull() }
}
