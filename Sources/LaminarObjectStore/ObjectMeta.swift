import Foundation

/// What a store knows about one object without reading it.
public struct ObjectMeta: Hashable, Sendable {
    public var path: ObjectPath
    public var size: Int64
    public var lastModified: Date
    /// The backend's entity tag or generation, when it has one.
    public var eTag: String?

    public init(path: ObjectPath, size: Int64, lastModified: Date, eTag: String? = nil) {
        self.path = path
        self.size = size
        self.lastModified = lastModified
        self.eTag = eTag
    }
}
