extension Parser {
    /// Parses a data type, including nested `ARRAY<...>`, `STRUCT<...>`, `MAP<...>` and `t[]`.
    mutating func parseType() throws(SQLError) -> SQLType {
        let savedDepth = depth
        defer { depth = savedDepth }
        try enter()
        var type = try parseBaseType()
        while check(.leftBracket) {
            advance()
            try expect(.rightBracket, "']'")
            try enter()
            type = .array(type)
        }
        return type
    }

    private mutating func parseBaseType() throws(SQLError) -> SQLType {
        let token = current
        guard token.kind == .word else { throw unexpected(expected: "a data type") }
        advance()
        switch token.value {
        case "boolean", "bool": return .boolean
        case "tinyint", "int1": return .tinyint
        case "smallint", "int2": return .smallint
        case "int", "integer", "int4": return .integer
        case "bigint", "int8": return .bigint
        case "real", "float", "float4": return .real
        case "float8": return .double
        case "double":
            if current.kind == .word, current.value == "precision" { advance() }
            return .double
        case "decimal", "numeric", "dec":
            guard consume(.leftParen) else { return .decimal(precision: nil, scale: nil) }
            let precision = try parseTypeParameter()
            var scale: Int?
            if consume(.comma) {
                scale = try parseTypeParameter()
            }
            try expect(.rightParen, scale == nil ? "',' or ')'" : "')'")
            return .decimal(precision: precision, scale: scale)
        case "varchar":
            guard consume(.leftParen) else { return .varchar(length: nil) }
            let length = try parseTypeParameter()
            try expect(.rightParen, "')'")
            return .varchar(length: length)
        case "string", "text": return .varchar(length: nil)
        case "binary", "bytea", "varbinary", "blob": return .binary
        case "date": return .date
        case "time": return .time
        case "timestamp":
            let precision = try parseOptionalPrecision()
            if check(.with) {
                advance()
                try expectWord("time", display: "TIME")
                try expectWord("zone", display: "ZONE")
                return .timestampWithTimeZone(precision: precision)
            }
            if check(.without) {
                advance()
                try expectWord("time", display: "TIME")
                try expectWord("zone", display: "ZONE")
            }
            return .timestamp(precision: precision)
        case "timestamptz":
            return .timestampWithTimeZone(precision: try parseOptionalPrecision())
        case "interval": return .interval
        case "array":
            try expect(.less, "'<'")
            let element = try parseType()
            try expect(.greater, "'>'")
            return .array(element)
        case "map":
            try expect(.less, "'<'")
            let key = try parseType()
            try expect(.comma, "','")
            let value = try parseType()
            try expect(.greater, "'>'")
            return .map(key: key, value: value)
        case "struct":
            try expect(.less, "'<'")
            var fields: [StructField] = []
            repeat {
                let name = try parseIdentifier("a field name")
                fields.append(StructField(name, try parseType()))
            } while consume(.comma)
            try expect(.greater, "',' or '>'")
            return .struct(fields)
        default:
            throw error(.syntax, "unknown data type \(rawText(token))", at: token, expected: "a data type")
        }
    }

    private mutating func parseOptionalPrecision() throws(SQLError) -> Int? {
        guard consume(.leftParen) else { return nil }
        let precision = try parseTypeParameter()
        try expect(.rightParen, "')'")
        return precision
    }

    private mutating func parseTypeParameter() throws(SQLError) -> Int {
        guard check(.integer), let value = Int(current.value), value <= Int(Int32.max) else {
            throw unexpected(expected: "an integer")
        }
        advance()
        return value
    }

    /// Matches a non-reserved word that is not worth a ``Keyword`` case of its own.
    private mutating func expectWord(_ word: String, display: String) throws(SQLError) {
        guard current.kind == .word, current.value == word else { throw unexpected(expected: display) }
        advance()
    }
}
