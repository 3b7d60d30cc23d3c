extension StorageOptions {
    /// `region` wins over `default_region`, as in the AWS SDKs and CLI.
    public var awsRegion: String? { value(preferring: [.region, .defaultRegion], for: .aws) }
    public var awsEndpoint: String? { value(.endpoint, for: .aws) }
    public var awsAccessKeyID: String? { value(.accessKeyID, for: .aws) }
    public var awsSecretAccessKey: String? { value(.secretAccessKey, for: .aws) }
    public var awsSessionToken: String? { value(.token, for: .aws) }
    public var awsProfile: String? { value(.profile, for: .aws) }
    /// Path-style addressing is the default because S3-compatible servers (MinIO, moto) expect it.
    public var awsVirtualHostedStyleRequest: Bool { get throws { try flag(.virtualHostedStyleRequest, for: .aws) ?? false } }
    public var awsSkipSignature: Bool { get throws { try flag(.skipSignature, for: .aws) ?? false } }
}
