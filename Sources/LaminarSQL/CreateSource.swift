/// `CREATE SOURCE [IF NOT EXISTS] name [(columns..., WATERMARK FOR c AS e)] WITH (...)`.
///
/// Columns are optional because some connectors (schema registries, Parquet) supply the schema.
public struct CreateSource: Sendable, Hashable {
    public var name: Identifier
    public var ifNotExists: Bool
    public var columns: [ColumnDefinition]
    public var watermark: Watermark?
    public var options: [WithOption]

    public init(
        name: Identifier,
        ifNotExists: Bool = false,
        columns: [ColumnDefinition] = [],
        watermark: Watermark? = nil,
        options: [WithOption]
    ) {
        self.name = name
        self.ifNotExists = ifNotExists
        self.columns = columns
        self.watermark = watermark
        self.options = options
    }
}
