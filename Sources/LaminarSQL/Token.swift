/// One lexed token. Words carry their keyword (if any) pre-resolved so the parser never
/// re-lowercases text while backtracking over alternatives.
struct Token: Sendable, Hashable {
    var kind: TokenKind
    /// Decoded value: identifier name (lowercased for bare words), string contents, or number text.
    var value: String
    /// Set for `.word` tokens that spell a keyword.
    var keyword: Keyword?
    var location: SourceLocation
    /// Byte length in the source, so errors can quote and underline the exact text.
    var byteLength: Int
    /// Column width (Unicode scalars) for the caret underline.
    var width: Int

    /// How the token reads in an error message, e.g. "keyword FROM", "identifier foo", "')'".
    func describe(in source: SourceText) -> String {
        let text = source.text(from: location.offset, to: location.offset + byteLength)
        switch kind {
        case .word:
            return keyword != nil ? "keyword \(text.uppercased())" : "identifier \(text)"
        case .quotedIdentifier:
            return "identifier \(text)"
        case .string:
            return "string \(Token.clip(text))"
        case .integer, .decimal:
            return "number \(text)"
        case .endOfInput:
            return "end of input"
        default:
            return "'\(text)'"
        }
    }

    /// Long literals would swamp the one-line message; the caret line still shows all of it.
    private static func clip(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(37)) + "..." : text
    }
}
