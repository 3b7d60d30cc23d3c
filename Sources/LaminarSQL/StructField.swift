/// One named member of a `STRUCT<...>` type.
public struct StructField: Sendable, Hashable {
    public var name: Identifier
    public var type: SQLType

    public init(_ name: Identifier, _ type: SQLType) {
        self.name = name
        self.type = type
    }
}
