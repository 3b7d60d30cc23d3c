import AsyncHTTPClient
import Foundation
import Logging

/// Azure Blob Storage and ADLS Gen2 accounts through the Blob service API. Blob names are the store's prefix
/// joined with the object path; conditional creates use Put Blob with `If-None-Match: *`, which Azure honours
/// atomically (answering 409 `BlobAlreadyExists`), so `putIfAbsent` is a real commit primitive.
public struct AzureObjectStore: ObjectStore, CustomStringConvertible, CustomReflectable {
    public let configuration: AzureConfiguration
    let endpoint: ServiceEndpoint
    let credentials: AzureCredentials
    let transport: HTTPTransport

    /// Put Blob takes at most 5000 MiB (API version 2019-12-12 and later); larger objects go up in blocks.
    static let maximumPutBlobSize = 5000 * 1024 * 1024

    public init(
        configuration: AzureConfiguration,
        credentials: AzureCredentials,
        retryPolicy: RetryPolicy = .default,
        client: HTTPClient = HTTPTransport.sharedClient,
        logger: Logger = Logger(label: "laminar.objectstore.azure")
    ) throws {
        try self.init(
            configuration: configuration, credentials: credentials, clientOptions: HTTPClientOptions(),
            retryPolicy: retryPolicy, client: client, logger: logger
        )
    }

    init(
        configuration: AzureConfiguration,
        credentials: AzureCredentials,
        clientOptions: HTTPClientOptions,
        retryPolicy: RetryPolicy,
        client: HTTPClient?,
        logger: Logger
    ) throws {
        endpoint = try configuration.resolvedEndpoint()
        if let account = credentials.sharedKeyAccount, account != configuration.account {
            throw ObjectStoreError(
                .invalidConfiguration,
                detail: "the shared key is for account `\(account)`, the store is in `\(configuration.account)`"
            )
        }
        self.configuration = configuration
        self.credentials = credentials
        transport = try clientOptions.transport(
            signer: credentials.signer, retryPolicy: retryPolicy, client: client, logger: logger
        )
    }

    /// A store for an `az://` or `abfs[s]://` location configured by delta-rs style options, the environment's
    /// `AZURE_*` variables filling in what the options leave unset. Credentials are chosen in this order:
    /// `azure_skip_signature` (anonymous), an account key, a SAS token, a bearer token, and the emulator's
    /// well-known key with `azure_storage_use_emulator`. The HTTP client follows the options (`timeout`,
    /// `proxy_url`, ...) unless one is passed.
    public init(
        location: StoreLocation,
        options: StorageOptions,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        retryPolicy: RetryPolicy = .default,
        client: HTTPClient? = nil,
        logger: Logger = Logger(label: "laminar.objectstore.azure")
    ) throws {
        let merged = options.merging(environment: environment)
        let configuration = try AzureConfiguration(location: location, options: merged)
        try self.init(
            configuration: configuration, credentials: try Self.credentials(merged, account: configuration.account),
            clientOptions: HTTPClientOptions(options: merged, provider: .azure), retryPolicy: retryPolicy,
            client: client, logger: logger
        )
    }

    static func credentials(_ options: StorageOptions, account: String) throws -> AzureCredentials {
        if try options.azureSkipSignature { return .anonymous }
        if let key = options.azureAccountKey { return try .sharedKey(account: account, base64Key: key) }
        if let token = options.azureSASToken { return try .sasToken(token) }
        if let token = options.azureBearerToken { return try .bearerToken(token) }
        if try options.azureUseEmulator {
            return try .sharedKey(account: account, base64Key: AzureConfiguration.emulatorAccountKey)
        }
        if options.azureClientID != nil || options.azureClientSecret != nil || options.azureTenantID != nil {
            throw ObjectStoreError(
                .unsupported,
                detail: "Azure service principal (client id/secret) credentials are not supported yet; pass an "
                    + "account key, a SAS token or a bearer token"
            )
        }
        throw ObjectStoreError(
            .invalidConfiguration,
            detail: "no Azure credentials: set azure_storage_account_key, azure_storage_sas_token or "
                + "azure_storage_token (or azure_skip_signature for a public container)"
        )
    }

    public var description: String {
        "AzureObjectStore(\(configuration), \(credentials))"
    }

    /// Reflection (`dump`, test failure messages) shows the configuration and the kind of credentials only. The
    /// transport is left out: its HTTP client's connection buffers may hold the head of a request in flight, and
    /// with SAS authorization that head's URL carries the signature.
    public var customMirror: Mirror {
        Mirror(self, children: ["configuration": configuration, "credentials": credentials], displayStyle: .struct)
    }

    // MARK: Objects

    public func get(_ path: ObjectPath, range: ByteRange?) async throws -> [UInt8] {
        let blob = try blobName(path)
        guard let range else {
            let response = try await send(makeRequest("GET", blob: blob), path: path)
            guard response.status == 200 else { throw AzureErrorResponse.error(for: response, path: path) }
            return response.body
        }
        _ = try range.checkedOffsets(size: .max, path: path)
        if range.isEmptyRequest {
            _ = try await head(path)
            return []
        }
        if case .suffix = range { return try await getSuffix(path, blob: blob, range: range) }
        let request = makeRequest("GET", blob: blob, headers: [("x-ms-range", range.httpHeaderValue)])
        return try await readRange(request, path: path, range: range) ?? []
    }

