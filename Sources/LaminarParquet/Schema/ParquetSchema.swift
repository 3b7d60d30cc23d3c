/// The schema of a Parquet file as a tree, rebuilt from the footer's depth-first list of schema elements.
///
/// Building it validates the list (child counts that run past the end, leaves without a physical type, nesting
/// deeper than `maxDepth`), so code walking the tree afterwards can trust it.
public struct ParquetSchema: Sendable, Hashable {
    public let elements: [SchemaElement]
    /// Top-level fields; the root element itself carries only the schema's name.
    public let fields: [SchemaNode]
    public let columns: [ColumnDescriptor]

    /// Deeper nesting than this is rejected; it keeps a hostile footer from exhausting the stack.
    public static let maxDepth = 64

    public init(elements: [SchemaElement]) throws(ParquetError) {
        guard let root = elements.first else { throw .schema("the schema has no root element") }
        var builder = Builder(elements: elements)
        builder.position = 1
        var fields: [SchemaNode] = []
        for _ in 0..<max(0, Int(root.numChildren ?? 0)) {
            fields.append(try builder.node(definition: 0, repetition: 0, path: [], depth: 1))
        }
        guard builder.position == elements.count else {
            throw .schema("\(elements.count - builder.position) schema elements follow the root's children")
        }
        self.elements = elements
        self.fields = fields
        self.columns = builder.columns
    }

    /// The leaf column with this dotted path (`a.b.c`), if any.
    public func column(path dotted: String) -> Int? {
        columns.firstIndex { $0.dottedPath == dotted }
    }

    private struct Builder {
        let elements: [SchemaElement]
        var position = 0
        var columns: [ColumnDescriptor] = []

        mutating func node(definition: Int, repetition: Int, path: [String], depth: Int)
            throws(ParquetError) -> SchemaNode
        {
            guard position < elements.count else {
                throw .schema("a group claims more children than the schema's \(elements.count) elements hold")
            }
            guard depth <= ParquetSchema.maxDepth else {
                throw .schema("nesting deeper than \(ParquetSchema.maxDepth) levels")
            }
            let element = elements[position]
            position += 1
            let kind = element.repetition ?? .required
            let definition = definition + (kind == .required ? 0 : 1)
            let repetition = repetition + (kind == .repeated ? 1 : 0)
            let path = path + [element.name]
            let childCount = Int(element.numChildren ?? 0)
            guard childCount > 0 || element.numChildren == 0 && element.type == nil else {
                guard element.type != nil else {
                    throw .schema("leaf \(path.joined(separator: ".")) has no physical type")
                }
                if element.type == .fixedLenByteArray, (element.typeLength ?? -1) < 0 {
                    throw .schema("FIXED_LEN_BYTE_ARRAY \(path.joined(separator: ".")) has no type_length")
                }
                columns.append(ColumnDescriptor(path: path, element: element, maxDefinitionLevel: definition,
                                                maxRepetitionLevel: repetition))
                return SchemaNode(element: element, children: [], column: columns.count - 1,
                                  definitionLevel: definition, repetitionLevel: repetition)
            }
            var children: [SchemaNode] = []
            for _ in 0..<childCount {
                children.append(try node(definition: definition, repetition: repetition, path: path, depth: depth + 1))
            }
            return SchemaNode(element: element, children: children, column: nil, definitionLevel: definition,
                              repetitionLevel: repetition)
        }
    }
}
