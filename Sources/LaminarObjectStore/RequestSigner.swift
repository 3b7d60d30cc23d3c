import Foundation

/// Authenticates a request for one backend: AWS Signature V4 for S3, bearer tokens for GCS, Shared Key for
/// Azure. `HTTPTransport` calls it once per attempt, so signatures are always fresh and a signer can refresh an
/// expiring credential between attempts.
public protocol RequestSigner: Sendable {
    /// Adds the authentication headers (or query parameters) to `request` as of `date`.
    func sign(_ request: inout SignableRequest, at date: Date) async throws
}
