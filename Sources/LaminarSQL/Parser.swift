/// Recursive-descent parser for LaminarDB's SQL dialect.
///
/// The whole input is lexed up front; the parser then walks the token array, which makes
/// lookahead and error positions trivial. Expressions use precedence climbing driven by
/// ``Precedence``, the same table the printer uses.
///
/// Nesting (parentheses, subqueries, nested types, and long operator chains, which build equally
/// deep trees) is capped at ``maximumDepth`` so hostile input gets an error instead of exhausting
/// the stack, here or later in code that walks the tree recursively.
public struct Parser {
    /// Default nesting budget. Each expression level (parenthesis, prefix operator, operator in a
    /// chain, nested type) costs 1 and each query level (subquery, derived table) costs
    /// ``queryDepthCost``, because a query level runs through several times more stack frames.
    ///
    /// Measured worst case at this budget (parse, print and compare the deepest accepted tree):
    /// under 6 MiB of stack in debug builds, which fits the 8 MiB main and default Linux
    /// threads; release builds need a fraction of that. Callers parsing untrusted SQL on
    /// small-stack threads (512 KiB) should pass a smaller budget to the entry points.
    public static let maximumDepth = 1000

    /// Budget consumed by one level of query nesting.
    public static let queryDepthCost = 8

    let source: SourceText
    var tokens: [Token]
    var index = 0
    var depth = 0
    let maximumDepth: Int

    init(_ sql: String, maximumDepth: Int) throws(SQLError) {
        source = SourceText(sql)
        tokens = try Lexer.tokenize(source)
        self.maximumDepth = maximumDepth
    }

    // MARK: Entry points

    /// Parses a `;`-separated script. Empty statements (`;;`) are skipped.
    public static func parseScript(_ sql: String, maximumDepth: Int = Parser.maximumDepth) throws(SQLError) -> [Statement] {
        var parser = try Parser(sql, maximumDepth: maximumDepth)
        var statements: [Statement] = []
        while true {
            while parser.consume(.semicolon) {}
            if parser.current.kind == .endOfInput { return statements }
            statements.append(try parser.parseStatement())
            if parser.current.kind != .endOfInput, !parser.check(.semicolon) {
                throw parser.unexpected(expected: "';' or end of input")
            }
        }
    }

    /// Parses exactly one statement, optionally followed by `;`.
    public static func parseStatement(_ sql: String, maximumDepth: Int = Parser.maximumDepth) throws(SQLError) -> Statement {
        var parser = try Parser(sql, maximumDepth: maximumDepth)
        let statement = try parser.parseStatement()
        while parser.consume(.semicolon) {}
        try parser.expectEnd()
        return statement
    }

    /// Parses a standalone query (`SELECT ...`).
    public static func parseQuery(_ sql: String, maximumDepth: Int = Parser.maximumDepth) throws(SQLError) -> Query {
        var parser = try Parser(sql, maximumDepth: maximumDepth)
        let query = try parser.parseQuery()
        try parser.expectEnd()
        return query
    }

    /// Parses a standalone expression, e.g. a filter typed into a tool.
    public static func parseExpression(_ sql: String, maximumDepth: Int = Parser.maximumDepth) throws(SQLError) -> Expression {
        var parser = try Parser(sql, maximumDepth: maximumDepth)
        let expression = try parser.parseExpression()
        try parser.expectEnd()
        return expression
    }

    /// Parses a standalone data type such as `ARRAY<DECIMAL(10,2)>`.
    public static func parseType(_ sql: String, maximumDepth: Int = Parser.maximumDepth) throws(SQLError) -> SQLType {
        var parser = try Parser(sql, maximumDepth: maximumDepth)
        let type = try parser.parseType()
        try parser.expectEnd()
        return type
    }

    // MARK: Token cursor

    var current: Token { tokens[index] }

    func peek(_ ahead: Int = 1) -> Token {
        tokens[min(index + ahead, tokens.count - 1)]
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    func check(_ kind: TokenKind) -> Bool {
        current.kind == kind
    }

    func check(_ keyword: Keyword) -> Bool {
        current.kind == .word && current.keyword == keyword
    }

    func checkNext(_ keyword: Keyword) -> Bool {
        let next = peek()
        return next.kind == .word && next.keyword == keyword
    }

    mutating func consume(_ kind: TokenKind) -> Bool {
        guard check(kind) else { return false }
        advance()
        return true
    }

    mutating func consume(_ keyword: Keyword) -> Bool {
        guard check(keyword) else { return false }
        advance()
        return true
    }

    mutating func expect(_ kind: TokenKind, _ description: String) throws(SQLError) {
        guard consume(kind) else { throw unexpected(expected: description) }
    }

    mutating func expect(_ keyword: Keyword) throws(SQLError) {
        guard consume(keyword) else { throw unexpected(expected: keyword.sql) }
    }

    func expectEnd() throws(SQLError) {
        guard check(.endOfInput) else { throw unexpected(expected: "';' or end of input") }
    }

    /// A bare word that is not reserved, or any quoted name.
    var atIdentifier: Bool {
        switch current.kind {
        case .quotedIdentifier: return true
        case .word: return !(current.keyword?.isReserved ?? false)
        default: return false
        }
    }

    mutating func parseIdentifier(_ expected: String) throws(SQLError) -> Identifier {
        guard atIdentifier else { throw unexpected(expected: expected) }
        let identifier = Identifier(current.value, location: current.location)
        advance()
        return identifier
    }

    /// The token's text exactly as written (words keep their case).
    func rawText(_ token: Token) -> String {
        source.text(from: token.location.offset, to: token.location.offset + token.byteLength)
    }

    // MARK: Nesting guard

    /// Counts one level of nesting; paired with ``leave()`` (or a saved-depth restore).
    mutating func enter(cost: Int = 1) throws(SQLError) {
        depth += cost
        if depth > maximumDepth {
            throw SQLError(
                kind: .nestingTooDeep,
                message: "nesting too deep (budget of \(maximumDepth) exceeded), expected less deeply nested SQL",
                expected: "less deeply nested SQL",
                found: current.describe(in: source), location: current.location, length: current.width,
                sourceLine: source.line(containing: current.location))
        }
    }

    mutating func leave(cost: Int = 1) {
        depth -= cost
    }

    // MARK: Errors

    /// "expected X, found Y" at the current token.
    func unexpected(expected: String) -> SQLError {
        let found = current.describe(in: source)
        return SQLError(
            kind: .syntax, message: "expected \(expected), found \(found)", expected: expected, found: found,
            location: current.location, length: current.width, sourceLine: source.line(containing: current.location))
    }

    /// A problem other than a token mismatch; the message still says what would be accepted.
    func error(_ kind: SQLError.Kind, _ message: String, at token: Token, expected: String) -> SQLError {
        SQLError(
            kind: kind, message: message + ", expected " + expected, expected: expected, found: token.describe(in: source),
            location: token.location, length: token.width, sourceLine: source.line(containing: token.location))
    }
}
