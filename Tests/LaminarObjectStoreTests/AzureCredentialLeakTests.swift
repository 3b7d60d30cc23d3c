import AsyncHTTPClient
import Foundation
@testable import LaminarObjectStore
import Logging
import Testing

/// Whole Azure sessions with Shared Key, SAS and bearer credentials, successes and failures, with trace logging
/// captured from our code and from the HTTP client: the account key, the SAS signature and the bearer token
/// appear in no log line, error or description. The emulator here checks signatures with a canary key.
@Suite struct AzureCredentialLeakTests {
    /// Valid base64 (84 characters, no padding needed), so it works as an account key.
    static let accountKey = "LEAKCANARYaccountKey0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01"
    static let bearerToken = "LEAKCANARY-bearer-0a1b2c3d4e5f"

    @Test func sessionsNeverRevealKeysSignaturesOrTokens() async throws {
        let emulator = try AzureBlobEmulator(accountKey: Self.accountKey, bearerToken: Self.bearerToken)
        defer { emulator.stop() }
        let lines = CapturingLogHandler.Lines()
        let logger = CapturingLogHandler.logger("azure-leak-test", into: lines)
        let client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: HTTPTransport.recommendedConfiguration,
            backgroundActivityLogger: logger
        )
        var texts: [String] = []
        var sasSignature = ""
        do {
            let keyStore = try await emulator.makeStore(blockSize: 1024, client: client, logger: logger)
            let container = keyStore.configuration.container
            let sas = try emulator.sasToken(container: container)
            sasSignature = try #require(URLComponents(string: "?" + sas)?.queryItems?.first { $0.name == "sig" }?.value)
            let stores = [
                keyStore,
                try emulator.store(container: container, blockSize: 1024, credentials: .sasToken(sas),
                                   client: client, logger: logger),
                try emulator.store(container: container, blockSize: 1024,
                                   credentials: .bearerToken(Self.bearerToken), client: client, logger: logger),
            ]
            for (index, store) in stores.enumerated() {
                texts += describe(store)
                try await session(store, name: "s\(index)")
                texts += await failures(store)
            }
            let wrongKey = try emulator.store(
                container: container,
                credentials: .sharedKey(account: AzureConfiguration.emulatorAccount,
                                        base64Key: Data(repeating: 1, count: 64).base64EncodedString()),
                client: client, logger: logger
            )
            texts += await failures(wrongKey)
            let unreachable = try AzureObjectStore(
                configuration: AzureConfiguration(
                    account: AzureConfiguration.emulatorAccount, container: container,
                    endpoint: "http://127.0.0.1:\(try LoopbackPort.free())/\(AzureConfiguration.emulatorAccount)",
                    allowHTTP: true
                ),
                credentials: .sasToken(sas),
                retryPolicy: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(1),
                                         totalBudget: .seconds(10)),
                client: client, logger: logger
            )
            texts += await failures(unreachable) + describe(unreachable)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()

        let logged = lines.all
        #expect(logged.count > 50, "trace logging was captured")
        #expect(logged.contains { $0.contains("object store answered") })
        #expect(sasSignature.count > 20)
        let encodedSignature = URIEncoding.encode(sasSignature)
        for text in logged + texts {
            #expect(!text.contains(Self.accountKey), "\(text)")
            #expect(!text.contains("LEAKCANARY"), "\(text)")
            #expect(!text.contains(sasSignature), "\(text)")
            #expect(!text.contains(encodedSignature), "\(text)")
        }
    }

    /// Every operation, a multi-block upload included.
    func session(_ store: AzureObjectStore, name: String) async throws {
        let base = try ObjectPath(name)
        try await store.put(base.appending("a/b"), Array("hello".utf8))
        try await store.putIfAbsent(base.appending("a/new"), [1])
        _ = try await store.get(base.appending("a/b"), range: .bounded(0..<2))
        _ = try await store.get(base.appending("a/b"), range: .suffix(2))
        _ = try await store.head(base.appending("a/b"))
        _ = try await store.list(prefix: base.appending("a"), delimiter: true).allObjects()
        try await store.copy(from: base.appending("a/b"), to: base.appending("a/c"))
        let upload = try await store.upload(base.appending("big"))
        try await upload.write(pseudoRandomBytes(count: 3000, seed: 9))
        _ = try await upload.complete()
        let aborted = try await store.upload(base.appending("aborted"))
        try await aborted.write(pseudoRandomBytes(count: 2000, seed: 10))
        try await aborted.abort()
        try await store.delete(["a/b", "a/c", "a/new", "big"].map { try base.appending($0) })
    }

    func describe(_ store: AzureObjectStore) -> [String] {
        var dumped = ""
        dump(store, to: &dumped)
        dump(store.credentials, to: &dumped)
        dump(store.transport.signer, to: &dumped)
        return [store.description, String(reflecting: store), "\(store.credentials)", "\(store.transport.signer)",
                String(reflecting: store.credentials), dumped]
    }

    /// Descriptions of the errors of operations that fail.
    func failures(_ store: AzureObjectStore) async -> [String] {
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
        await record { try await store.delete("once") }
        return texts
    }
}
