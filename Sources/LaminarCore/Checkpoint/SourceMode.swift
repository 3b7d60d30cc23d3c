/// How a source reads its table or files.
public enum SourceMode: Sendable, Hashable, Codable {
    /// What is there when the query starts, then the source ends.
    case batch
    /// The table as of a version or a time (time travel), then the source ends.
    case snapshot(SnapshotReference)
    /// The changes committed after a version, then the source ends.
    case incremental(sinceVersion: Int64)
    /// Keeps polling for new data every `pollInterval`; never ends by itself.
    case continuous(pollInterval: Duration)
}

public enum SnapshotReference: Sendable, Hashable, Codable {
    case version(Int64)
    /// Microseconds since the epoch.
    case timestamp(Int64)
}
