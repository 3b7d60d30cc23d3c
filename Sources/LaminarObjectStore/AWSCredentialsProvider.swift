/// A source of AWS credentials that a signer consults on every request. It is a protocol because sources
/// differ in how they obtain and refresh credentials (fixed keys, the environment, profile files, and later the
/// instance metadata service), while the signer only needs the current ones.
public protocol AWSCredentialsProvider: Sendable {
    /// The current credentials, or `nil` when this source has none configured. Throws when the source is
    /// configured but broken (an unreadable or malformed file), so a mistake is reported rather than skipped.
    func credentials() async throws -> AWSCredentials?
}
