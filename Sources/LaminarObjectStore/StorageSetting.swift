/// What an option configures, whichever of its many spellings named it.
public enum StorageSetting: String, Sendable, Hashable, CaseIterable {
    case region
    /// The fallback region AWS tools read when `region` is not set.
    case defaultRegion
    case endpoint
    case accessKeyID
    case secretAccessKey
    /// AWS session token or Azure bearer token.
    case token
    case profile
    case virtualHostedStyleRequest
    /// Send requests unsigned, for public buckets.
    case skipSignature
    case serviceAccountPath
    case serviceAccountKey
    case applicationCredentials
    case accountName
    case accountKey
    case sasToken
    case clientID
    case clientSecret
    case tenantID
    case useEmulator
    case allowHTTP
    case allowInvalidCertificates
    case timeout
    case connectTimeout
    case userAgent
    case proxyURL

    /// Values that grant access; they are printed as `***` so logs and error messages never carry them.
    public var isSecret: Bool {
        switch self {
        case .secretAccessKey, .token, .serviceAccountKey, .accountKey, .sasToken, .clientSecret: true
        default: false
        }
    }
}
