/// A data type as written in SQL. Aliases collapse to one case (`INT`/`INTEGER`, `TEXT`/`VARCHAR`,
/// `TIMESTAMPTZ`/`TIMESTAMP WITH TIME ZONE`); mapping to Arrow types is the planner's job, so this
/// stays a pure syntax-level description.
public indirect enum SQLType: Sendable, Hashable {
    case boolean
    case tinyint
    case smallint
    case integer
    case bigint
    /// 32-bit float: `REAL`, `FLOAT`, `FLOAT4`.
    case real
    /// 64-bit float: `DOUBLE`, `DOUBLE PRECISION`, `FLOAT8`.
    case double
    case decimal(precision: Int?, scale: Int?)
    /// `VARCHAR[(n)]`, `STRING`, `TEXT`.
    case varchar(length: Int?)
    /// `BINARY`, `BYTEA`, `VARBINARY`.
    case binary
    case date
    case time
    /// `TIMESTAMP[(p)]`; `precision` is fractional-second digits when given.
    case timestamp(precision: Int?)
    /// `TIMESTAMP[(p)] WITH TIME ZONE`, `TIMESTAMPTZ`.
    case timestampWithTimeZone(precision: Int?)
    case interval
    /// `ARRAY<t>` or `t[]`.
    case array(SQLType)
    /// `STRUCT<name t, ...>`.
    case `struct`([StructField])
    /// `MAP<k, v>`.
    case map(key: SQLType, value: SQLType)
}
