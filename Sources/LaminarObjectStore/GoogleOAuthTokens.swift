import Foundation
import Logging

/// Access tokens obtained from Google's OAuth 2.0 token endpoint with a credentials file: a service account
/// signs a JWT assertion (the JWT bearer grant of RFC 7523), a user presents a refresh token. A token is kept
/// until five minutes before it expires, and concurrent requests share one exchange, so a burst of requests
/// after expiry does not become a burst of token requests.
public actor GoogleOAuthTokens: GoogleTokenProvider, CustomStringConvertible, CustomReflectable {
    /// Read and write access to objects; listing, copying and deleting are covered too.
    public static let readWriteScope = "https://www.googleapis.com/auth/devstorage.read_write"

    private let credentials: GoogleCredentialsFile
    private let scope: String
    private let endpoint: ServiceEndpoint
    private let tokenPath: String
    private let transport: HTTPTransport
    private var cached: (token: String, refreshAt: ContinuousClock.Instant)?
    private var exchange: Task<(token: String, lifetime: Duration), any Error>?

    /// Fails now when the file names a token endpoint that is not HTTPS (plain HTTP is accepted on loopback
    /// only, for tests), since the assertion it receives grants access.
    public init(
        credentials: GoogleCredentialsFile,
        scope: String = GoogleOAuthTokens.readWriteScope,
        transport: HTTPTransport = HTTPTransport(signer: UnsignedRequests())
    ) throws(ObjectStoreError) {
        let parsed = try ServiceEndpoint(parsing: credentials.tokenURI, allowHTTP: true)
        guard parsed.scheme == "https" || ["127.0.0.1", "localhost", "::1"].contains(parsed.host) else {
            throw ObjectStoreError(
                .invalidConfiguration,
                detail: "the token endpoint `\(StoreLocation.redacted(credentials.tokenURI))` must use HTTPS"
            )
        }
        self.credentials = credentials
        self.scope = scope
        tokenPath = parsed.basePath.isEmpty ? "/" : parsed.basePath
        endpoint = ServiceEndpoint(scheme: parsed.scheme, host: parsed.host, port: parsed.port)
        self.transport = transport
    }

    public func accessToken() async throws -> String {
        let clock = ContinuousClock()
        if let cached, clock.now < cached.refreshAt { return cached.token }
        let task = exchange ?? Task { [self] in try await self.requestToken() }
        exchange = task
        defer { exchange = nil }
        let (token, lifetime) = try await task.value
        cached = (token, clock.now + max(.zero, lifetime - .seconds(300)))
        return token
    }

    nonisolated public var description: String { "GoogleOAuthTokens(\(credentials.summary))" }

    /// `dump` shows whose credentials these are, never the cached token or the key.
    nonisolated public var customMirror: Mirror {
        Mirror(self, children: ["credentials": credentials.summary], displayStyle: .class)
    }

    private struct TokenAnswer: Decodable {
        var access_token: String?
        var expires_in: Int64?
        var error: String?
        var error_description: String?
    }

    private func requestToken() async throws -> (token: String, lifetime: Duration) {
        var request = endpoint.request(
            "POST", path: tokenPath, headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Array(try formBody().utf8)
        )
        request.semantics = .idempotent
        let response = try await transport.send(request)
        let answer = try? JSONDecoder().decode(TokenAnswer.self, from: Data(response.body))
        guard response.isSuccess else {
            let reason = [answer?.error, answer?.error_description].compactMap { $0 }.joined(separator: ": ")
            throw ObjectStoreError(
                response.status == 400 || response.status == 401 ? .permissionDenied : .unavailable,
                detail: "\(response.requestSummary): the token endpoint refused the credentials of "
                    + "\(credentials.summary)" + (reason.isEmpty ? "" : " (\(reason))"),
                status: response.status
            )
        }
        guard let token = answer?.access_token, !token.isEmpty else {
            throw ObjectStoreError(
                .protocolViolation, detail: "\(response.requestSummary): the answer carries no access_token",
                status: response.status
            )
        }
        return (token, .seconds(answer?.expires_in ?? 3600))
    }

    private func formBody() throws -> String {
        let fields: [(String, String)]
        switch credentials {
        case .serviceAccount(let account):
            let now = Int64(Date().timeIntervalSince1970)
            let claims = JSONWebToken.GrantClaims(
                iss: account.clientEmail, scope: scope, aud: account.tokenURI, iat: now, exp: now + 3600
            )
            let assertion = try JSONWebToken.signed(
                header: .init(kid: account.privateKeyID), claims: claims, key: account.privateKey
            )
            fields = [("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion)]
        case .authorizedUser(let user):
            fields = [
                ("grant_type", "refresh_token"), ("client_id", user.clientID), ("client_secret", user.clientSecret),
                ("refresh_token", user.refreshToken),
            ]
        }
        return fields.map { "\(URIEncoding.encode($0.0))=\(URIEncoding.encode($0.1))" }.joined(separator: "&")
    }
}

extension GoogleCredentialsFile {
    /// Who the credentials belong to, for messages; never a secret.
    var summary: String {
        switch self {
        case .serviceAccount(let account): "service account \(account.clientEmail)"
        case .authorizedUser(let user): "authorized user of client \(user.clientID)"
        }
    }
}
