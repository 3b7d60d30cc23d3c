extension SQLType {
    /// The canonical spelling of each type (aliases are not preserved).
    public var sql: String {
        switch self {
        case .boolean: return "BOOLEAN"
        case .tinyint: return "TINYINT"
        case .smallint: return "SMALLINT"
        case .integer: return "INTEGER"
        case .bigint: return "BIGINT"
        case .real: return "REAL"
        case .double: return "DOUBLE"
        case .decimal(let precision?, let scale?): return "DECIMAL(\(precision),\(scale))"
        case .decimal(let precision?, nil): return "DECIMAL(\(precision))"
        case .decimal: return "DECIMAL"
        case .varchar(let length?): return "VARCHAR(\(length))"
        case .varchar: return "VARCHAR"
        case .binary: return "BINARY"
        case .date: return "DATE"
        case .time: return "TIME"
        case .timestamp(let precision): return "TIMESTAMP" + (precision.map { "(\($0))" } ?? "")
        case .timestampWithTimeZone(let precision):
            return "TIMESTAMP" + (precision.map { "(\($0))" } ?? "") + " WITH TIME ZONE"
        case .interval: return "INTERVAL"
        case .array(let element): return "ARRAY<" + element.sql + ">"
        case .struct(let fields): return "STRUCT<" + SQLPrinter.list(fields) { $0.name.sql + " " + $0.type.sql } + ">"
        case .map(let key, let value): return "MAP<" + key.sql + ", " + value.sql + ">"
        }
    }
}
