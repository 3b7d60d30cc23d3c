/// A named, typed column or nested child, with free-form metadata.
///
/// The field id that Parquet, Iceberg and Delta column mapping rely on is kept in metadata under
/// `PARQUET:field_id`, where pyarrow keeps it, so it survives round trips through other Arrow tools.
public struct Field: Hashable, Sendable {
    public var name: String
    public var type: DataType
    public var isNullable: Bool
    public var metadata: [String: String]

    /// Metadata key holding the field id.
    public static let fieldIDKey = "PARQUET:field_id"

    public init(name: String, type: DataType, nullable: Bool = true, metadata: [String: String] = [:]) {
        self.name = name
        self.type = type
        self.isNullable = nullable
        self.metadata = metadata
    }

    public init(name: String, type: DataType, nullable: Bool = true, id: Int) {
        self.init(name: name, type: type, nullable: nullable, metadata: [Self.fieldIDKey: String(id)])
    }

    public var fieldID: Int? {
        get { metadata[Self.fieldIDKey].flatMap { Int($0) } }
        set { metadata[Self.fieldIDKey] = newValue.map { String($0) } }
    }

    /// A copy with another name, keeping type, nullability and metadata.
    public func renamed(_ newName: String) -> Field {
        var copy = self
        copy.name = newName
        return copy
    }
}

extension Field: CustomStringConvertible {
    public var description: String {
        "\(name): \(type)\(isNullable ? "" : " not null")" + (fieldID.map { " (id \($0))" } ?? "")
    }
}
