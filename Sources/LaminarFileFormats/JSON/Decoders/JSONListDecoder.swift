import LaminarArrow

/// Reads a JSON array into a list field, each element through the item's decoder.
final class JSONListDecoder: JSONValueDecoder {
    let field: Field
    let path: String
    private let builder: ListBuilder
    private let item: any JSONValueDecoder

    init(field: Field, path: String, builder: ListBuilder, item: any JSONValueDecoder) {
        self.field = field
        self.path = path
        self.builder = builder
        self.item = item
    }

    func decodeValue(_ scanner: inout JSONScanner) throws(FileFormatError) {
        guard scanner.peek == UInt8(ascii: "[") else { throw mismatch(&scanner) }
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "]") {
            scanner.position += 1
        } else {
            repeat {
                try item.decode(&scanner)
            } while try !scanner.endOfMember(close: UInt8(ascii: "]"), what: "',' or ']'")
        }
        builder.appendElement()
    }

    func appendNullValue() { builder.appendNull() }
}
