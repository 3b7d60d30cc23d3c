/// A key-value pair of file or column metadata (pyarrow keeps its Arrow schema under `ARROW:schema`).
public struct KeyValue: ThriftStruct, Hashable {
    public var key: String
    public var value: String?

    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }

    public init(fields reader: inout CompactReader) throws(ThriftError) {
        var key: String?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: key = try reader.readString(field)
            case 2: value = try reader.readString(field)
            default: try reader.skip(field.type)
            }
        }
        self.key = try required(key, "KeyValue", "key")
    }

    public func writeFields(to writer: inout CompactWriter) {
        writer.writeStringField(1, key)
        if let value { writer.writeStringField(2, value) }
    }
}
