/// The kinds of catalog object a statement can name.
public enum ObjectKind: Sendable, Hashable, CaseIterable {
    case source
    case sink
    case stream

    public var sql: String {
        switch self {
        case .source: return "SOURCE"
        case .sink: return "SINK"
        case .stream: return "STREAM"
        }
    }

    /// The plural used by `SHOW`.
    public var pluralSQL: String { sql + "S" }
}
