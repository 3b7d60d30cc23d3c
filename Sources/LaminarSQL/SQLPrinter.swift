/// Small formatting helpers shared by the `sql` properties of the AST.
enum SQLPrinter {
    /// `'it''s'`: SQL doubles the quote instead of using backslashes.
    static func quoteString(_ text: String) -> String {
        "'" + doubling("'", in: text) + "'"
    }

    /// Escapes a delimiter the SQL way, by writing it twice. Works on scalars, not `Character`s:
    /// a quote followed by a combining mark is one `Character` but still a quote to the lexer.
    static func doubling(_ quote: Unicode.Scalar, in text: String) -> String {
        guard text.unicodeScalars.contains(quote) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(scalar)
            if scalar == quote { result.append(quote) }
        }
        return String(result)
    }

    static func optionValue(_ value: OptionValue) -> String {
        switch value {
        case .string(let text): return quoteString(text)
        case .number(let text): return text
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .identifier(let name): return isBareOptionWord(name) ? name : Identifier.quote(name)
        }
    }

    /// Option values keep their case, so any ASCII word reads back unchanged except the two that
    /// would turn into booleans.
    private static func isBareOptionWord(_ name: String) -> Bool {
        guard let first = name.utf8.first, Lexer.isIdentifierStart(first), first < 0x80 else { return false }
        guard name.utf8.allSatisfy({ $0 < 0x80 && Lexer.isIdentifierPart($0) }) else { return false }
        let lower = name.lowercased()
        return lower != "true" && lower != "false"
    }

    static func list<T>(_ items: [T], _ render: (T) -> String) -> String {
        items.map(render).joined(separator: ", ")
    }
}
