extension StorageOptions {
    /// A path to a service account JSON file.
    public var googleServiceAccountPath: String? { value(.serviceAccountPath, for: .google) }
    /// The service account JSON itself.
    public var googleServiceAccountKey: String? { value(.serviceAccountKey, for: .google) }
    public var googleApplicationCredentials: String? { value(.applicationCredentials, for: .google) }
    /// Where to send requests instead of `storage.googleapis.com`, e.g. a fake-gcs-server.
    public var googleEndpoint: String? { value(.endpoint, for: .google) }
    public var googleSkipSignature: Bool { get throws { try flag(.skipSignature, for: .google) ?? false } }
    /// An OAuth 2.0 access token obtained elsewhere.
    public var googleBearerToken: String? { value(.token, for: .google) }
    /// HMAC key id and secret, for GCS's S3-compatible XML API.
    public var googleHMACAccessID: String? { value(.accessKeyID, for: .google) }
    public var googleHMACSecret: String? { value(.secretAccessKey, for: .google) }
}
