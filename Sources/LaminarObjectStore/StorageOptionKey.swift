/// An option name reduced to what it means: the setting, and the vendor when the name has a vendor prefix
/// (`aws_region`) rather than being a short form (`region`). The spellings are those of the Rust
/// `object_store` crate that delta-rs, polars and obstore pass options to, so their users' keys work as is.
public struct StorageOptionKey: Hashable, Sendable, CustomStringConvertible {
    /// `nil` for the short forms, which apply to whichever vendor the location belongs to.
    public var provider: CloudProvider?
    public var setting: StorageSetting

    public init(provider: CloudProvider?, setting: StorageSetting) {
        self.provider = provider
        self.setting = setting
    }

    /// Recognizes any spelling, ignoring case; `nil` for names no vendor uses.
    public init?(_ name: String) {
        guard let (key, _) = Self.parse(name) else { return nil }
        self = key
    }

    /// The preferred spelling.
    public var description: String {
        Self.spellings.first { $0.provider == provider && $0.setting == setting }?.names.first ?? setting.rawValue
    }

    /// The key a name spells and how preferred that spelling is (0 is best), which decides between two
    /// spellings of one key given together, such as `AWS_ENDPOINT_URL` and `AWS_ENDPOINT`.
    static func parse(_ name: String) -> (key: StorageOptionKey, rank: Int)? {
        byName[name.lowercased()]
    }

    private static let byName: [String: (key: StorageOptionKey, rank: Int)] = {
        var table: [String: (key: StorageOptionKey, rank: Int)] = [:]
        for spelling in spellings {
            let key = StorageOptionKey(provider: spelling.provider, setting: spelling.setting)
            for (rank, name) in spelling.names.enumerated() { table[name] = (key, rank) }
        }
        return table
    }()

    private static let vendorSpellings: [(provider: CloudProvider?, setting: StorageSetting, names: [String])] = [
        (.aws, .accessKeyID, ["aws_access_key_id"]),
        (.aws, .secretAccessKey, ["aws_secret_access_key"]),
        (.aws, .region, ["aws_region"]),
        (.aws, .defaultRegion, ["aws_default_region"]),
        (.aws, .endpoint, ["aws_endpoint_url", "aws_endpoint"]),
        (.aws, .token, ["aws_session_token", "aws_token"]),
        (.aws, .profile, ["aws_profile"]),
        (.aws, .virtualHostedStyleRequest, ["aws_virtual_hosted_style_request"]),
        (.aws, .skipSignature, ["aws_skip_signature"]),
        (.google, .serviceAccountPath, ["google_service_account", "google_service_account_path"]),
        (.google, .serviceAccountKey, ["google_service_account_key"]),
        (.google, .applicationCredentials, ["google_application_credentials"]),
        (.google, .endpoint, ["google_storage_endpoint", "google_endpoint"]),
        (.google, .skipSignature, ["google_skip_signature"]),
        (.google, .token, ["google_bearer_token", "google_access_token"]),
        (.google, .accessKeyID, ["google_hmac_access_id", "google_access_key_id"]),
        (.google, .secretAccessKey, ["google_hmac_secret", "google_secret_access_key"]),
        (.azure, .accountName, ["azure_storage_account_name"]),
        (.azure, .accountKey, ["azure_storage_account_key", "azure_storage_access_key", "azure_storage_master_key"]),
        (.azure, .sasToken, ["azure_storage_sas_key", "azure_storage_sas_token"]),
        (.azure, .token, ["azure_storage_token"]),
        (.azure, .clientID, ["azure_storage_client_id", "azure_client_id"]),
        (.azure, .clientSecret, ["azure_storage_client_secret", "azure_client_secret"]),
        (.azure, .tenantID,
         ["azure_storage_tenant_id", "azure_storage_authority_id", "azure_tenant_id", "azure_authority_id"]),
        (.azure, .endpoint, ["azure_storage_endpoint", "azure_endpoint"]),
        (.azure, .useEmulator, ["azure_storage_use_emulator", "azure_use_emulator"]),
        (.azure, .skipSignature, ["azure_skip_signature"]),
        (nil, .accessKeyID, ["access_key_id"]),
        (nil, .secretAccessKey, ["secret_access_key"]),
        (nil, .region, ["region"]),
        (nil, .defaultRegion, ["default_region"]),
        (nil, .endpoint, ["endpoint", "endpoint_url"]),
        (nil, .token, ["token", "session_token", "bearer_token"]),
        (nil, .profile, ["profile"]),
        (nil, .virtualHostedStyleRequest, ["virtual_hosted_style_request"]),
        (nil, .skipSignature, ["skip_signature"]),
        (nil, .serviceAccountPath, ["service_account", "service_account_path"]),
        (nil, .serviceAccountKey, ["service_account_key"]),
        (nil, .applicationCredentials, ["application_credentials"]),
        (nil, .accountName, ["account_name"]),
        (nil, .accountKey, ["account_key", "access_key", "master_key"]),
        (nil, .sasToken, ["sas_token", "sas_key"]),
        (nil, .clientID, ["client_id"]),
        (nil, .clientSecret, ["client_secret"]),
        (nil, .tenantID, ["tenant_id", "authority_id"]),
        (nil, .useEmulator, ["use_emulator"]),
    ]

    /// HTTP client settings are shared by every vendor, short or with any vendor's prefix, as in
    /// `object_store` (`allow_http`, `aws_allow_http`, `azure_allow_http`).
    private static let clientSpellings: [(provider: CloudProvider?, setting: StorageSetting, names: [String])] = {
        let settings: [(StorageSetting, String)] = [
            (.allowHTTP, "allow_http"), (.allowInvalidCertificates, "allow_invalid_certificates"),
            (.timeout, "timeout"), (.connectTimeout, "connect_timeout"), (.userAgent, "user_agent"),
            (.proxyURL, "proxy_url"),
        ]
        let prefixes: [(CloudProvider?, String)] = [(nil, ""), (.aws, "aws_"), (.google, "google_"), (.azure, "azure_")]
        return prefixes.flatMap { provider, prefix in
            settings.map { setting, name in (provider, setting, [prefix + name]) }
        }
    }()

    private static let spellings = vendorSpellings + clientSpellings
}
