/// `CREATE STREAM [IF NOT EXISTS] name [WITH (...)] AS SELECT ...`: a named, continuously
/// maintained query other streams and sinks can read.
public struct CreateStream: Sendable, Hashable {
    public var name: Identifier
    public var ifNotExists: Bool
    /// Optional tuning (e.g. emit policy); empty when no `WITH` clause was written.
    public var options: [WithOption]
    public var query: Query

    public init(name: Identifier, ifNotExists: Bool = false, options: [WithOption] = [], query: Query) {
        self.name = name
        self.ifNotExists = ifNotExists
        self.options = options
        self.query = query
    }
}
