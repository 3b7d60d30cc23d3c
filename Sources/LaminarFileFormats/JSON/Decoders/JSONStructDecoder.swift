import LaminarArrow

/// Reads a JSON object into a struct field: keys match child names as at the top level, missing children are
/// null, unknown keys are skipped.
final class JSONStructDecoder: JSONValueDecoder {
    let field: Field
    let path: String
    private let builder: StructBuilder
    private let children: [any JSONValueDecoder]
    private var matcher: JSONFieldMatcher

    init(field: Field, path: String, builder: StructBuilder, children: [any JSONValueDecoder]) {
        self.field = field
        self.path = path
        self.builder = builder
        self.children = children
        matcher = JSONFieldMatcher(fields: children.map(\.field))
    }

    func decodeValue(_ scanner: inout JSONScanner) throws(FileFormatError) {
        guard scanner.peek == UInt8(ascii: "{") else { throw mismatch(&scanner) }
        try Self.decodeMembers(&scanner, matcher: &matcher, children: children)
        builder.appendRow()
    }

    /// Decodes the object at the cursor into `children` (one value each) and leaves the cursor after it; shared
    /// with the top level of a record.
    static func decodeMembers(
        _ scanner: inout JSONScanner, matcher: inout JSONFieldMatcher, children: [any JSONValueDecoder]
    ) throws(FileFormatError) {
        try matcher.scan(&scanner, depth: 0)
        let end = scanner.position
        for (child, slot) in zip(children, matcher.slots) {
            if slot >= 0 {
                scanner.position = slot
                try child.decode(&scanner)
            } else {
                try child.appendNull(&scanner)
            }
        }
        scanner.position = end
    }

    func appendNullValue() { builder.appendNull() }
}
