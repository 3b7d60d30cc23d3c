/// An HTTP request before signing, in the decoded form every signing scheme starts from. The path and query are
/// kept decoded and percent-encoded in exactly one place (`URIEncoding`), so the bytes on the wire are the bytes
/// that were signed. `HTTPTransport` signs a fresh copy for each attempt: signatures carry a timestamp, and a
/// retry after a long backoff must not present a stale one.
public struct SignableRequest: Sendable {
    /// Whether a request may be sent again after it might already have reached the server.
    public enum Semantics: Sendable, Hashable {
        /// Sending it twice has the effect of sending it once (GET, PUT of the same bytes, DELETE).
        case idempotent
        /// A create-only-if-absent write: a second copy of a request that already landed would fail its
        /// precondition and report the caller's own write as somebody else's, so it is never re-sent once its
        /// body may have reached the server, and a 412 or 409 answer means `.alreadyExists`.
        case conditionalCreate
    }

    public var method: String
    public var scheme: String
    public var host: String
    /// `nil` for the scheme's default port.
    public var port: Int?
    /// The decoded path, `/`-separated, starting with `/`.
    public var path: String
    /// The path exactly as sent, for APIs that carry a name containing `/` in one path segment (GCS's JSON API
    /// wants `o/a%2Fb`); `nil` to encode `path` segment by segment.
    public var percentEncodedPath: String?
    /// Decoded query parameters; a parameter without a value (`?uploads`) has an empty value.
    public var query: [(name: String, value: String)]
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The body's SHA-256 in lowercase hex when the caller already computed it, so that retries and signers do
    /// not hash large bodies again.
    public var bodySHA256: String?
    public var semantics: Semantics

    public init(
        method: String,
        scheme: String,
        host: String,
        port: Int? = nil,
        path: String,
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        bodySHA256: String? = nil,
        semantics: Semantics = .idempotent
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path.hasPrefix("/") ? path : "/" + path
        self.query = query
        self.headers = headers
        self.body = body
        self.bodySHA256 = bodySHA256
        self.semantics = semantics
    }

    /// The value of the first header called `name`, compared case-insensitively as HTTP does.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// Replaces every header called `name` with one carrying `value`.
    public mutating func setHeader(_ name: String, _ value: String) {
        let lowered = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lowered }
        headers.append((name, value))
    }

    /// `host` or `host:port`, as the `Host` header carries it.
    public var authority: String {
        guard let port, port != defaultPort else { return host }
        return "\(host):\(port)"
    }

    /// The path with each segment percent-encoded.
    public var encodedPath: String { percentEncodedPath ?? URIEncoding.encode(path, keepingSlashes: true) }

    /// The query percent-encoded and sorted by name, then value: the canonical form AWS signs, and a fine form
    /// for the wire, since servers do not care about parameter order.
    public var encodedQuery: String {
        query.map { (URIEncoding.encode($0.name), URIEncoding.encode($0.value)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    public var url: String {
        let query = encodedQuery
        return "\(scheme)://\(authority)\(encodedPath)" + (query.isEmpty ? "" : "?" + query)
    }

    /// The URL for errors and logs: query values other than a few known-harmless ones are replaced, because
    /// presigned URLs and SAS tokens carry signatures and credentials in the query string.
    public var redactedURL: String {
        let query = query.map { item in
            let value = Self.harmlessQueryParameters.contains(item.name.lowercased())
                ? URIEncoding.encode(item.value) : "REDACTED"
            return item.value.isEmpty ? URIEncoding.encode(item.name) : "\(URIEncoding.encode(item.name))=\(value)"
        }
        return "\(scheme)://\(authority)\(encodedPath)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    private var defaultPort: Int { scheme.lowercased() == "http" ? 80 : 443 }

    private static let harmlessQueryParameters: Set<String> = [
        "list-type", "prefix", "delimiter", "max-keys", "encoding-type", "start-after", "uploadid", "partnumber",
        "uploads", "delete", "restype", "comp", "marker", "maxresults", "uploadtype", "alt", "name",
        "ifgenerationmatch", "pagetoken", "includetrailingdelimiter",
    ]
}
