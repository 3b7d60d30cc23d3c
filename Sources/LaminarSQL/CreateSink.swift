/// `CREATE SINK [IF NOT EXISTS] name WITH (...) AS SELECT ...` or
/// `CREATE SINK [IF NOT EXISTS] name FROM stream WITH (...)`.
public struct CreateSink: Sendable, Hashable {
    public var name: Identifier
    public var ifNotExists: Bool
    public var input: SinkInput
    public var options: [WithOption]

    public init(name: Identifier, ifNotExists: Bool = false, input: SinkInput, options: [WithOption]) {
        self.name = name
        self.ifNotExists = ifNotExists
        self.input = input
        self.options = options
    }
}
