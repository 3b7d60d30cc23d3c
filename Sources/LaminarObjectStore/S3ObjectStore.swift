import AsyncHTTPClient
import Crypto
import Foundation
import Logging

/// Amazon S3, S3-compatible servers, and GCS's XML API with HMAC keys. Keys are the store's prefix joined with
/// the object path; conditional creates use `If-None-Match: *` (`x-goog-if-generation-match: 0` on GCS), which
/// the service honours atomically, so `putIfAbsent` is a real commit primitive.
public struct S3ObjectStore: ObjectStore, CustomStringConvertible, CustomReflectable {
    public let configuration: S3Configuration
    let endpoint: ServiceEndpoint
    let transport: HTTPTransport

    public init(
        configuration: S3Configuration,
        credentials: any AWSCredentialsProvider,
        retryPolicy: RetryPolicy = .default,
        client: HTTPClient = HTTPTransport.sharedClient,
        logger: Logger = Logger(label: "laminar.objectstore.s3")
    ) throws {
        try self.init(
            configuration: configuration, credentials: Optional(credentials), clientOptions: HTTPClientOptions(),
            retryPolicy: retryPolicy, client: client, logger: logger
        )
    }

    /// `credentials` `nil` sends requests unsigned, for public buckets.
    init(
        configuration: S3Configuration,
        credentials: (any AWSCredentialsProvider)?,
        clientOptions: HTTPClientOptions,
        retryPolicy: RetryPolicy,
        client: HTTPClient?,
        logger: Logger
    ) throws {
        self.configuration = configuration
        let endpoint = try configuration.resolvedEndpoint()
        self.endpoint = endpoint
        let signer: any RequestSigner = credentials.map {
            SigV4Signer(
                credentials: $0, region: configuration.region,
                unsignedPayload: configuration.unsignedPayload && endpoint.scheme == "https"
            )
        } ?? UnsignedRequests()
        transport = try clientOptions.transport(signer: signer, retryPolicy: retryPolicy, client: client, logger: logger)
    }

