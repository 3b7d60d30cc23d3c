import AsyncHTTPClient
import Foundation
import LaminarObjectStore
import Logging
import LaminarTestSupport
import Testing

/// The interop environment's `moto_server` (started by `LaminarTestSupport.TestServers`) with what the S3 tests
/// need on top: buckets created through our own signed transport, and stores on them.
final class MotoS3Server: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let server: LoopbackServer

    var port: Int { server.port }
    var endpoint: String { server.endpoint }

    init() throws { server = try TestServers.moto() }

    func stop() { server.stop() }

    /// Credentials moto accepts, as it accepts any.
    static let credentials = AWSCredentials(accessKeyID: "AKIDMOTO", secretAccessKey: "moto-secret-key")

    /// A store on a new bucket, created with a signed CreateBucket request from our own transport.
    func makeStore(
        prefix: ObjectPath = .root,
        listPageSize: Int? = nil,
        partSize: Int = S3Configuration.minimumPartSize,
        credentials: AWSCredentials = MotoS3Server.credentials,
        client: HTTPClient = HTTPTransport.sharedClient,
        logger: Logger = Logger(label: "laminar.objectstore.tests")
    ) async throws -> S3ObjectStore {
        let bucket = "laminar-" + UUID().uuidString.lowercased().prefix(18)
        try await createBucket(bucket, credentials: credentials, client: client, logger: logger)
        let configuration = S3Configuration(
            bucket: bucket, endpoint: endpoint, allowHTTP: true, prefix: prefix, partSize: partSize,
            listPageSize: listPageSize
        )
        return try S3ObjectStore(
            configuration: configuration, credentials: credentials, retryPolicy: .default, client: client,
            logger: logger
        )
    }

    /// Grants everyone read access to one object (a canned `public-read` ACL).
    func makePublic(bucket: String, key: String) async throws {
        let transport = HTTPTransport(signer: SigV4Signer(credentials: Self.credentials, region: "us-east-1"))
        let request = SignableRequest(
            method: "PUT", scheme: "http", host: "127.0.0.1", port: port, path: "/\(bucket)/\(key)",
            query: [("acl", "")], headers: [("x-amz-acl", "public-read")]
        )
        let response = try await transport.send(request)
        guard response.isSuccess else { throw Failure(description: "PutObjectAcl answered \(response.status)") }
    }

    func createBucket(
        _ bucket: String, credentials: AWSCredentials, client: HTTPClient = HTTPTransport.sharedClient,
        logger: Logger = Logger(label: "laminar.objectstore.tests")
    ) async throws {
        let transport = HTTPTransport(
            client: client, signer: SigV4Signer(credentials: credentials, region: "us-east-1"), logger: logger
        )
        let request = SignableRequest(
            method: "PUT", scheme: "http", host: "127.0.0.1", port: port, path: "/" + bucket
        )
        let response = try await transport.send(request)
        guard response.isSuccess else {
            throw Failure(description: "CreateBucket \(bucket) answered \(response.status)")
        }
    }
}

/// One moto server for a whole suite, started before its first test and killed after its last.
struct MotoScope: SuiteTrait, TestScoping {
    @TaskLocal static var server: MotoS3Server?

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try MotoS3Server()
        defer { server.stop() }
        try await Self.$server.withValue(server) { try await function() }
    }

    /// The suite's server.
    static func current() throws -> MotoS3Server {
        try #require(server, "the suite needs the .moto trait")
    }
}

extension Trait where Self == MotoScope {
    static var moto: Self { MotoScope() }
}

/// Loopback TCP ports for test servers.
enum LoopbackPort {
    /// A port the kernel reports free on 127.0.0.1.
    static func free() throws -> Int { try LoopbackServer.freePort() }
}
