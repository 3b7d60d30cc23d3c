/// `_delta_log/_last_checkpoint`: a hint naming the newest checkpoint, overwritten in place. It may be
/// stale or damaged, so readers only use it to start their listing and fall back to a full one.
public struct LastCheckpoint: Codable, Hashable, Sendable {
    public var version: Int64
    /// Number of actions in the checkpoint.
    public var size: Int64
    public var parts: Int?
    public var sizeInBytes: Int64?
    public var numOfAddFiles: Int64?

    public init(version: Int64, size: Int64, parts: Int? = nil, sizeInBytes: Int64? = nil, numOfAddFiles: Int64? = nil) {
        self.version = version
        self.size = size
        self.parts = parts
        self.sizeInBytes = sizeInBytes
        self.numOfAddFiles = numOfAddFiles
    }
}
