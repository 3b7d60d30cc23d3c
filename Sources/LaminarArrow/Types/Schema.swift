/// The ordered fields of a record batch or table, with schema-level metadata.
public struct Schema: Hashable, Sendable {
    public var fields: [Field]
    public var metadata: [String: String]

    public init(_ fields: [Field], metadata: [String: String] = [:]) {
        self.fields = fields
        self.metadata = metadata
    }

    public var count: Int { fields.count }
    public var names: [String] { fields.map(\.name) }

    /// Index of the first field with this exact name.
    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }

    /// Index of the first field whose name matches case-insensitively, as SQL identifiers do.
    public func index(ofCaseInsensitive name: String) -> Int? {
        let lowered = name.lowercased()
        return fields.firstIndex { $0.name.lowercased() == lowered }
    }

    public func field(named name: String) -> Field? { index(of: name).map { fields[$0] } }

    /// A schema with only the given columns, in the given order.
    public func project(_ indices: [Int]) throws(ArrowError) -> Schema {
        for index in indices where !fields.indices.contains(index) {
            throw .indexOutOfBounds(index: index, count: fields.count)
        }
        return Schema(indices.map { fields[$0] }, metadata: metadata)
    }
}

extension Schema: CustomStringConvertible {
    public var description: String { fields.map(\.description).joined(separator: "\n") }
}
