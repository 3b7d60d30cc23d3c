extension AzureConfiguration {
    /// The configuration for an `az://container/prefix` or `abfs[s]://container@account.dfs.core.windows.net/prefix`
    /// location and delta-rs style options (`azure_storage_account_name`, `azure_storage_endpoint`,
    /// `azure_storage_use_emulator`, `allow_http`).
    ///
    /// The account comes from the URL when it names one, else from the options. The endpoint is, in order: an
    /// explicit `azure_storage_endpoint`; Azurite's `http://127.0.0.1:10000/{account}` with `use_emulator`; the
    /// Blob host of the URL's account host (an `abfs` URL names the `dfs` host of the account, and the same
    /// account's `blob` host in the same cloud serves the Blob API); Azure's public cloud. The emulator allows
    /// plain HTTP, which is all Azurite speaks by default.
    public init(location: StoreLocation, options: StorageOptions) throws {
        guard location.scheme == .azure, let container = location.bucket else {
            throw ObjectStoreError(.invalidConfiguration, detail: "\(location) is not an Azure location")
        }
        let emulator = try options.azureUseEmulator
        guard let account = location.account ?? options.azureAccountName ?? (emulator ? Self.emulatorAccount : nil)
        else {
            throw ObjectStoreError(
                .invalidConfiguration,
                detail: "\(location) names no storage account: use abfss://container@account.dfs.core.windows.net "
                    + "or set azure_storage_account_name"
            )
        }
        let endpoint = options.azureEndpoint
            ?? (emulator ? Self.emulatorEndpoint(account: account) : nil)
            ?? location.accountHost.flatMap(Self.blobEndpoint(forAccountHost:))
        self.init(
            account: account,
            container: container,
            endpoint: endpoint,
            allowHTTP: try options.allowHTTP(for: .azure) || emulator,
            prefix: location.prefix
        )
    }

    /// `https://` and the Blob service host for the host after `@` in an `abfs[s]` URL: the `dfs` label after the
    /// account becomes `blob` (`acct.dfs.core.windows.net` → `acct.blob.core.windows.net`, and likewise in the
    /// China and government clouds). A bare account name means the public cloud (`nil`); any other host, such as
    /// a custom domain, is used as written.
    static func blobEndpoint(forAccountHost host: String) -> String? {
        var labels = host.lowercased().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.count > 1 else { return nil }
        if labels[1] == "dfs" { labels[1] = "blob" }
        return "https://" + labels.joined(separator: ".")
    }
}
