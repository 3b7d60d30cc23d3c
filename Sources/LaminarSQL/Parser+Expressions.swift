extension Parser {
    /// Parses an expression whose operators all bind at least as tightly as `minimum`.
    mutating func parseExpression(_ minimum: Precedence = .lowest) throws(SQLError) -> Expression {
        // Each operator in a chain deepens the tree by one, so it counts as a level too; the
        // saved depth is restored on exit, whatever the chain length.
        let savedDepth = depth
        defer { depth = savedDepth }
        try enter()
        var lhs: Expression
        let keyword = current.kind == .word ? current.keyword : nil
        switch current.kind {
        case .leftParen: lhs = try parseParenthesized()
        case .minus, .plus: lhs = try parseUnary()
        case .word where keyword == .not && minimum <= .not: lhs = try parseUnary()
        case .word where keyword == .case: lhs = try parseCase()
        default: lhs = try parsePrimary()
        }
        while let precedence = infixPrecedence(), precedence >= minimum {
            try enter()
            lhs = try parseInfix(lhs, precedence: precedence)
        }
        return lhs
    }

    /// The binding strength of the operator at the cursor, if it is one.
    private func infixPrecedence() -> Precedence? {
        switch current.kind {
        case .word:
            switch current.keyword {
            case .or: return .or
            case .and: return .and
            case .is, .in, .between, .like, .ilike: return .comparison
            // After a complete operand, NOT can only start NOT IN/BETWEEN/LIKE/ILIKE; treating it
            // as an operator here gives "expected IN, BETWEEN, ..." rather than a vaguer error later.
            case .not: return .comparison
            default: return nil
            }
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return .comparison
        case .concat: return .concat
        case .plus, .minus: return .additive
        case .star, .slash, .percent: return .multiplicative
        case .doubleColon: return .cast
        default: return nil
        }
    }

    private static func binaryOperator(for token: Token) -> BinaryOperator? {
        switch token.kind {
        case .word:
            switch token.keyword {
            case .or: return .or
            case .and: return .and
            default: return nil
            }
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterOrEqual
        case .concat: return .concat
        case .plus: return .plus
        case .minus: return .minus
        case .star: return .multiply
        case .slash: return .divide
        case .percent: return .modulo
        default: return nil
        }
    }

    // The functions below sit on the recursion path, so each keeps its own frame small by
    // delegating every alternative to a separate function: debug builds give every local of a
    // function its own stack slot, and a single large switch made each nesting level cost KiBs.

    private mutating func parseInfix(_ lhs: Expression, precedence: Precedence) throws(SQLError) -> Expression {
        if let op = Parser.binaryOperator(for: current) {
            return try parseBinary(lhs, op, precedence: precedence)
        }
        if check(.doubleColon) {
            return try parsePostfixCast(lhs)
        }
        if check(.is) {
            return try parseIs(lhs)
        }
        // [NOT] IN / BETWEEN / LIKE / ILIKE, all at comparison level.
        let negated = consume(.not)
        switch current.keyword {
        case .in: return try parseIn(lhs, negated: negated)
        case .between: return try parseBetween(lhs, negated: negated)
        case .like, .ilike: return try parseLike(lhs, negated: negated)
        default: throw unexpected(expected: "IN, BETWEEN, LIKE or ILIKE")
        }
    }

    private mutating func parseBinary(_ lhs: Expression, _ op: BinaryOperator, precedence: Precedence) throws(SQLError) -> Expression {
        advance()
        let rhs = try parseExpression(precedence.next)
        return Expression(.binary(lhs, op, rhs), location: lhs.location)
    }

    private mutating func parsePostfixCast(_ lhs: Expression) throws(SQLError) -> Expression {
        advance()
        let type = try parseType()
        return Expression(.cast(lhs, type, .postfix), location: lhs.location)
    }

    private mutating func parseIs(_ lhs: Expression) throws(SQLError) -> Expression {
        advance()
        let negated = consume(.not)
        if consume(.null) {
            return Expression(.isNull(lhs, negated: negated), location: lhs.location)
        }
        if consume(.distinct) {
            try expect(.from)
            let rhs = try parseExpression(.comparison.next)
            return Expression(.isDistinctFrom(lhs, rhs, negated: negated), location: lhs.location)
        }
        throw unexpected(expected: negated ? "NULL or DISTINCT FROM" : "NULL, NOT NULL or DISTINCT FROM")
    }

    private mutating func parseIn(_ lhs: Expression, negated: Bool) throws(SQLError) -> Expression {
        advance()
        try expect(.leftParen, "'('")
        if check(.select) {
            let query = try parseQuery()
            try expect(.rightParen, "')'")
            return Expression(.inSubquery(lhs, query, negated: negated), location: lhs.location)
        }
        let items = try parseExpressionList()
        try expect(.rightParen, "',' or ')'")
        return Expression(.inList(lhs, items, negated: negated), location: lhs.location)
    }

    private mutating func parseBetween(_ lhs: Expression, negated: Bool) throws(SQLError) -> Expression {
        advance()
        let low = try parseExpression(.comparison.next)
        try expect(.and)
        let high = try parseExpression(.comparison.next)
        return Expression(.between(lhs, low: low, high: high, negated: negated), location: lhs.location)
    }

    private mutating func parseLike(_ lhs: Expression, negated: Bool) throws(SQLError) -> Expression {
        let caseInsensitive = check(.ilike)
        advance()
        let pattern = try parseExpression(.comparison.next)
        var escape: Expression?
        if consume(.escape) {
            escape = try parseExpression(.comparison.next)
        }
        return Expression(
            .like(lhs, pattern: pattern, escape: escape, negated: negated, caseInsensitive: caseInsensitive),
            location: lhs.location)
    }

    /// Prefix `NOT`, `-`, `+`. `NOT` only reaches here where its loose binding fits: `a = NOT b`
    /// must be written `a = (NOT b)`, which keeps the grammar free of surprising readings.
    private mutating func parseUnary() throws(SQLError) -> Expression {
        let location = current.location
        let op: UnaryOperator = check(.not) ? .not : check(.minus) ? .minus : .plus
        advance()
        let operand = try parseExpression(op == .not ? .not : .unary)
        return Expression(.unary(op, operand), location: location)
    }

    /// One or more comma-separated expressions.
    mutating func parseExpressionList() throws(SQLError) -> [Expression] {
        var items = [try parseExpression()]
        while consume(.comma) {
            items.append(try parseExpression())
        }
        return items
    }

    private mutating func parsePrimary() throws(SQLError) -> Expression {
        switch current.kind {
        case .integer, .decimal, .string: return parseLiteralToken()
        case .leftParen: return try parseParenthesized()
        case .quotedIdentifier: return try parseNameOrCall()
        case .word: return try parseWord()
        default: throw unexpected(expected: "an expression")
        }
    }

    private mutating func parseLiteralToken() -> Expression {
        let token = current
        advance()
        let literal: Literal
        switch token.kind {
        case .integer: literal = Int64(token.value).map(Literal.integer) ?? .decimal(token.value)
        case .decimal: literal = .decimal(token.value)
        default: literal = .string(token.value)
        }
        return Expression(.literal(literal), location: token.location)
    }

    private mutating func parseParenthesized() throws(SQLError) -> Expression {
        let location = current.location
        advance()
        if check(.select) {
            let query = try parseQuery()
            try expect(.rightParen, "')'")
            return Expression(.subquery(query), location: location)
        }
        var inner = try parseExpression()
        try expect(.rightParen, "')'")
        // Point at the parenthesis: that is where the user sees the sub-expression start.
        inner.location = location
        return inner
    }

    private mutating func parseWord() throws(SQLError) -> Expression {
        let next = peek().kind
        switch current.keyword {
        case .true, .false, .null: return parseKeywordLiteral()
        case .case: return try parseCase()
        case .cast, .try_cast: return try parseCast()
        case .extract: return try parseExtract()
        case .exists: return try parseExists()
        case .date where next == .string, .time where next == .string, .timestamp where next == .string:
            return parseTypedLiteral()
        case .interval where next == .string || next == .integer || next == .decimal:
            return parseInterval()
        case .left where next == .leftParen, .right where next == .leftParen:
            // The string functions left(s, n) and right(s, n) share their names with join keywords.
            let token = current
            advance()
            advance()
            let name = Identifier(token.value.lowercased(), location: token.location)
            return Expression(.function(try parseCallArguments(name: name)), location: token.location)
        case let keyword? where keyword.isReserved:
            throw unexpected(expected: "an expression")
        default:
            return try parseNameOrCall()
        }
    }

    private mutating func parseKeywordLiteral() -> Expression {
        let token = current
        advance()
        let literal: Literal = token.keyword == .null ? .null : .boolean(token.keyword == .true)
        return Expression(.literal(literal), location: token.location)
    }

    private mutating func parseCast() throws(SQLError) -> Expression {
        let token = current
        advance()
        try expect(.leftParen, "'('")
        let operand = try parseExpression()
        try expect(.as)
        let type = try parseType()
        try expect(.rightParen, "')'")
        return Expression(.cast(operand, type, token.keyword == .cast ? .cast : .tryCast), location: token.location)
    }

    private mutating func parseExtract() throws(SQLError) -> Expression {
        let location = current.location
        advance()
        try expect(.leftParen, "'('")
        guard current.kind == .word || current.kind == .string,
              let field = DateTimeField(word: current.value.lowercased()) else {
            throw unexpected(expected: "a date/time field such as YEAR, HOUR or EPOCH")
        }
        advance()
        try expect(.from)
        let operand = try parseExpression()
        try expect(.rightParen, "')'")
        return Expression(.extract(field, operand), location: location)
    }

    private mutating func parseExists() throws(SQLError) -> Expression {
        let location = current.location
        advance()
        try expect(.leftParen, "'('")
        guard check(.select) || check(.leftParen) else { throw unexpected(expected: "SELECT") }
        let query = try parseQuery()
        try expect(.rightParen, "')'")
        return Expression(.exists(query), location: location)
    }

    /// `DATE '...'`, `TIME '...'`, `TIMESTAMP '...'`: the caller checked a string follows.
    private mutating func parseTypedLiteral() -> Expression {
        let token = current
        advance()
        let text = current.value
        advance()
        let literal: Literal
        switch token.keyword {
        case .date: literal = .date(text)
        case .time: literal = .time(text)
        default: literal = .timestamp(text)
        }
        return Expression(.literal(literal), location: token.location)
    }

    /// `INTERVAL '5' MINUTE`, `INTERVAL '10 seconds'`, `INTERVAL 5 MINUTE`.
    private mutating func parseInterval() -> Expression {
        let location = current.location
        advance()
        let text = current.value
        advance()
        var unit: DateTimeField?
        if current.kind == .word, let field = DateTimeField(word: current.value), field.isIntervalUnit {
            unit = field
            advance()
        }
        return Expression(.literal(.interval(text, unit: unit)), location: location)
    }

    /// `name`, `t.name`, `t.name.field` or `name(args)`.
    private mutating func parseNameOrCall() throws(SQLError) -> Expression {
        let location = current.location
        let first = try parseIdentifier("an expression")
        if consume(.leftParen) {
            return Expression(.function(try parseCallArguments(name: first)), location: location)
        }
        var path = [first]
        while consume(.dot) {
            path.append(try parseIdentifier("a column name"))
        }
        return Expression(.column(path), location: location)
    }

    private mutating func parseCallArguments(name: Identifier) throws(SQLError) -> FunctionCall {
        if consume(.rightParen) {
            return FunctionCall(name: name, arguments: [])
        }
        if consume(.star) {
            try expect(.rightParen, "')'")
            return FunctionCall(name: name, arguments: [], isStar: true)
        }
        let distinct = consume(.distinct)
        if !distinct { _ = consume(.all) }
        let arguments = try parseExpressionList()
        try expect(.rightParen, "',' or ')'")
        return FunctionCall(name: name, arguments: arguments, isDistinct: distinct)
    }

    private mutating func parseCase() throws(SQLError) -> Expression {
        let location = current.location
        advance()
        var operand: Expression?
        if !check(.when) {
            operand = try parseExpression()
        }
        var branches: [WhenClause] = []
        while consume(.when) {
            let condition = try parseExpression()
            try expect(.then)
            let result = try parseExpression()
            branches.append(WhenClause(condition, then: result))
        }
        if branches.isEmpty {
            throw unexpected(expected: "WHEN")
        }
        var otherwise: Expression?
        if consume(.else) {
            otherwise = try parseExpression()
        }
        guard consume(.end) else {
            throw unexpected(expected: otherwise == nil ? "WHEN, ELSE or END" : "END")
        }
        return Expression(.caseWhen(operand: operand, branches: branches, otherwise: otherwise), location: location)
    }
}
