import LaminarArrow

/// The keys seen in a JSON object across samples, in first-seen order, each with its merged type.
struct JSONInferredObject {
    private(set) var names: [String] = []
    private var types: [JSONInferredType] = []
    private var index: [String: Int] = [:]

    var fields: [Field] { zip(names, types).map { Field(name: $0, type: $1.dataType) } }

    mutating func add(_ name: String, _ type: JSONInferredType) {
        if let position = index[name] {
            types[position] = types[position].merged(with: type)
        } else {
            index[name] = names.count
            names.append(name)
            types.append(type)
        }
    }

    mutating func merge(_ other: JSONInferredObject) {
        for (name, type) in zip(other.names, other.types) { add(name, type) }
    }

    /// Reads the object at the cursor (`{`) and leaves the cursor after it.
    static func infer(_ scanner: inout JSONScanner, depth: Int) throws(FileFormatError) -> JSONInferredObject {
        guard depth < JSONScanner.maxDepth else { throw scanner.error(.tooDeep(limit: JSONScanner.maxDepth)) }
        var object = JSONInferredObject()
        try scanner.expect(UInt8(ascii: "{"), "'{'")
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.position += 1
            return object
        }
        repeat {
            scanner.skipWhitespace()
            let key = try scanner.string()
            let name = scanner.withStringBytes(key.content, escaped: key.escaped) { String(decoding: $0, as: UTF8.self) }
            try scanner.expect(UInt8(ascii: ":"), "':'")
            object.add(name, try JSONInferredType.infer(&scanner, depth: depth + 1))
        } while try !scanner.endOfMember(close: UInt8(ascii: "}"), what: "',' or '}'")
        return object
    }
}
