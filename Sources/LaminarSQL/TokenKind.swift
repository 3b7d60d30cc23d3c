/// The lexical class of a token. Values (identifier text, string contents, number spelling) live
/// on ``Token`` so that kinds stay cheap to compare in the parser's hot loops.
enum TokenKind: Sendable, Hashable {
    /// An unquoted word: keyword or identifier, decided by the parser in context.
    case word
    /// A `"double-quoted"` identifier; never a keyword.
    case quotedIdentifier
    /// A `'single-quoted'` string.
    case string
    /// Digits only.
    case integer
    /// Digits with a fraction and/or exponent.
    case decimal
    case comma, semicolon, leftParen, rightParen, leftBracket, rightBracket, dot
    case star, plus, minus, slash, percent, concat, doubleColon
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    case endOfInput
}
