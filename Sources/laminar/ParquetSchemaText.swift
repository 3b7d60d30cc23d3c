import LaminarArrow
import LaminarParquet

/// The Parquet schema as text, in the message syntax parquet-mr, parquet-tools and the format's own documents
/// use (`optional binary name (STRING) = 3;`: repetition, physical type, name, logical type, field id).
enum ParquetSchemaText {
    static func message(_ schema: ParquetSchema) -> String {
        var lines = ["message \(schema.elements.first?.name ?? "schema") {"]
        for field in schema.fields { append(field, depth: 1, to: &lines) }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private static func append(_ node: SchemaNode, depth: Int, to lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        let element = node.element
        var text = indent + node.repetition.description.lowercased() + " "
        if node.isLeaf {
            text += physicalTypeName(element)
        } else {
            text += "group"
        }
        text += " " + node.name
        if let annotation = annotation(of: element) { text += " (\(annotation))" }
        if let id = element.fieldID { text += " = \(id)" }
        if node.isLeaf {
            lines.append(text + ";")
            return
        }
        lines.append(text + " {")
        for child in node.children { append(child, depth: depth + 1, to: &lines) }
        lines.append(indent + "}")
    }

    /// `int64`, `binary`, `fixed_len_byte_array(16)`: the physical type as parquet-mr spells it.
    static func physicalTypeName(_ element: SchemaElement) -> String {
        let type = element.type ?? .int32
        if type == .fixedLenByteArray { return "fixed_len_byte_array(\(element.typeLength ?? 0))" }
        if type == .byteArray { return "binary" }
        return type.description.lowercased()
    }

    /// The logical type (`TIMESTAMP(MICROS,true)`, `DECIMAL(10,2)`), or the legacy converted type when the
    /// writer set only that.
    static func annotation(of element: SchemaElement) -> String? {
        if let logical = element.logicalType { return logicalTypeName(logical) }
        guard let converted = element.convertedType else { return nil }
        if converted == .decimal { return "DECIMAL(\(element.precision ?? 0),\(element.scale ?? 0))" }
        return converted.description
    }

    static func logicalTypeName(_ logical: LogicalType) -> String {
        switch logical {
        case .string: "STRING"
        case .map: "MAP"
        case .list: "LIST"
        case .enum: "ENUM"
        case .decimal(let scale, let precision): "DECIMAL(\(precision),\(scale))"
        case .date: "DATE"
        case .time(let utc, let unit): "TIME(\(unitName(unit)),\(utc))"
        case .timestamp(let utc, let unit): "TIMESTAMP(\(unitName(unit)),\(utc))"
        case .integer(let bitWidth, let signed): "INTEGER(\(bitWidth),\(signed))"
        case .null: "UNKNOWN"
        case .json: "JSON"
        case .bson: "BSON"
        case .uuid: "UUID"
        case .float16: "FLOAT16"
        case .variant: "VARIANT"
        case .geometry: "GEOMETRY"
        case .geography: "GEOGRAPHY"
        case .other(let id): "LOGICAL(\(id))"
        }
    }

    private static func unitName(_ unit: TimeUnit) -> String {
        switch unit {
        case .second: "SECONDS"
        case .millisecond: "MILLIS"
        case .microsecond: "MICROS"
        case .nanosecond: "NANOS"
        }
    }
}
