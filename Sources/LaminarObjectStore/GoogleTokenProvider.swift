/// A source of OAuth 2.0 access tokens for Google Cloud Storage. It is a protocol because tokens come from
/// several places (a service account key, a user's refresh token, a token handed over by the caller), while
/// the signer only needs the current one.
public protocol GoogleTokenProvider: Sendable {
    /// A token valid for at least a few more minutes.
    func accessToken() async throws -> String
}

/// A token obtained elsewhere (`gcloud auth print-access-token`, a workload identity sidecar); it is used as
/// given and never refreshed.
public struct StaticGoogleToken: GoogleTokenProvider, CustomStringConvertible, CustomReflectable {
    private let token: String

    public init(_ token: String) { self.token = token }

    public func accessToken() async throws -> String { token }

    public var description: String { "StaticGoogleToken(***)" }

    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
