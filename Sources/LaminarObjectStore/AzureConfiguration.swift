import Foundation

/// Where an `AzureObjectStore` sends its requests and how it shapes them. Validated once, up front, so that a
/// typo in an account, container or endpoint fails when the store is created rather than on the first request.
///
/// Requests always use the Blob service API, also for ADLS Gen2 (hierarchical namespace) accounts named by an
/// `abfss://…dfs.core.windows.net` URL: the Blob API serves those accounts too, and its conditional Put Blob is
/// the commit primitive the lake formats need.
public struct AzureConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// The storage account.
    public var account: String
    /// The blob container (an ADLS Gen2 "file system").
    public var container: String
    /// The account's Blob service URL, `scheme://host[:port][/base]`: requests go to `{endpoint}/{container}/{blob}`.
    /// `nil` means Azure's public cloud, `https://{account}.blob.core.windows.net`. Emulators put the account in
    /// the path (`http://127.0.0.1:10000/devstoreaccount1`), which this form covers without a special case.
    public var endpoint: String?
    /// Plain HTTP is refused unless allowed, so that credentials and data are not sent in the clear by accident.
    public var allowHTTP: Bool
    /// Every blob of the store lives under this prefix, which `list` strips from the names it returns.
    public var prefix: ObjectPath
    /// Size of the blocks a `MultipartUpload` stages; an upload that never fills one is a single Put Blob.
    public var blockSize: Int
    /// Blocks uploaded at once by one `MultipartUpload`.
    public var uploadConcurrency: Int
    /// `maxresults` of each List Blobs request; `nil` leaves Azure's default of 5000.
    public var listPageSize: Int?
    /// Deletes in flight at once when deleting many blobs.
    public var deleteConcurrency: Int
    /// The longest pause between two polls of a copy that Azure reports as still pending.
    public var copyPollInterval: Duration
    /// How long `copy` waits for a pending copy before aborting it.
    public var copyTimeout: Duration

    /// Azure accepts blocks of up to 4000 MiB (API version 2019-12-12 and later).
    public static let maximumBlockSize = 4000 * 1024 * 1024
    /// A block blob has at most this many committed blocks.
    public static let maximumBlockCount = 50_000

    /// The development account that Azurite and the legacy storage emulator are built with, and its published key.
    /// The key is public by design; it grants access only to a local emulator.
    public static let emulatorAccount = "devstoreaccount1"
    public static let emulatorAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
    /// Azurite's default Blob endpoint for an account.
    public static func emulatorEndpoint(account: String = emulatorAccount) -> String {
        "http://127.0.0.1:10000/\(account)"
    }

    public init(
        account: String,
        container: String,
        endpoint: String? = nil,
        allowHTTP: Bool = false,
        prefix: ObjectPath = .root,
        blockSize: Int = 8 * 1024 * 1024,
        uploadConcurrency: Int = 4,
        listPageSize: Int? = nil,
        deleteConcurrency: Int = 8,
        copyPollInterval: Duration = .seconds(1),
        copyTimeout: Duration = .seconds(600)
    ) {
        self.account = account
        self.container = container
        self.endpoint = endpoint
        self.allowHTTP = allowHTTP
        self.prefix = prefix
        self.blockSize = blockSize
        self.uploadConcurrency = uploadConcurrency
        self.listPageSize = listPageSize
        self.deleteConcurrency = deleteConcurrency
        self.copyPollInterval = copyPollInterval
        self.copyTimeout = copyTimeout
    }

    /// The parts of the endpoint URL, checked.
    func resolvedEndpoint() throws(ObjectStoreError) -> ServiceEndpoint {
        try validateNames()
        guard (1...Self.maximumBlockSize).contains(blockSize) else {
            throw ObjectStoreError(
                .invalidConfiguration,
                detail: "block size \(blockSize) is outside Azure's range of 1 to \(Self.maximumBlockSize) bytes"
            )
        }
        guard uploadConcurrency >= 1, deleteConcurrency >= 1, (listPageSize ?? 1) >= 1,
            copyPollInterval > .zero, copyTimeout > .zero
        else {
            throw ObjectStoreError(
                .invalidConfiguration, detail: "concurrency, page size and copy timing must be positive"
            )
        }
        guard let endpoint else { return ServiceEndpoint(scheme: "https", host: "\(account).blob.core.windows.net") }
        return try ServiceEndpoint(parsing: endpoint, allowHTTP: allowHTTP)
    }

    /// Account names are 3 to 24 lowercase letters and digits. Container names are 3 to 63 lowercase letters,
    /// digits and single hyphens, starting and ending with a letter or digit; `$root`, `$web` and `$logs` are
    /// the special containers. Checking here turns a typo into a clear error instead of an authentication
    /// failure or a request to somebody else's account.
    private func validateNames() throws(ObjectStoreError) {
        let accountValid = (3...24).contains(account.count)
            && account.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        guard accountValid else {
            throw ObjectStoreError(
                .invalidConfiguration, detail: "`\(account)` is not a valid Azure storage account name"
            )
        }
        let special: Set<String> = ["$root", "$web", "$logs"]
        let containerValid = special.contains(container)
            || ((3...63).contains(container.count)
                && container.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
                && container.first != "-" && container.last != "-" && !container.contains("--"))
        guard containerValid else {
            throw ObjectStoreError(.invalidConfiguration, detail: "`\(container)` is not a valid Azure container name")
        }
    }

    public var description: String {
        "AzureConfiguration(account: \(account), container: \(container), endpoint: "
            + (endpoint.map(StoreLocation.redacted) ?? "Azure") + (prefix.isRoot ? "" : ", prefix: \(prefix)") + ")"
    }
}
