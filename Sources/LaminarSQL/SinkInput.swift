/// Where a sink's rows come from: an inline query, or an existing stream by name (so several
/// sinks can share one computation).
public enum SinkInput: Sendable, Hashable {
    case query(Query)
    case stream(Identifier)
}
