extension Literal {
    public var sql: String {
        switch self {
        case .null: return "NULL"
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .integer(let value): return String(value)
        case .decimal(let text): return text
        case .string(let text): return SQLPrinter.quoteString(text)
        case .date(let text): return "DATE " + SQLPrinter.quoteString(text)
        case .time(let text): return "TIME " + SQLPrinter.quoteString(text)
        case .timestamp(let text): return "TIMESTAMP " + SQLPrinter.quoteString(text)
        case .interval(let text, let unit):
            return "INTERVAL " + SQLPrinter.quoteString(text) + (unit.map { " " + $0.sql } ?? "")
        }
    }

    /// Negative numbers (only ever built in code; the parser produces unary minus) print with a
    /// leading `-` and so bind like a unary expression.
    var isNegativeNumber: Bool {
        switch self {
        case .integer(let value): return value < 0
        case .decimal(let text): return text.hasPrefix("-")
        default: return false
        }
    }
}
