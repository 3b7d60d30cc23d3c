extension ObjectStoreError {
    /// The stores' shared wording for their common failures, so the local and in-memory stores read alike
    /// and tests of one hold for the other.
    static func noSuchObject(_ path: ObjectPath) -> ObjectStoreError {
        ObjectStoreError(.notFound, path: path.rawValue, detail: "no such object")
    }

    static func objectExists(_ path: ObjectPath) -> ObjectStoreError {
        ObjectStoreError(.alreadyExists, path: path.rawValue, detail: "an object already exists")
    }

    static let rootIsNotAnObject = ObjectStoreError(.invalidPath, path: "", detail: "the root is not an object")

    static func uploadFinished(_ path: ObjectPath) -> ObjectStoreError {
        ObjectStoreError(.unsupported, path: path.rawValue, detail: "the upload was already completed or aborted")
    }

    static func invalidPageSize(_ size: Int) -> ObjectStoreError {
        ObjectStoreError(.invalidConfiguration, detail: "list page size \(size) is not positive")
    }
}
