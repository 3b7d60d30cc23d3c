import LaminarArrow

/// Reads strings into utf8 (or binary) fields. Any other value is kept as its JSON text (`12.50`, `{"a":1}`),
/// which loses nothing and lets a string column absorb fields whose type varies from record to record.
final class JSONTextDecoder<Kind: ByteArrayKind>: JSONValueDecoder {
    let field: Field
    let path: String
    private let builder: GenericByteBuilder<Kind>
    /// Bytes appended so far, checked so the 32-bit offsets never overflow (which would trap).
    private var byteCount = 0

    init(field: Field, path: String, builder: GenericByteBuilder<Kind>) {
        self.field = field
        self.path = path
        self.builder = builder
    }

    func decodeValue(_ scanner: inout JSONScanner) throws(FileFormatError) {
        let start = scanner.position
        var string: (content: Range<Int>, escaped: Bool)?
        if scanner.peek == UInt8(ascii: "\"") {
            string = try scanner.string()
        } else {
            try scanner.skipValue(depth: 0)
        }
        // The raw span bounds what is appended (decoding escapes only shrinks text); check before appending,
        // since the builder traps past 2 GiB.
        let span = scanner.position - start
        guard byteCount + span <= Int(Int32.max) else {
            throw scanner.error(.tooLarge("more than 2 GiB of text in one batch; use a smaller batch size"),
                                column: path)
        }
        byteCount += span
        if let string {
            scanner.withStringBytes(string.content, escaped: string.escaped) { bytes in
                builder.append(bytes: UnsafeRawBufferPointer(bytes))
            }
        } else {
            builder.append(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.position])))
        }
    }

    func appendNullValue() { builder.appendNull() }
}
