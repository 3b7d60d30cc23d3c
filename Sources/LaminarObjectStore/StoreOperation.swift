/// The calls of `ObjectStore` and `MultipartUpload`, to aim injected faults at one kind of call and count them.
public enum StoreOperation: String, Sendable, Hashable, CaseIterable {
    case get
    case head
    case put
    case putIfAbsent
    /// One page of a listing.
    case list
    case delete
    case copy
    case createUpload
    case uploadWrite
    case completeUpload
    case abortUpload

    /// Whether the call changes what is stored, so that it can fail after taking effect, as a request whose
    /// answer is lost does.
    public var changesStore: Bool {
        switch self {
        case .put, .putIfAbsent, .delete, .copy, .uploadWrite, .completeUpload, .abortUpload: true
        case .get, .head, .list, .createUpload: false
        }
    }
}
