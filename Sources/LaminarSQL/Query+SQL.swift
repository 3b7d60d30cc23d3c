extension Query {
    public var sql: String {
        var text = body.sql
        if !orderBy.isEmpty {
            text += " ORDER BY " + SQLPrinter.list(orderBy) { $0.sql }
        }
        if let limit { text += " LIMIT " + limit.sql }
        if let offset { text += " OFFSET " + offset.sql }
        return text
    }
}

extension QueryBody {
    public var sql: String {
        switch self {
        case .select(let select):
            return select.sql
        case .union(let left, let right, let all):
            // UNION is left-associative, so only a right-hand union needs parentheses.
            let rightSQL: String
            if case .union = right { rightSQL = "(" + right.sql + ")" } else { rightSQL = right.sql }
            return left.sql + (all ? " UNION ALL " : " UNION ") + rightSQL
        case .nested(let query):
            return "(" + query.sql + ")"
        }
    }
}

extension SelectQuery {
    public var sql: String {
        var text = "SELECT " + (isDistinct ? "DISTINCT " : "") + SQLPrinter.list(items) { $0.sql }
        if let from { text += " FROM " + from.sql }
        if let filter { text += " WHERE " + filter.sql }
        if !groupBy.isEmpty { text += " GROUP BY " + SQLPrinter.list(groupBy) { $0.sql } }
        if let having { text += " HAVING " + having.sql }
        return text
    }
}

extension SelectItem {
    public var sql: String {
        switch self {
        case .wildcard: return "*"
        case .qualifiedWildcard(let table): return table.sql + ".*"
        case .expression(let expression, let alias):
            return expression.sql + (alias.map { " AS " + $0.sql } ?? "")
        }
    }
}

extension OrderByItem {
    public var sql: String {
        var text = expression.sql
        if isDescending { text += " DESC" }
        if let nullsFirst { text += nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
        return text
    }
}

extension Relation {
    public var sql: String {
        switch self {
        case .table(let name, let alias):
            return name.sql + (alias.map { " AS " + $0.sql } ?? "")
        case .subquery(let query, let alias):
            return "(" + query.sql + ")" + (alias.map { " AS " + $0.sql } ?? "")
        case .join(let left, let kind, let right, let condition):
            // Joins are left-associative, so only a right-hand join needs parentheses.
            let rightSQL: String
            if case .join = right { rightSQL = "(" + right.sql + ")" } else { rightSQL = right.sql }
            var text = left.sql + " " + kind.sql + " " + rightSQL
            if let condition { text += " ON " + condition.sql }
            return text
        }
    }
}
