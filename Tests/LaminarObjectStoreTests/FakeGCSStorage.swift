import AsyncHTTPClient
import Foundation
import LaminarObjectStore
import LaminarTestSupport
import Logging
import Testing

/// fake-gcs-server (started by `LaminarTestSupport.TestServers`) with what the GCS tests need on top:
/// buckets created through our own transport, and stores on them.
final class FakeGCSStorage: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let server: LoopbackServer

    var port: Int { server.port }
    var endpoint: String { server.endpoint }

    init() throws { server = try TestServers.fakeGCS() }

    func stop() { server.stop() }

    /// A store on a new bucket. The emulator takes any credentials, so `signer` only matters to tests of the
    /// signer itself.
    func makeStore(
        prefix: ObjectPath = .root,
        listPageSize: Int? = nil,
        chunkSize: Int = GCSConfiguration.chunkGranularity,
        signer: any RequestSigner = UnsignedRequests(),
        logger: Logger = Logger(label: "laminar.objectstore.tests")
    ) async throws -> GCSObjectStore {
        let bucket = try await createBucket()
        let configuration = GCSConfiguration(
            bucket: bucket, endpoint: endpoint, allowHTTP: true, prefix: prefix, chunkSize: chunkSize,
            listPageSize: listPageSize
        )
        return try GCSObjectStore(configuration: configuration, signer: signer, logger: logger)
    }

    /// Creates a bucket with a fresh name through the JSON API and returns the name.
    func createBucket() async throws -> String {
        let bucket = "laminar-" + UUID().uuidString.lowercased().prefix(18)
        let transport = HTTPTransport(signer: UnsignedRequests())
        let request = SignableRequest(
            method: "POST", scheme: "http", host: "127.0.0.1", port: port, path: "/storage/v1/b",
            headers: [("Content-Type", "application/json")], body: Array(#"{"name":"\#(bucket)"}"#.utf8)
        )
        let response = try await transport.send(request)
        guard response.isSuccess else {
            throw Failure(description: "creating bucket \(bucket) answered \(response.status)")
        }
        return bucket
    }
}

/// One fake-gcs-server for a whole suite, started before its first test and killed after its last.
struct FakeGCSScope: SuiteTrait, TestScoping {
    @TaskLocal static var server: FakeGCSStorage?

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try FakeGCSStorage()
        defer { server.stop() }
        try await Self.$server.withValue(server) { try await function() }
    }

    static func current() throws -> FakeGCSStorage {
        try #require(server, "the suite needs the .fakeGCS trait")
    }
}

extension Trait where Self == FakeGCSScope {
    static var fakeGCS: Self { FakeGCSScope() }
}
