import LaminarArrow

/// Finds, for one JSON object, where the value of each schema field starts.
///
/// Keys match field names exactly first and case-insensitively second; an exact match is never displaced by a
/// case-insensitive one, and among equals the last occurrence wins, as in most JSON parsers. Matching records
/// positions instead of decoding on the spot so that a later, better match can still take over, and so that
/// the whole object is validated before any of it reaches a builder.
struct JSONFieldMatcher {
    private let names: [[UInt8]]
    /// Lowercased names of the fields whose name is not plain ASCII; ASCII names are compared by folding bytes.
    private let foldedNames: [String?]
    /// Start of each field's value in the current object, or -1 when the object lacks it.
    private(set) var slots: [Int]
    private var exact: [Bool]
    /// Where the previous key matched: objects usually list keys in schema order, so look there first.
    private var hint = 0

    init(fields: [Field]) {
        names = fields.map { Array($0.name.utf8) }
        foldedNames = fields.map { $0.name.utf8.allSatisfy { $0 < 0x80 } ? nil : $0.name.lowercased() }
        slots = [Int](repeating: -1, count: fields.count)
        exact = [Bool](repeating: false, count: fields.count)
    }

    /// Scans and validates the object at the cursor, which must be `{`, leaving the cursor after its `}`.
    mutating func scan(_ scanner: inout JSONScanner, depth: Int) throws(FileFormatError) {
        for index in slots.indices {
            slots[index] = -1
            exact[index] = false
        }
        try scanner.expect(UInt8(ascii: "{"), "'{'")
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.position += 1
            return
        }
        while true {
            scanner.skipWhitespace()
            let key = try scanner.string()
            let found = scanner.withStringBytes(key.content, escaped: key.escaped) { match($0) }
            try scanner.expect(UInt8(ascii: ":"), "':'")
            scanner.skipWhitespace()
            if let found, found.exact || !exact[found.index] {
                slots[found.index] = scanner.position
                exact[found.index] = found.exact
            }
            try scanner.skipValue(depth: depth + 1)
            if try scanner.endOfMember(close: UInt8(ascii: "}"), what: "',' or '}'") { return }
        }
    }

    private mutating func match(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, exact: Bool)? {
        let count = names.count
        guard count > 0 else { return nil }
        for step in 0..<count {
            let index = (hint + step) % count
            if names[index].count == key.count, names[index].elementsEqual(key) {
                hint = index + 1
                return (index, true)
            }
        }
        var loweredKey: String?
        for index in 0..<count {
            if let folded = foldedNames[index] {
                if loweredKey == nil { loweredKey = String(decoding: key, as: UTF8.self).lowercased() }
                if folded == loweredKey { return (index, false) }
            } else if Self.asciiFoldedEqual(names[index], key) {
                return (index, false)
            }
        }
        return nil
    }

    private static func asciiFoldedEqual(_ name: [UInt8], _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count == key.count else { return false }
        for (a, b) in zip(name, key) where a != b {
            guard lowercase(a) == lowercase(b) else { return false }
        }
        return true
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
