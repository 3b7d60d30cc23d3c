/// `metaData`: the table's identity, schema (as Spark's JSON schema string), partition columns and
/// configuration (`delta.*` table properties and user properties).
public struct Metadata: Codable, Hashable, Sendable {
    public struct Format: Codable, Hashable, Sendable {
        public var provider: String
        public var options: [String: String]

        public init(provider: String = "parquet", options: [String: String] = [:]) {
            self.provider = provider
            self.options = options
        }
    }

    public var id: String
    public var name: String?
    public var description: String?
    public var format: Format
    public var schemaString: String
    public var partitionColumns: [String]
    public var configuration: [String: String]
    public var createdTime: Int64?

    public init(id: String, name: String? = nil, description: String? = nil, format: Format = Format(), schemaString: String,
                partitionColumns: [String] = [], configuration: [String: String] = [:], createdTime: Int64? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.format = format
        self.schemaString = schemaString
        self.partitionColumns = partitionColumns
        self.configuration = configuration
        self.createdTime = createdTime
    }
}
