/// `DROP SOURCE|SINK|STREAM [IF EXISTS] name`.
public struct DropStatement: Sendable, Hashable {
    public var kind: ObjectKind
    public var ifExists: Bool
    public var name: Identifier

    public init(_ kind: ObjectKind, name: Identifier, ifExists: Bool = false) {
        self.kind = kind
        self.ifExists = ifExists
        self.name = name
    }
}