    /// Azure has no suffix ranges (`bytes=-n`), so the size is read first and the tail of exactly that version
    /// is asked for with `If-Match`; if the object was replaced in between, the read starts over.
    private func getSuffix(_ path: ObjectPath, blob: String, range: ByteRange) async throws -> [UInt8] {
        for _ in 0..<3 {
            let meta = try await head(path)
            let offsets = range.resolved(size: meta.size)
            guard !offsets.isEmpty else { return [] }
            let bounded = ByteRange.bounded(offsets)
            var headers = [("x-ms-range", bounded.httpHeaderValue)]
            if let eTag = meta.eTag { headers.append(("If-Match", eTag)) }
            let request = makeRequest("GET", blob: blob, headers: headers)
            if let bytes = try await readRange(request, path: path, range: bounded) { return bytes }
        }
        throw ObjectStoreError(
            .unavailable, path: path.rawValue, detail: "the object changed during every attempt to read its end"
        )
    }

    /// The bytes of a ranged GET; `nil` when an `If-Match` precondition failed. A range starting past the end
    /// is answered 416 and reads as empty, as S3's does.
    private func readRange(_ request: SignableRequest, path: ObjectPath, range: ByteRange) async throws -> [UInt8]? {
        let response = try await send(request, path: path)
        switch response.status {
        case 200:
            let offsets = range.resolved(size: Int64(response.body.count))
            return Array(response.body[Int(offsets.lowerBound)..<Int(offsets.upperBound)])
        case 206:
            return response.body
        case 416:
            return []
        case 412 where request.header("If-Match") != nil:
            return nil
        default:
            throw AzureErrorResponse.error(for: response, path: path)
        }
    }

    public func head(_ path: ObjectPath) async throws -> ObjectMeta {
        let response = try await send(makeRequest("HEAD", blob: try blobName(path)), path: path)
        guard response.status == 200 else { throw AzureErrorResponse.error(for: response, path: path) }
        return try response.headerMeta(at: path)
    }

    public func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        let blob = try blobName(path)
        guard bytes.count <= Self.maximumPutBlobSize else {
            let upload = try await upload(path)
            try await upload.write(bytes)
            _ = try await upload.complete()
            return
        }
        try await expectSuccess(makeRequest("PUT", blob: blob, headers: Self.blockBlobHeaders, body: bytes), path: path)
    }

    public func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        guard bytes.count <= Self.maximumPutBlobSize else {
            throw ObjectStoreError(
                .unsupported, path: path.rawValue,
                detail: "a conditional create is one Put Blob, which takes at most \(Self.maximumPutBlobSize) bytes"
            )
        }
        var request = makeRequest(
            "PUT", blob: try blobName(path), headers: Self.blockBlobHeaders + [("If-None-Match", "*")], body: bytes
        )
        request.semantics = .conditionalCreate
        try await expectSuccess(request, path: path)
    }

    /// A missing blob is already deleted; a missing container is a configuration error.
    public func delete(_ path: ObjectPath) async throws {
        let response = try await send(makeRequest("DELETE", blob: try blobName(path)), path: path)
        guard response.isSuccess || Self.isMissingBlob(response) else {
            throw AzureErrorResponse.error(for: response, path: path)
        }
    }

    public func upload(_ path: ObjectPath) async throws -> any MultipartUpload {
        AzureBlockUpload(store: self, path: path, blob: try blobName(path))
    }

    // MARK: Requests

    static let blockBlobHeaders = [(name: "x-ms-blob-type", value: "BlockBlob")]

    /// The blob name of `path`: the store's prefix joined with it. The root is a prefix, never an object.
    func blobName(_ path: ObjectPath) throws(ObjectStoreError) -> String {
        guard !path.isRoot else { throw .rootIsNotAnObject }
        return configuration.prefix.isRoot ? path.rawValue : configuration.prefix.rawValue + "/" + path.rawValue
    }

    /// The decoded URL path of `blob` (the container itself when `nil`).
    func urlPath(blob: String?) -> String {
        endpoint.basePath + "/" + configuration.container + (blob.map { "/" + $0 } ?? "")
    }

    /// A request for `blob` (the container itself when `nil`).
    func makeRequest(
        _ method: String,
        blob: String?,
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) -> SignableRequest {
        SignableRequest(
            method: method, scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port,
            path: urlPath(blob: blob), query: query, headers: headers, body: body
        )
    }

    /// Sends through the transport, naming `path` in any error it raises.
    func send(_ request: SignableRequest, path: ObjectPath?) async throws -> TransportResponse {
        try await transport.send(request, path: path)
    }

    func expectSuccess(_ request: SignableRequest, path: ObjectPath) async throws {
        let response = try await send(request, path: path)
        guard response.isSuccess else { throw AzureErrorResponse.error(for: response, path: path) }
    }

    /// A 404 about the blob rather than its container.
    static func isMissingBlob(_ response: TransportResponse) -> Bool {
        response.status == 404 && AzureErrorResponse(response).code != "ContainerNotFound"
    }

    /// Parses an XML answer, reporting garbage as a protocol violation.
    static func document(_ response: TransportResponse, path: ObjectPath?) throws(ObjectStoreError) -> XMLTreeNode {
        do {
            return try XMLTreeNode.parse(response.body)
        } catch {
            throw malformed(response, path, "\(error)")
        }
    }

    static func malformed(_ response: TransportResponse, _ path: ObjectPath?, _ reason: String) -> ObjectStoreError {
        ObjectStoreError(
            .protocolViolation, path: path?.rawValue, detail: "\(response.requestSummary): \(reason)",
            status: response.status
        )
    }
}
