import Foundation

/// Where a `GCSObjectStore` sends its requests and how it sizes them, validated once up front.
public struct GCSConfiguration: Sendable, Hashable, CustomStringConvertible {
    public var bucket: String
    /// `scheme://host[:port][/base]`; `nil` means Google's `https://storage.googleapis.com`.
    public var endpoint: String?
    /// Plain HTTP is refused unless allowed, so that tokens and data are not sent in the clear by accident.
    public var allowHTTP: Bool
    /// Every key of the store lives under this prefix, which `list` strips from the names it returns.
    public var prefix: ObjectPath
    /// Bytes per request of a resumable upload; GCS wants a multiple of 256 KiB for all but the last.
    public var chunkSize: Int
    /// `maxResults` of each listing request; `nil` leaves GCS's default of 1000.
    public var listPageSize: Int?
    /// Objects deleted at once by `delete(_: [ObjectPath])`.
    public var deleteConcurrency: Int

    public static let chunkGranularity = 256 * 1024

    public init(
        bucket: String,
        endpoint: String? = nil,
        allowHTTP: Bool = false,
        prefix: ObjectPath = .root,
        chunkSize: Int = 16 * 1024 * 1024,
        listPageSize: Int? = nil,
        deleteConcurrency: Int = 8
    ) {
        self.bucket = bucket
        self.endpoint = endpoint
        self.allowHTTP = allowHTTP
        self.prefix = prefix
        self.chunkSize = chunkSize
        self.listPageSize = listPageSize
        self.deleteConcurrency = deleteConcurrency
    }

    /// The configuration for a `gs://bucket/prefix` location and object_store style options
    /// (`google_storage_endpoint`, `allow_http`). When no endpoint is given, `STORAGE_EMULATOR_HOST` (the
    /// variable Google's own libraries honour) points the store at an emulator over plain HTTP.
    public init(location: StoreLocation, options: StorageOptions, environment: [String: String]) throws {
        guard location.scheme == .gcs, let bucket = location.bucket else {
            throw ObjectStoreError(.invalidConfiguration, detail: "\(location) is not a Google Cloud Storage location")
        }
        var endpoint = options.googleEndpoint
        var allowHTTP = try options.allowHTTP(for: .google)
        if endpoint == nil, let emulator = Self.emulatorEndpoint(environment) {
            endpoint = emulator
            allowHTTP = true
        }
        self.init(bucket: bucket, endpoint: endpoint, allowHTTP: allowHTTP, prefix: location.prefix)
    }

    /// `STORAGE_EMULATOR_HOST` as a URL; Google's libraries accept it with or without a scheme.
    static func emulatorEndpoint(_ environment: [String: String]) -> String? {
        guard let host = environment["STORAGE_EMULATOR_HOST"], !host.isEmpty else { return nil }
        return host.contains("://") ? host : "http://" + host
    }

    func resolvedEndpoint() throws(ObjectStoreError) -> ServiceEndpoint {
        guard !bucket.isEmpty, bucket.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        else {
            throw ObjectStoreError(.invalidConfiguration, detail: "`\(bucket)` is not a valid GCS bucket name")
        }
        guard chunkSize > 0, chunkSize % Self.chunkGranularity == 0 else {
            throw ObjectStoreError(
                .invalidConfiguration, detail: "chunk size \(chunkSize) is not a positive multiple of 256 KiB"
            )
        }
        guard deleteConcurrency >= 1, (listPageSize ?? 1) >= 1 else {
            throw ObjectStoreError(.invalidConfiguration, detail: "delete concurrency and page size must be positive")
        }
        guard let endpoint else { return ServiceEndpoint(scheme: "https", host: "storage.googleapis.com") }
        return try ServiceEndpoint(parsing: endpoint, allowHTTP: allowHTTP)
    }

    public var description: String {
        "GCSConfiguration(bucket: \(bucket), endpoint: " + (endpoint.map(StoreLocation.redacted) ?? "Google")
            + (prefix.isRoot ? "" : ", prefix: \(prefix)") + ")"
    }
}
