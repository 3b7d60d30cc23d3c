import AsyncHTTPClient
import Foundation
import LaminarObjectStore
import Logging
import Testing

/// A whole S3 session, successes and failures, with trace logging captured from our code and from the HTTP
/// client: the secret key and session token appear in no log line, error or description.
@Suite(.moto) struct CredentialLeakTests {
    static let secret = "LEAKCANARY-secret-9f8e7d6c5b4a"
    static let token = "LEAKCANARY-token-0a1b2c3d4e5f"

    @Test func aSessionNeverRevealsTheSecretOrToken() async throws {
        let server = try MotoScope.current()
        let lines = CapturingLogHandler.Lines()
        let logger = CapturingLogHandler.logger("leak-test", into: lines)
        let client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: HTTPTransport.recommendedConfiguration,
            backgroundActivityLogger: logger
        )
        let credentials = AWSCredentials(accessKeyID: "AKIDCANARY", secretAccessKey: Self.secret, sessionToken: Self.token)
        var texts: [String] = []
        do {
            let store = try await server.makeStore(credentials: credentials, client: client, logger: logger)
            texts += [store.description, String(reflecting: store), credentials.description, "\(credentials)"]
            var dumped = ""
            dump(store, to: &dumped)
            dump(credentials, to: &dumped)
            texts.append(dumped)

            try await store.put("a/b", Array("hello".utf8))
            _ = try await store.get("a/b", range: .bounded(0..<2))
            _ = try await store.head("a/b")
            _ = try await store.list(prefix: "a", delimiter: true).allObjects()
            try await store.copy(from: "a/b", to: "a/c")
            let upload = try await store.upload("big")
            try await upload.write(pseudoRandomBytes(count: S3Configuration.minimumPartSize + 1, seed: 9))
            _ = try await upload.complete()
            try await store.delete(["a/b", "a/c", "big"])

            texts += await failures(store)
            let unreachable = try S3ObjectStore(
                configuration: S3Configuration(bucket: "b", endpoint: "http://127.0.0.1:\(try LoopbackPort.free())",
                                               allowHTTP: true),
                credentials: credentials,
                retryPolicy: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(1),
                                         totalBudget: .seconds(10)),
                client: client, logger: logger
            )
            texts += await failures(unreachable)
            texts.append(unreachable.description)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()

        let logged = lines.all
        #expect(logged.count > 20, "trace logging was captured")
        #expect(logged.contains { $0.contains("object store answered") })
        for text in logged + texts {
            #expect(!text.contains(Self.secret), "\(text)")
            #expect(!text.contains(Self.token), "\(text)")
            #expect(!text.contains("LEAKCANARY"), "\(text)")
        }
    }

    /// Descriptions of the errors of operations that fail.
    func failures(_ store: S3ObjectStore) async -> [String] {
        var texts: [String] = []
        func record(_ body: () async throws -> Void) async {
            do {
                try await body()
                texts.append("no error")
            } catch {
                texts += ["\(error)", String(reflecting: error)]
            }
        }
        await record { _ = try await store.get("missing", range: nil) }
        await record { _ = try await store.head("missing") }
        await record { try await store.put("once", [1]) }
        await record { try await store.putIfAbsent("once", [1]) }
        await record { try await store.copy(from: "missing", to: "elsewhere") }
        await record { _ = try await store.list(prefix: nil, delimiter: false).allObjects() }
        return texts
    }
}
