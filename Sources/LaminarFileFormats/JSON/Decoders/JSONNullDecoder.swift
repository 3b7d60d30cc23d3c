import LaminarArrow

/// Fills a `null`-typed field, which only JSON `null` (or a missing key) fits.
final class JSONNullDecoder: JSONValueDecoder {
    let field: Field
    let path: String
    private let builder: NullBuilder

    init(field: Field, path: String, builder: NullBuilder) {
        self.field = field
        self.path = path
        self.builder = builder
    }

    func decodeValue(_ scanner: inout JSONScanner) throws(FileFormatError) { throw mismatch(&scanner) }

    func appendNullValue() { builder.appendNull() }
}
