/// One node of a Parquet schema tree, with the levels at which it is present.
public struct SchemaNode: Sendable, Hashable {
    public let element: SchemaElement
    /// Empty for primitive nodes.
    public let children: [SchemaNode]
    /// For primitive nodes, the index of the leaf column in the file's column order.
    public let column: Int?
    /// Definition level at which this node holds a value: its parent's plus one when it is optional or repeated.
    public let definitionLevel: Int
    /// Repetition level of this node: its parent's plus one when it is repeated.
    public let repetitionLevel: Int

    public var name: String { element.name }
    public var isLeaf: Bool { column != nil }
    public var repetition: Repetition { element.repetition ?? .required }
    public var isRepeated: Bool { repetition == .repeated }
    public var isOptional: Bool { repetition == .optional }

    /// Leaf column indices under this node, in file order.
    public var leafColumns: [Int] {
        if let column { return [column] }
        return children.flatMap(\.leafColumns)
    }
}
