extension Parser {
    /// `body [ORDER BY ...] [LIMIT n [OFFSET m]]`, where body is `SELECT ...` or a `UNION` chain.
    mutating func parseQuery() throws(SQLError) -> Query {
        try enter(cost: Parser.queryDepthCost)
        defer { leave(cost: Parser.queryDepthCost) }
        let body = try parseQueryBody()
        var orderBy: [OrderByItem] = []
        if consume(.order) {
            try expect(.by)
            repeat {
                orderBy.append(try parseOrderByItem())
            } while consume(.comma)
        }
        var limit: Expression?
        var offset: Expression?
        if consume(.limit) {
            limit = try parseExpression()
        }
        if consume(.offset) {
            offset = try parseExpression()
        }
        return Query(body, orderBy: orderBy, limit: limit, offset: offset)
    }

    private mutating func parseQueryBody() throws(SQLError) -> QueryBody {
        let savedDepth = depth
        defer { depth = savedDepth }
        var body = try parseQueryPrimary()
        while consume(.union) {
            try enter()
            let all = consume(.all)
            if !all { _ = consume(.distinct) }
            let right = try parseQueryPrimary()
            body = .union(body, right, all: all)
        }
        return body
    }

    private mutating func parseQueryPrimary() throws(SQLError) -> QueryBody {
        if consume(.leftParen) {
            let query = try parseQuery()
            try expect(.rightParen, "')'")
            return .nested(query)
        }
        guard consume(.select) else { throw unexpected(expected: "SELECT") }
        return .select(try parseSelect())
    }

    /// Everything after the `SELECT` keyword up to (not including) `ORDER BY`/`LIMIT`/`UNION`.
    private mutating func parseSelect() throws(SQLError) -> SelectQuery {
        let isDistinct = consume(.distinct)
        if !isDistinct { _ = consume(.all) }
        var items: [SelectItem] = []
        repeat {
            items.append(try parseSelectItem())
        } while consume(.comma)
        var select = SelectQuery(isDistinct: isDistinct, items: items)
        if consume(.from) {
            select.from = try parseFromList()
        }
        if consume(.where) {
            select.filter = try parseExpression()
        }
        if consume(.group) {
            try expect(.by)
            select.groupBy = try parseExpressionList()
        }
        if consume(.having) {
            select.having = try parseExpression()
        }
        return select
    }

    private mutating func parseSelectItem() throws(SQLError) -> SelectItem {
        if consume(.star) {
            return .wildcard
        }
        if atIdentifier, peek().kind == .dot, peek(2).kind == .star {
            let qualifier = Identifier(current.value, location: current.location)
            advance()
            advance()
            advance()
            return .qualifiedWildcard(qualifier)
        }
        let expression = try parseExpression()
        return .expression(expression, alias: try parseOptionalAlias())
    }

    /// `AS name`, or a bare non-reserved word (`SELECT price p`).
    private mutating func parseOptionalAlias() throws(SQLError) -> Identifier? {
        if consume(.as) {
            return try parseIdentifier("an alias")
        }
        return atIdentifier ? try parseIdentifier("an alias") : nil
    }

    private mutating func parseOrderByItem() throws(SQLError) -> OrderByItem {
        let expression = try parseExpression()
        var descending = false
        if consume(.desc) {
            descending = true
        } else {
            _ = consume(.asc)
        }
        var nullsFirst: Bool?
        if consume(.nulls) {
            if consume(.first) {
                nullsFirst = true
            } else if consume(.last) {
                nullsFirst = false
            } else {
                throw unexpected(expected: "FIRST or LAST")
            }
        }
        return OrderByItem(expression, descending: descending, nullsFirst: nullsFirst)
    }

    /// `a, b JOIN c ON ...`: commas are cross joins and bind more loosely than `JOIN`.
    private mutating func parseFromList() throws(SQLError) -> Relation {
        let savedDepth = depth
        defer { depth = savedDepth }
        var relation = try parseJoinedRelation()
        while consume(.comma) {
            try enter()
            relation = .join(relation, .cross, try parseJoinedRelation(), on: nil)
        }
        return relation
    }

    private mutating func parseJoinedRelation() throws(SQLError) -> Relation {
        let savedDepth = depth
        defer { depth = savedDepth }
        var relation = try parseTableFactor()
        while let kind = try parseJoinKind() {
            try enter()
            let right = try parseTableFactor()
            var condition: Expression?
            if kind != .cross {
                try expect(.on)
                condition = try parseExpression()
            }
            relation = .join(relation, kind, right, on: condition)
        }
        return relation
    }

    /// Consumes `[INNER] JOIN`, `LEFT|RIGHT|FULL [OUTER] JOIN` or `CROSS JOIN`.
    private mutating func parseJoinKind() throws(SQLError) -> JoinKind? {
        guard current.kind == .word else { return nil }
        let kind: JoinKind
        switch current.keyword {
        case .join:
            advance()
            return .inner
        case .inner: kind = .inner
        case .cross: kind = .cross
        case .left: kind = .left
        case .right: kind = .right
        case .full: kind = .full
        default: return nil
        }
        advance()
        if kind != .inner, kind != .cross { _ = consume(.outer) }
        try expect(.join)
        return kind
    }

    /// A table name, a derived table `(SELECT ...) alias`, or a parenthesized join.
    private mutating func parseTableFactor() throws(SQLError) -> Relation {
        try enter()
        defer { leave() }
        if check(.leftParen) {
            let next = peek()
            if (next.kind == .word && next.keyword == .select) || next.kind == .leftParen {
                advance()
                let query = try parseQuery()
                try expect(.rightParen, "')'")
                return .subquery(query, alias: try parseOptionalAlias())
            }
            advance()
            let relation = try parseFromList()
            try expect(.rightParen, "')'")
            return relation
        }
        guard atIdentifier else { throw unexpected(expected: "a table name or subquery") }
        let name = try parseIdentifier("a table name")
        return .table(name, alias: try parseOptionalAlias())
    }
}
