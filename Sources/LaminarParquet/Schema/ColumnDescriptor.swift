/// A leaf column of a Parquet schema: its path, physical type and the levels that place its values in records.
public struct ColumnDescriptor: Sendable, Hashable {
    /// Names from the top-level field down to the leaf, as `ColumnMetaData.path_in_schema` spells them.
    public let path: [String]
    /// The leaf's own schema element, with its physical, logical and converted types.
    public let element: SchemaElement
    /// Definition level of a present (non-null) value: the number of optional and repeated nodes on the path.
    public let maxDefinitionLevel: Int
    /// The number of repeated nodes on the path.
    public let maxRepetitionLevel: Int

    public var physicalType: PhysicalType { element.type ?? .int32 }
    public var typeLength: Int { Int(element.typeLength ?? 0) }
    public var dottedPath: String { path.joined(separator: ".") }
    public var fieldID: Int? { element.fieldID.map(Int.init) }
}
