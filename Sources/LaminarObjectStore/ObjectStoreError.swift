/// Every failure of every store. `description` names the operation's path and what went wrong and never
/// contains a credential: backends pass only redacted request details into `detail`.
public struct ObjectStoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case notFound
        /// `putIfAbsent` lost: something already exists at the path.
        case alreadyExists
        /// A conditional write was sent but its answer never came; the caller must check what landed.
        case unknownOutcome
        case invalidPath
        case invalidConfiguration
        case permissionDenied
        /// Throttling, 5xx or a connection failure that outlasted the retry budget.
        case unavailable
        /// An answer the client cannot make sense of (bad XML, missing header).
        case protocolViolation
        case io
        case unsupported
    }

    public var kind: Kind
    public var path: String?
    public var detail: String
    /// The HTTP status when a server answered.
    public var status: Int?

    public init(_ kind: Kind, path: String? = nil, detail: String, status: Int? = nil) {
        self.kind = kind
        self.path = path
        self.detail = detail
        self.status = status
    }

    public var description: String {
        var text = "\(kind)"
        if let path { text += " at \(path)" }
        if let status { text += " (HTTP \(status))" }
        return text + ": " + detail
    }
}
