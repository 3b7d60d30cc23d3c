import LaminarArrow

/// How one Arrow field lies over Parquet leaves and levels; the reader assembles arrays along it and the writer
/// shreds arrays along it, so both sides agree on levels by construction.
///
/// `definition` is the definition level from which the field's value is present (non-null). For a required
/// field it equals its parent's, so a null parent still reads as null in the child.
indirect enum ArrowNode: Sendable {
    case primitive(Field, column: Int, definition: Int)
    case structure(Field, children: [ArrowNode], definition: Int)
    /// Lists and maps: elements are present from `elementDefinition`, and a repetition level at or below
    /// `repetition` starts a new element.
    case list(Field, element: ArrowNode, definition: Int, elementDefinition: Int, repetition: Int)

    var field: Field {
        switch self {
        case .primitive(let field, _, _), .structure(let field, _, _), .list(let field, _, _, _, _): field
        }
    }

    var definition: Int {
        switch self {
        case .primitive(_, _, let level), .structure(_, _, let level), .list(_, _, let level, _, _): level
        }
    }

    /// The leaf whose levels describe this node's own presence and repetition.
    var firstColumn: Int? {
        switch self {
        case .primitive(_, let column, _): column
        case .structure(_, let children, _): children.lazy.compactMap(\.firstColumn).first
        case .list(_, let element, _, _, _): element.firstColumn
        }
    }

    var columns: [Int] {
        switch self {
        case .primitive(_, let column, _): [column]
        case .structure(_, let children, _): children.flatMap(\.columns)
        case .list(_, let element, _, _, _): element.columns
        }
    }

    func renamed(_ name: String) -> ArrowNode {
        switch self {
        case .primitive(let field, let column, let definition):
            .primitive(field.renamed(name), column: column, definition: definition)
        case .structure(let field, let children, let definition):
            .structure(field.renamed(name), children: children, definition: definition)
        case .list(let field, let element, let definition, let elementDefinition, let repetition):
            .list(field.renamed(name), element: element, definition: definition,
                  elementDefinition: elementDefinition, repetition: repetition)
        }
    }
}

extension ArrowNode {
    /// The Arrow view of a Parquet schema node, applying the format's backward-compatibility rules for lists
    /// and maps written by older tools (two-level lists, `array` and `_tuple` element groups, bare repeated
    /// fields).
    init(_ node: SchemaNode) throws(ParquetError) {
        if node.isRepeated {
            // A repeated field outside a LIST or MAP group is a list of required elements.
            let element = try ArrowNode(ignoringRepetition: node, nullable: false)
            self = .list(Field(name: node.name, type: .list(element.field), nullable: false, metadata: [:]),
                         element: element, definition: node.definitionLevel - 1,
                         elementDefinition: node.definitionLevel, repetition: node.repetitionLevel)
            return
        }
        self = try ArrowNode(ignoringRepetition: node, nullable: node.isOptional)
    }

    private init(ignoringRepetition node: SchemaNode, nullable: Bool) throws(ParquetError) {
        let metadata = node.element.fieldID.map { [Field.fieldIDKey: String($0)] } ?? [:]
        if node.isLeaf, let column = node.column {
            let type = try arrowType(of: node.element)
            self = .primitive(Field(name: node.name, type: type, nullable: nullable, metadata: metadata),
                              column: column, definition: node.definitionLevel)
            return
        }
        let logical = node.element.logicalType
        let converted = node.element.convertedType
        if logical == .list || converted == .list, node.children.count == 1, node.children[0].isRepeated {
            let repeated = node.children[0]
            let element = try ArrowNode.listElement(of: repeated, listName: node.name)
            self = .list(Field(name: node.name, type: .list(element.field), nullable: nullable, metadata: metadata),
                         element: element, definition: node.definitionLevel,
                         elementDefinition: repeated.definitionLevel, repetition: repeated.repetitionLevel)
            return
        }
        if logical == .map || converted == .map || converted == .mapKeyValue, node.children.count == 1,
           node.children[0].isRepeated, node.children[0].children.count == 2
        {
            let entries = node.children[0]
            let key = try ArrowNode(ignoringRepetition: entries.children[0], nullable: false).renamed("key")
            let value = try ArrowNode(entries.children[1]).renamed("value")
            let entriesField = Field(name: "entries", type: .struct([key.field, value.field]), nullable: false)
            let type = DataType.map(entries: entriesField, keysSorted: false)
            let entriesNode = ArrowNode.structure(entriesField, children: [key, value],
                                                  definition: entries.definitionLevel)
            self = .list(Field(name: node.name, type: type, nullable: nullable, metadata: metadata),
                         element: entriesNode, definition: node.definitionLevel,
                         elementDefinition: entries.definitionLevel, repetition: entries.repetitionLevel)
            return
        }
        var children: [ArrowNode] = []
        for child in node.children { children.append(try ArrowNode(child)) }
        self = .structure(Field(name: node.name, type: .struct(children.map(\.field)), nullable: nullable,
                                metadata: metadata),
                          children: children, definition: node.definitionLevel)
    }

