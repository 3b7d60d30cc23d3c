import LaminarArrow
import LaminarSQL

/// The columns an expression can name at one point of a query, with the relation name that qualifies them.
struct Scope {
    struct Column {
        var qualifier: String?
        var name: String
        var type: DataType
    }

    var columns: [Column]

    init(schema: Schema, qualifier: String?) {
        columns = schema.fields.map { Column(qualifier: qualifier, name: $0.name, type: $0.type) }
    }

    /// Resolves `a` or `t.a`, case-insensitively; an ambiguous or unknown name is an error listing candidates.
    func resolve(_ path: [Identifier], location: SourceLocation) throws(SQLError) -> ColumnExpression {
        let name = path[path.count - 1].name.lowercased()
        let qualifier = path.count > 1 ? path[path.count - 2].name.lowercased() : nil
        let matches = columns.indices.filter { index in
            columns[index].name.lowercased() == name
                && (qualifier == nil || columns[index].qualifier?.lowercased() == qualifier)
        }
        guard let first = matches.first else {
            let known = columns.map(\.name).joined(separator: ", ")
            throw SQLError(kind: .semantic,
                           message: "unknown column \(path.map(\.name).joined(separator: ".")); available: \(known)",
                           location: location, length: path.map(\.name).joined(separator: ".").count)
        }
        guard matches.count == 1 else {
            throw SQLError(kind: .semantic, message: "column \(name) is ambiguous", location: location)
        }
        return ColumnExpression(index: first, name: columns[first].name, dataType: columns[first].type)
    }
}

/// While binding the select list, `HAVING` and `ORDER BY` of a grouped query: expressions are answered from
/// the aggregate's output columns instead of the input rows.
struct AggregateScope {
    /// Group-by expressions (as written) by output column.
    var keys: [Expression: Int]
    /// Aggregate calls (as written) by output column.
    var aggregates: [Expression: Int]
    /// Output columns of `window_start` and `window_end` when windowed.
    var windowStart: Int?
    var windowEnd: Int?
    var output: Schema
}
