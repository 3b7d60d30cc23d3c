import Foundation

/// Authenticates GCS JSON API requests with an OAuth 2.0 bearer token, fetched per attempt so that a retry
/// after a long backoff carries a fresh token.
public struct GoogleBearerSigner: RequestSigner, CustomStringConvertible {
    public var tokens: any GoogleTokenProvider

    public init(tokens: any GoogleTokenProvider) { self.tokens = tokens }

    public func sign(_ request: inout SignableRequest, at date: Date) async throws {
        request.setHeader("Authorization", "Bearer " + (try await tokens.accessToken()))
    }

    public var description: String { "GoogleBearerSigner(\(tokens))" }
}
