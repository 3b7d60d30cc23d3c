/// `name type [NOT NULL]` in a source's column list.
public struct ColumnDefinition: Sendable, Hashable {
    public var name: Identifier
    public var type: SQLType
    public var isNullable: Bool

    public init(_ name: Identifier, _ type: SQLType, nullable: Bool = true) {
        self.name = name
        self.type = type
        self.isNullable = nullable
    }
}
