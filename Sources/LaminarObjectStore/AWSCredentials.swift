/// An AWS access key pair, with the session token of temporary credentials. `description` shows only the
/// access key id, which AWS itself treats as non-secret, so credentials can be logged or interpolated into an
/// error without leaking what signs requests.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    public var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: REDACTED"
            + (sessionToken == nil ? ")" : ", sessionToken: REDACTED)")
    }

    public var debugDescription: String { description }

    /// `dump` and debuggers walk stored properties through the mirror; this one leaves the secrets out.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyID": accessKeyID, "secrets": "REDACTED"], displayStyle: .struct)
    }
}

extension AWSCredentials: AWSCredentialsProvider {
    /// Fixed credentials provide themselves.
    public func credentials() async throws -> AWSCredentials? { self }
}
