import LaminarArrow

/// What the records sampled so far say about one JSON value's type; merged across records.
indirect enum JSONInferredType {
    /// Only `null` seen: no evidence yet.
    case null
    case boolean
    /// Numbers without fraction or exponent that fit int64.
    case integer
    case float
    /// Strings, with the date and timestamp shapes every one of them had.
    case text(TextTypeSniffer)
    case list(JSONInferredType)
    case object(JSONInferredObject)
    /// Kinds that do not merge (a number here, a string there): utf8, which keeps each value's JSON text.
    case mixed

    func merged(with other: JSONInferredType) -> JSONInferredType {
        switch (self, other) {
        case (.null, _): return other
        case (_, .null): return self
        case (.boolean, .boolean): return .boolean
        case (.integer, .integer): return .integer
        case (.integer, .float), (.float, .integer), (.float, .float): return .float
        case (.text(var mine), .text(let theirs)):
            mine.merge(theirs)
            return .text(mine)
        case (.list(let mine), .list(let theirs)): return .list(mine.merged(with: theirs))
        case (.object(var mine), .object(let theirs)):
            mine.merge(theirs)
            return .object(mine)
        default: return .mixed
        }
    }

    var dataType: DataType {
        switch self {
        case .null, .mixed: .utf8
        case .boolean: .boolean
        case .integer: .int64
        case .float: .float64
        case .text(let sniffer): sniffer.resolvedType
        case .list(let item): .list(of: item.dataType)
        // An object with no keys in any sample has no fields to build a struct from; keep its text.
        case .object(let object): object.names.isEmpty ? .utf8 : .struct(object.fields)
        }
    }

    /// Reads the value at the cursor and describes it; `depth` counts enclosing arrays and objects.
    static func infer(_ scanner: inout JSONScanner, depth: Int) throws(FileFormatError) -> JSONInferredType {
        scanner.skipWhitespace()
        switch scanner.peek {
        case UInt8(ascii: "{"):
            return .object(try JSONInferredObject.infer(&scanner, depth: depth))
        case UInt8(ascii: "["):
            guard depth < JSONScanner.maxDepth else { throw scanner.error(.tooDeep(limit: JSONScanner.maxDepth)) }
            scanner.position += 1
            scanner.skipWhitespace()
            var item = JSONInferredType.null
            if scanner.peek == UInt8(ascii: "]") {
                scanner.position += 1
            } else {
                repeat {
                    item = item.merged(with: try infer(&scanner, depth: depth + 1))
                } while try !scanner.endOfMember(close: UInt8(ascii: "]"), what: "',' or ']'")
            }
            return .list(item)
        case UInt8(ascii: "\""):
            let string = try scanner.string()
            var sniffer = TextTypeSniffer.forJSONString()
            scanner.withStringBytes(string.content, escaped: string.escaped) { sniffer.observe($0) }
            return .text(sniffer)
        case UInt8(ascii: "t"):
            try scanner.literal("true")
            return .boolean
        case UInt8(ascii: "f"):
            try scanner.literal("false")
            return .boolean
        case UInt8(ascii: "n"):
            try scanner.literal("null")
            return .null
        case nil:
            throw scanner.syntaxError("expected a value")
        default:
            let number = try scanner.number()
            let fits = ByteParsing.int64(UnsafeBufferPointer(rebasing: scanner.bytes[number.range])) != nil
            return number.isInteger && fits ? .integer : .float
        }
    }
}