    /// A store for an `s3://` location configured by delta-rs style options, the environment's `AWS_*`
    /// variables filling in what the options leave unset. Keys given as options come first; otherwise the
    /// standard chain runs, so that a `profile` option can outrank keys in the environment; `skip_signature`
    /// sends requests unsigned. Credentials are looked up once, here, so a missing or broken configuration
    /// fails now rather than on the first request, and no request reads the credentials file again. The HTTP
    /// client follows the options (`timeout`, `proxy_url`, ...) unless one is passed.
    public init(
        location: StoreLocation,
        options: StorageOptions,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        retryPolicy: RetryPolicy = .default,
        client: HTTPClient? = nil,
        logger: Logger = Logger(label: "laminar.objectstore.s3")
    ) throws {
        let merged = options.merging(environment: environment)
        let credentials: (any AWSCredentialsProvider)?
        if try merged.awsSkipSignature {
            credentials = nil
        } else {
            let explicit: AWSCredentials?
            switch (options.awsAccessKeyID, options.awsSecretAccessKey) {
            case (nil, nil):
                explicit = nil
            case (let keyID?, let secret?):
                explicit = AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: options.awsSessionToken)
            default:
                throw ObjectStoreError(
                    .invalidConfiguration, detail: "aws_access_key_id and aws_secret_access_key must be given together"
                )
            }
            let chain = AWSCredentialsChain(explicit: explicit, profile: options.awsProfile, environment: environment)
            guard let resolved = try chain.resolve() else { throw AWSCredentialsChain.noCredentialsFound }
            credentials = resolved
        }
        try self.init(
            configuration: S3Configuration(location: location, options: merged), credentials: credentials,
            clientOptions: HTTPClientOptions(options: merged, provider: .aws), retryPolicy: retryPolicy,
            client: client, logger: logger
        )
    }

    public var description: String {
        "S3ObjectStore(\(configuration), signer: \(transport.signer))"
    }

    /// What `dump` shows: the live HTTP client's connection buffers may hold a signed request head, whose
    /// session token or bearer token must not be printed.
    public var customMirror: Mirror {
        Mirror(self, children: ["configuration": configuration, "signer": transport.signer], displayStyle: .struct)
    }

    // MARK: Objects

    public func get(_ path: ObjectPath, range: ByteRange?) async throws -> [UInt8] {
        let key = try objectKey(path)
        return try await rangedGet(path, range: range) { header in
            try await send(makeRequest("GET", key: key, headers: header.map { [("Range", $0)] } ?? []), path: path)
        } failure: { S3ErrorResponse.error(for: $0, path: path) }
    }

    public func head(_ path: ObjectPath) async throws -> ObjectMeta {
        let response = try await send(makeRequest("HEAD", key: try objectKey(path)), path: path)
        guard response.status == 200 else { throw S3ErrorResponse.error(for: response, path: path) }
        return try response.headerMeta(at: path)
    }

    public func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        let request = makeRequest("PUT", key: try objectKey(path), body: bytes)
        try await expectSuccess(request, path: path)
    }

    public func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        var request = makeRequest(
            "PUT", key: try objectKey(path), headers: [configuration.conditionalCreateHeader], body: bytes
        )
        request.semantics = .conditionalCreate
        try await expectSuccess(request, path: path)
    }

    public func delete(_ path: ObjectPath) async throws {
        let response = try await send(makeRequest("DELETE", key: try objectKey(path)), path: path)
        let missingKeyOnly = response.status == 404 && S3ErrorResponse(body: response.body).code != "NoSuchBucket"
        guard response.isSuccess || missingKeyOnly else { throw S3ErrorResponse.error(for: response, path: path) }
    }

    /// Copies within the bucket. S3 may answer 200 and still report an error in the body, so the body is read.
    public func copy(from source: ObjectPath, to destination: ObjectPath) async throws {
        let sourceKey = try objectKey(source)
        let copySource = "/" + URIEncoding.encode(configuration.bucket) + "/"
            + URIEncoding.encode(sourceKey, keepingSlashes: true)
        let request = makeRequest("PUT", key: try objectKey(destination), headers: [("x-amz-copy-source", copySource)])
        let response = try await send(request, path: destination)
        guard response.status == 200 else {
            throw S3ErrorResponse.error(for: response, path: response.status == 404 ? source : destination)
        }
        try Self.checkEmbeddedError(response, path: destination)
    }

    public func upload(_ path: ObjectPath) async throws -> any MultipartUpload {
        S3MultipartUpload(store: self, path: path, key: try objectKey(path))
    }

    // MARK: Requests

    /// The bucket key of `path`: the store's prefix joined with it.
    func objectKey(_ path: ObjectPath) throws(ObjectStoreError) -> String {
        try configuration.prefix.key(for: path)
    }

    /// A request for `key` (the bucket itself when `nil`), addressed per the configuration. Bodies are hashed
    /// here, once, rather than by the signer on every attempt.
    func makeRequest(
        _ method: String,
        key: String?,
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) -> SignableRequest {
        let host: String
        var path = endpoint.basePath
        switch configuration.addressing {
        case .pathStyle:
            host = endpoint.host
            path += "/" + configuration.bucket
            if let key { path += "/" + key }
        case .virtualHosted:
            host = configuration.bucket + "." + endpoint.host
            path += "/" + (key ?? "")
        }
        let hashBody = !configuration.unsignedPayload || endpoint.scheme != "https"
        return SignableRequest(
            method: method, scheme: endpoint.scheme, host: host, port: endpoint.port, path: path, query: query,
            headers: headers, body: body, bodySHA256: hashBody ? SigV4Signer.hexSHA256(body) : nil
        )
    }

    func send(_ request: SignableRequest, path: ObjectPath?) async throws -> TransportResponse {
        try await transport.send(request, path: path)
    }

    func expectSuccess(_ request: SignableRequest, path: ObjectPath) async throws {
        let response = try await send(request, path: path)
        guard response.isSuccess else { throw S3ErrorResponse.error(for: response, path: path) }
    }

    /// Parses an XML answer, reporting garbage as a protocol violation.
    static func document(_ response: TransportResponse, path: ObjectPath?) throws(ObjectStoreError) -> XMLTreeNode {
        do {
            return try XMLTreeNode.parse(response.body)
        } catch {
            throw ObjectStoreError(
                .protocolViolation, path: path?.rawValue, detail: "\(response.requestSummary): \(error)",
                status: response.status
            )
        }
    }

    /// CopyObject and CompleteMultipartUpload answer 200 before they finish and report a late failure as an
    /// `<Error>` document in that 200 answer.
    static func checkEmbeddedError(_ response: TransportResponse, path: ObjectPath) throws(ObjectStoreError) {
        guard !response.body.isEmpty, try document(response, path: path).name == "Error" else { return }
        let embedded = S3ErrorResponse(body: response.body)
        throw ObjectStoreError(
            S3ErrorResponse.kind(status: 500, code: embedded.code), path: path.rawValue,
            detail: "\(response.requestSummary): \(embedded.code ?? "Error"): \(embedded.message ?? "no message")",
            status: response.status
        )
    }
}
