import Foundation

/// Where an `S3ObjectStore` sends its requests and how it shapes them. Validated once, up front, so that a
/// typo in an endpoint fails when the store is created rather than on the first request.
public struct S3Configuration: Sendable, Hashable, CustomStringConvertible {
    /// How the bucket appears in request URLs.
    public enum Addressing: Sendable, Hashable {
        /// `https://endpoint/bucket/key`: what S3-compatible servers (MinIO, moto, Ceph) expect.
        case pathStyle
        /// `https://bucket.endpoint/key`: what AWS recommends for new code.
        case virtualHosted
    }

    /// Which service is on the other end. GCS's XML API accepts S3 requests signed with HMAC keys, but
    /// spells a conditional create `x-goog-if-generation-match: 0` and has no multi-object delete.
    public enum Dialect: Sendable, Hashable {
        case amazon
        case googleCloudStorage
    }

    public var bucket: String
    public var region: String
    /// `scheme://host[:port][/base]`; `nil` means AWS's own `https://s3.<region>.amazonaws.com`.
    public var endpoint: String?
    public var addressing: Addressing
    /// Plain HTTP is refused unless allowed, so that credentials and data are not sent in the clear by accident.
    public var allowHTTP: Bool
    /// Every key of the store lives under this prefix, which `list` strips from the keys it returns.
    public var prefix: ObjectPath
    /// Size of multipart upload parts; S3 requires at least 5 MiB for all but the last.
    public var partSize: Int
    /// Parts uploaded at once by one `MultipartUpload`.
    public var uploadConcurrency: Int
    /// `max-keys` of each listing request; `nil` leaves S3's default of 1000.
    public var listPageSize: Int?
    /// Sign `UNSIGNED-PAYLOAD` instead of hashing bodies (only over HTTPS).
    public var unsignedPayload: Bool
    public var dialect: Dialect

    public static let minimumPartSize = 5 * 1024 * 1024

    public init(
        bucket: String,
        region: String = "us-east-1",
        endpoint: String? = nil,
        addressing: Addressing = .pathStyle,
        allowHTTP: Bool = false,
        prefix: ObjectPath = .root,
        partSize: Int = 8 * 1024 * 1024,
        uploadConcurrency: Int = 4,
        listPageSize: Int? = nil,
        unsignedPayload: Bool = false,
        dialect: Dialect = .amazon
    ) {
        self.bucket = bucket
        self.region = region
        self.endpoint = endpoint
        self.addressing = addressing
        self.allowHTTP = allowHTTP
        self.prefix = prefix
        self.partSize = partSize
        self.uploadConcurrency = uploadConcurrency
        self.listPageSize = listPageSize
        self.unsignedPayload = unsignedPayload
        self.dialect = dialect
    }

    /// The configuration for an `s3://bucket/prefix` location and delta-rs style options (`aws_region`,
    /// `aws_endpoint_url`, `aws_virtual_hosted_style_request`, `allow_http`).
    public init(location: StoreLocation, options: StorageOptions) throws {
        guard location.scheme == .s3, let bucket = location.bucket else {
            throw ObjectStoreError(.invalidConfiguration, detail: "\(location) is not an S3 location")
        }
        self.init(
            bucket: bucket,
            region: options.awsRegion ?? "us-east-1",
            endpoint: options.awsEndpoint,
            addressing: try options.awsVirtualHostedStyleRequest ? .virtualHosted : .pathStyle,
            allowHTTP: try options.allowHTTP(for: .aws),
            prefix: location.prefix
        )
    }

    func resolvedEndpoint() throws(ObjectStoreError) -> ServiceEndpoint {
        guard !bucket.isEmpty, !bucket.contains("/"), bucket.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw ObjectStoreError(.invalidConfiguration, detail: "`\(bucket)` is not a valid S3 bucket name")
        }
        guard !region.isEmpty, region.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw ObjectStoreError(.invalidConfiguration, detail: "`\(region)` is not a valid AWS region")
        }
        guard partSize >= Self.minimumPartSize else {
            throw ObjectStoreError(
                .invalidConfiguration, detail: "part size \(partSize) is below S3's minimum of \(Self.minimumPartSize)"
            )
        }
        guard uploadConcurrency >= 1, (listPageSize ?? 1) >= 1 else {
            throw ObjectStoreError(.invalidConfiguration, detail: "upload concurrency and page size must be positive")
        }
        guard let endpoint else {
            return ServiceEndpoint(scheme: "https", host: "s3.\(region).amazonaws.com")
        }
        return try ServiceEndpoint(parsing: endpoint, allowHTTP: allowHTTP)
    }

    public var description: String {
        "S3Configuration(bucket: \(bucket), region: \(region), endpoint: "
            + (endpoint.map(StoreLocation.redacted) ?? "AWS") + ", addressing: \(addressing)"
            + (dialect == .amazon ? "" : ", dialect: \(dialect)")
            + (prefix.isRoot ? "" : ", prefix: \(prefix)") + ")"
    }
}
