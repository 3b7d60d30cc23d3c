extension StorageOptions {
    public var azureAccountName: String? { value(.accountName, for: .azure) }
    public var azureAccountKey: String? { value(.accountKey, for: .azure) }
    public var azureSASToken: String? { value(.sasToken, for: .azure) }
    public var azureBearerToken: String? { value(.token, for: .azure) }
    public var azureClientID: String? { value(.clientID, for: .azure) }
    public var azureClientSecret: String? { value(.clientSecret, for: .azure) }
    public var azureTenantID: String? { value(.tenantID, for: .azure) }
    public var azureEndpoint: String? { value(.endpoint, for: .azure) }
    /// Talk to Azurite with its well-known development account.
    public var azureUseEmulator: Bool { get throws { try flag(.useEmulator, for: .azure) ?? false } }
    public var azureSkipSignature: Bool { get throws { try flag(.skipSignature, for: .azure) ?? false } }
}
