import Foundation

/// The base URL of a storage service (an S3-compatible server, a GCS emulator, an Azure account endpoint),
/// checked once when a store is configured so that a typo fails then, not on the first request, and so that
/// plain HTTP is only used when asked for: credentials and data would otherwise cross the network in clear.
public struct ServiceEndpoint: Sendable, Hashable {
    public var scheme: String
    public var host: String
    /// `nil` for the scheme's default port.
    public var port: Int?
    /// A path every request starts with, without a trailing `/` (empty for none).
    public var basePath: String

    public init(scheme: String, host: String, port: Int? = nil, basePath: String = "") {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// Parses `text`, which must be an `http` or `https` URL with a host and nothing secret in it.
    public init(parsing text: String, allowHTTP: Bool) throws(ObjectStoreError) {
        let shown = StoreLocation.redacted(text)
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw ObjectStoreError(.invalidConfiguration, detail: "endpoint `\(shown)` is not a URL with a host")
        }
        guard scheme == "https" || scheme == "http" else {
            throw ObjectStoreError(.invalidConfiguration, detail: "endpoint `\(shown)` is neither http nor https")
        }
        guard scheme == "https" || allowHTTP else {
            throw ObjectStoreError(
                .invalidConfiguration, detail: "endpoint `\(shown)` is plain HTTP; set allow_http to use it"
            )
        }
        guard components.user == nil, components.password == nil, components.query == nil,
            components.fragment == nil
        else {
            throw ObjectStoreError(
                .invalidConfiguration,
                detail: "endpoint `\(shown)` must not carry user info, a query or a fragment (credentials and SAS "
                    + "tokens go in their own options)"
            )
        }
        let path = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        self.init(scheme: scheme, host: host, port: components.port, basePath: path)
    }

    /// A request to `basePath + path` on this endpoint.
    func request(
        _ method: String,
        path: String,
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) -> SignableRequest {
        SignableRequest(
            method: method, scheme: scheme, host: host, port: port, path: basePath + path, query: query,
            headers: headers, body: body
        )
    }
}
