import AsyncHTTPClient
import Foundation
import Logging

/// Google Cloud Storage through its JSON API. Conditional creates send `ifGenerationMatch=0`, which GCS
/// checks atomically ("no live version exists"), so `putIfAbsent` is a real commit primitive. Requests carry
/// an OAuth 2.0 bearer token from a service account, a user's refresh token or the caller, or nothing for an
/// emulator or a public bucket. HMAC keys only work with GCS's S3-compatible XML API, which
/// `S3Configuration.googleInteroperability` configures `S3ObjectStore` for.
public struct GCSObjectStore: ObjectStore, CustomStringConvertible, CustomReflectable {
    public let configuration: GCSConfiguration
    let endpoint: ServiceEndpoint
    let transport: HTTPTransport

    public init(
        configuration: GCSConfiguration,
        signer: any RequestSigner,
        retryPolicy: RetryPolicy = .default,
        client: HTTPClient = HTTPTransport.sharedClient,
        logger: Logger = Logger(label: "laminar.objectstore.gcs")
    ) throws {
        try self.init(
            configuration: configuration, signer: signer, clientOptions: HTTPClientOptions(), retryPolicy: retryPolicy,
            client: client, logger: logger
        )
    }

    init(
        configuration: GCSConfiguration,
        signer: any RequestSigner,
        clientOptions: HTTPClientOptions,
        retryPolicy: RetryPolicy,
        client: HTTPClient?,
        logger: Logger
    ) throws {
        self.configuration = configuration
        endpoint = try configuration.resolvedEndpoint()
        transport = try clientOptions.transport(signer: signer, retryPolicy: retryPolicy, client: client, logger: logger)
    }

    public var description: String {
        "GCSObjectStore(\(configuration), signer: \(transport.signer))"
    }

    /// What `dump` shows: the live HTTP client's connection buffers may hold a signed request head, whose
    /// session token or bearer token must not be printed.
    public var customMirror: Mirror {
        Mirror(self, children: ["configuration": configuration, "signer": transport.signer], displayStyle: .struct)
    }

    // MARK: Objects

    public func get(_ path: ObjectPath, range: ByteRange?) async throws -> [UInt8] {
        let key = try configuration.prefix.key(for: path)
        return try await rangedGet(path, range: range) { header in
            let request = objectRequest("GET", key: key, query: [("alt", "media")], headers: header.map { [("Range", $0)] } ?? [])
            return try await send(request, path: path)
        } failure: { GCSErrorResponse.error(for: $0, path: path) }
    }

    public func head(_ path: ObjectPath) async throws -> ObjectMeta {
        let response = try await send(objectRequest("GET", key: try configuration.prefix.key(for: path)), path: path)
        guard response.status == 200 else { throw GCSErrorResponse.error(for: response, path: path) }
        return try Self.meta(response, path: path)
    }

    public func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        _ = try await upload(path, bytes)
    }

    /// A multipart upload (metadata, then bytes) with `ifGenerationMatch=0`. GCS honours the precondition on
    /// every upload type; the multipart form is used because emulators only check it there.
    public func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        let key = try configuration.prefix.key(for: path)
        let body = MultipartRelatedBody(metadata: try JSONEncoder().encode(["name": key]), content: bytes)
        var request = endpoint.request(
            "POST", path: "/upload/storage/v1/b/\(configuration.bucket)/o",
            query: [("uploadType", "multipart"), ("ifGenerationMatch", "0")],
            headers: [("Content-Type", body.contentType)], body: body.bytes
        )
        request.semantics = .conditionalCreate
        let response = try await send(request, path: path)
        guard response.isSuccess else { throw GCSErrorResponse.error(for: response, path: path) }
    }

    public func delete(_ path: ObjectPath) async throws {
        let response = try await send(objectRequest("DELETE", key: try configuration.prefix.key(for: path)), path: path)
        let missingObjectOnly = response.status == 404 && !GCSErrorResponse(body: response.body).isMissingBucket
        guard response.isSuccess || missingObjectOnly else { throw GCSErrorResponse.error(for: response, path: path) }
    }

    public func delete(_ paths: [ObjectPath]) async throws {
        try await deleteConcurrently(paths, width: configuration.deleteConcurrency)
    }

    /// A server-side rewrite, repeated with its token until GCS reports it done: large objects and objects
    /// changing storage class take several calls.
    public func copy(from source: ObjectPath, to destination: ObjectPath) async throws {
        let sourceKey = try configuration.prefix.key(for: source)
        let destinationKey = try configuration.prefix.key(for: destination)
        let bucket = URIEncoding.encode(configuration.bucket)
        var token: String?
        repeat {
            var request = endpoint.request(
                "POST", path: "/storage/v1/b/\(configuration.bucket)/o/\(sourceKey)/rewriteTo/b/\(configuration.bucket)/o/\(destinationKey)",
                query: token.map { [("rewriteToken", $0)] } ?? []
            )
            request.percentEncodedPath = encodedBasePath + "/storage/v1/b/\(bucket)/o/\(URIEncoding.encode(sourceKey))"
                + "/rewriteTo/b/\(bucket)/o/\(URIEncoding.encode(destinationKey))"
            let response = try await send(request, path: destination)
            guard response.status == 200 else {
                throw GCSErrorResponse.error(for: response, path: response.status == 404 ? source : destination)
            }
            let rewrite = try GCSJSON.decode(GCSJSON.Rewrite.self, from: response, path: destination)
            if rewrite.done == true { return }
            guard let next = rewrite.rewriteToken, !next.isEmpty else {
                throw GCSJSON.malformed(response, destination, "an unfinished rewrite without a rewriteToken")
            }
            token = next
        } while true
    }

    public func upload(_ path: ObjectPath) async throws -> any MultipartUpload {
        GCSResumableUpload(store: self, path: path, key: try configuration.prefix.key(for: path))
    }

    // MARK: Requests

    /// A single-request media upload, answered with the new object's metadata.
    func upload(_ path: ObjectPath, _ bytes: [UInt8]) async throws -> ObjectMeta {
        let request = endpoint.request(
            "POST", path: "/upload/storage/v1/b/\(configuration.bucket)/o",
            query: [("uploadType", "media"), ("name", try configuration.prefix.key(for: path))],
            headers: [("Content-Type", "application/octet-stream")], body: bytes
        )
        let response = try await send(request, path: path)
        guard response.isSuccess else { throw GCSErrorResponse.error(for: response, path: path) }
        return try Self.meta(response, path: path)
    }

    /// A request for the object resource of `key`. The object name is one path segment, its `/` encoded.
    func objectRequest(
        _ method: String, key: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = []
    ) -> SignableRequest {
        var request = endpoint.request(
            method, path: "/storage/v1/b/\(configuration.bucket)/o/\(key)", query: query, headers: headers
        )
        request.percentEncodedPath = encodedBasePath + "/storage/v1/b/\(URIEncoding.encode(configuration.bucket))/o/"
            + URIEncoding.encode(key)
        return request
    }

    private var encodedBasePath: String { URIEncoding.encode(endpoint.basePath, keepingSlashes: true) }

    func send(_ request: SignableRequest, path: ObjectPath?) async throws -> TransportResponse {
        try await transport.send(request, path: path)
    }

    static func meta(_ response: TransportResponse, path: ObjectPath) throws(ObjectStoreError) -> ObjectMeta {
        guard let meta = try GCSJSON.decode(GCSJSON.Object.self, from: response, path: path).meta(at: path) else {
            throw GCSJSON.malformed(response, path, "the object resource lacks a valid size or update time")
        }
        return meta
    }
}
