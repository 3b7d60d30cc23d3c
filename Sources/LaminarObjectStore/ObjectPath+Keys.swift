/// A cloud store keeps all its objects under one prefix in a bucket; these turn store-relative paths into
/// bucket keys and back, the same way for every cloud backend.
extension ObjectPath {
    /// The bucket key of `path` in a store rooted at `self`. The root is a prefix, never an object.
    func key(for path: ObjectPath) throws(ObjectStoreError) -> String {
        guard !path.isRoot else { throw .rootIsNotAnObject }
        return isRoot ? path.rawValue : rawValue + "/" + path.rawValue
    }

    /// The key prefix, ending in `/`, that lists `requested` in a store rooted at `self`; empty for the bucket.
    func listingPrefix(for requested: ObjectPath?) -> String {
        let requested = requested ?? .root
        let full = isRoot ? requested.rawValue
            : requested.isRoot ? rawValue : rawValue + "/" + requested.rawValue
        return full.isEmpty ? "" : full + "/"
    }

    /// `key` relative to a store rooted at `self`, if it is under it and spelled canonically. Keys other tools
    /// wrote that no `ObjectPath` spells the same way (folder markers ending in `/`, `a//b`, `.` segments) give
    /// `nil`: a store could not address them anyway.
    func relativePath(ofKey key: String) -> ObjectPath? {
        let prefix = isRoot ? "" : rawValue + "/"
        guard KeyOrder.hasPrefix(key, prefix) else { return nil }
        let relative = String(decoding: key.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
        guard let path = try? ObjectPath(relative), !path.isRoot, path.rawValue == relative else { return nil }
        return path
    }
}