    /// The element of a LIST group's repeated child, by the rules of the format's LogicalTypes.md.
    private static func listElement(of repeated: SchemaNode, listName: String) throws(ParquetError) -> ArrowNode {
        if repeated.isLeaf || repeated.children.count > 1 || repeated.name == "array"
            || repeated.name == listName + "_tuple"
        {
            // Two-level list: the repeated field itself is the (required) element.
            return try ArrowNode(ignoringRepetition: repeated, nullable: false)
        }
        return try ArrowNode(repeated.children[0])
    }
}

/// The Arrow type a Parquet leaf reads as, from its logical type, else its converted type, else its physical type.
func arrowType(of element: SchemaElement) throws(ParquetError) -> DataType {
    let physical = element.type ?? .int32
    if let logical = element.logicalType {
        switch (logical, physical) {
        case (.string, .byteArray), (.json, .byteArray), (.enum, .byteArray): return .utf8
        case (.bson, .byteArray): return .binary
        case (.date, .int32): return .date32
        case (.decimal(let scale, let precision), .int32), (.decimal(let scale, let precision), .int64),
             (.decimal(let scale, let precision), .fixedLenByteArray),
             (.decimal(let scale, let precision), .byteArray):
            guard precision > 0, precision <= 38, scale >= 0, scale <= precision else {
                throw .unsupported("decimal(\(precision), \(scale)) of \(element.name)")
            }
            return .decimal128(precision: Int(precision), scale: Int(scale))
        case (.time(_, .millisecond), .int32): return .time64(.millisecond)
        case (.time(_, let unit), .int64): return .time64(unit)
        case (.timestamp(let utc, let unit), .int64): return .timestamp(unit, timeZone: utc ? "UTC" : nil)
        case (.integer(let bits, let signed), .int32), (.integer(let bits, let signed), .int64):
            switch (bits, signed) {
            case (8, true): return .int8
            case (16, true): return .int16
            case (32, true): return .int32
            case (64, true): return .int64
            case (8, false): return .uint8
            case (16, false): return .uint16
            case (32, false): return .uint32
            case (64, false): return .uint64
            default: throw .unsupported("INT(\(bits), \(signed)) of \(element.name)")
            }
        case (.uuid, .fixedLenByteArray): return .fixedSizeBinary(byteWidth: 16)
        case (.float16, .fixedLenByteArray): return .float32
        case (.null, _): return .null
        default: break
        }
    }
    if let converted = element.convertedType {
        switch (converted, physical) {
        case (.utf8, .byteArray), (.json, .byteArray), (.enum, .byteArray): return .utf8
        case (.date, .int32): return .date32
        case (.decimal, .int32), (.decimal, .int64), (.decimal, .fixedLenByteArray), (.decimal, .byteArray):
            let precision = Int(element.precision ?? 0)
            let scale = Int(element.scale ?? 0)
            guard precision > 0, precision <= 38, scale >= 0, scale <= precision else {
                throw .unsupported("decimal(\(precision), \(scale)) of \(element.name)")
            }
            return .decimal128(precision: precision, scale: scale)
        case (.timeMillis, .int32): return .time64(.millisecond)
        case (.timeMicros, .int64): return .time64(.microsecond)
        case (.timestampMillis, .int64): return .timestamp(.millisecond, timeZone: "UTC")
        case (.timestampMicros, .int64): return .timestamp(.microsecond, timeZone: "UTC")
        case (.int8, .int32): return .int8
        case (.int16, .int32): return .int16
        case (.uint8, .int32): return .uint8
        case (.uint16, .int32): return .uint16
        case (.uint32, .int32): return .uint32
        case (.uint64, .int64): return .uint64
        default: break
        }
    }
    switch physical {
    case .boolean: return .boolean
    case .int32: return .int32
    case .int64: return .int64
    case .int96: return .timestamp(.nanosecond, timeZone: nil)
    case .float: return .float32
    case .double: return .float64
    case .byteArray: return .binary
    case .fixedLenByteArray: return .fixedSizeBinary(byteWidth: Int(element.typeLength ?? 0))
    default: throw .unsupported("physical type \(physical) of \(element.name)")
    }
}
