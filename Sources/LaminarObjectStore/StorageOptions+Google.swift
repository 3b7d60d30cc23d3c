extension StorageOptions {
    /// A path to a service account JSON file.
    public var googleServiceAccountPath: String? { value(.serviceAccountPath, for: .google) }
    /// The service account JSON itself.
    public var googleServiceAccountKey: String? { value(.serviceAccountKey, for: .google) }
    public var googleApplicationCredentials: String? { value(.applicationCredentials, for: .google) }
    /// Where to send requests instead of `storage.googleapis.com`, e.g. a fake-gcs-server.
    public var googleEndpoint: String? { value(.endpoint, for: .google) }
    public var googleSkipSignature: Bool { get throws { try flag(.skipSignature, for: .google) ?? false } }
}
