/// Where a source stands after the last batch it returned, so a restarted pipeline resumes exactly there:
/// nothing skipped, nothing read twice.
public struct SourceCheckpoint: Codable, Hashable, Sendable {
    /// Table version or snapshot id, for lake sources.
    public var version: Int64?
    /// Records consumed: inside `current` for file sources, overall for generators and the push log.
    public var offset: Int64
    /// Files read to the end.
    public var completed: [String]
    /// The file being read, if any.
    public var current: String?

    public init(version: Int64? = nil, offset: Int64 = 0, completed: [String] = [], current: String? = nil) {
        self.version = version
        self.offset = offset
        self.completed = completed
        self.current = current
    }
}
