import AsyncHTTPClient
import Foundation
import NIOSSL
import Logging
import Synchronization

/// The HTTP settings object_store users give per store: how long to wait, which proxy to go through, which
/// `User-Agent` to send, and whether to accept any TLS certificate (for test servers). Settings that shape
/// connections need an `HTTPClient` of their own; clients are kept for the life of the process, one per
/// distinct setting, because an `HTTPClient` must be shut down before release and stores have no close.
public struct HTTPClientOptions: Hashable, Sendable {
    public var connectTimeout: Duration?
    /// The limit on one attempt of a request.
    public var requestTimeout: Duration?
    /// `http://host:port` of an HTTP proxy.
    public var proxyURL: String?
    public var allowInvalidCertificates: Bool
    public var userAgent: String?

    public init(
        connectTimeout: Duration? = nil, requestTimeout: Duration? = nil, proxyURL: String? = nil,
        allowInvalidCertificates: Bool = false, userAgent: String? = nil
    ) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.proxyURL = proxyURL
        self.allowInvalidCertificates = allowInvalidCertificates
        self.userAgent = userAgent
    }

    /// The settings `options` give for `provider`'s stores (`timeout`, `connect_timeout`, `proxy_url`,
    /// `allow_invalid_certificates`, `user_agent`, with or without the vendor prefix).
    public init(options: StorageOptions, provider: CloudProvider) throws {
        self.init(
            connectTimeout: try options.connectTimeout(for: provider),
            requestTimeout: try options.timeout(for: provider),
            proxyURL: options.proxyURL(for: provider),
            allowInvalidCertificates: try options.allowInvalidCertificates(for: provider),
            userAgent: options.userAgent(for: provider)
        )
    }

    /// The client for these settings: the shared one when none of them shapes connections.
    public func client() throws -> HTTPClient {
        guard connectTimeout != nil || proxyURL != nil || allowInvalidCertificates else {
            return HTTPTransport.sharedClient
        }
        let key = ConnectionSettings(connectTimeout: connectTimeout, proxyURL: proxyURL, allowInvalid: allowInvalidCertificates)
        var configuration = HTTPTransport.recommendedConfiguration
        if let connectTimeout {
            configuration.timeout.connect = .nanoseconds(connectTimeout.saturatingNanoseconds)
        }
        if let proxyURL {
            guard let components = URLComponents(string: proxyURL), components.scheme?.lowercased() == "http",
                let host = components.host, !host.isEmpty
            else {
                throw ObjectStoreError(
                    .invalidConfiguration, detail: "proxy `\(StoreLocation.redacted(proxyURL))` is not an http:// URL"
                )
            }
            configuration.proxy = .server(host: host, port: components.port ?? 80)
        }
        if allowInvalidCertificates {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            configuration.tlsConfiguration = tls
        }
        return Self.clients.withLock { clients in
            if let client = clients[key] { return client }
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clients[key] = client
            return client
        }
    }

    /// A transport with these settings, on `client` when one is given instead of the settings' own.
    public func transport(
        signer: any RequestSigner, retryPolicy: RetryPolicy, client: HTTPClient? = nil, logger: Logger
    ) throws -> HTTPTransport {
        var transport = HTTPTransport(
            client: try client ?? self.client(), signer: signer, retryPolicy: retryPolicy, logger: logger
        )
        if let requestTimeout { transport.attemptTimeout = requestTimeout }
        if let userAgent { transport.userAgent = userAgent }
        return transport
    }

    private struct ConnectionSettings: Hashable {
        var connectTimeout: Duration?
        var proxyURL: String?
        var allowInvalid: Bool
    }

    private static let clients = Mutex<[ConnectionSettings: HTTPClient]>([:])
}
