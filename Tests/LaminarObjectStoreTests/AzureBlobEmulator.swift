import AsyncHTTPClient
import Foundation
@testable import LaminarObjectStore
import LaminarTestSupport
import Logging
import Testing

/// `scripts/interop/azure_blob_emulator.py` on a free loopback port: an in-memory Blob service that checks
/// every request's Shared Key or SAS signature with the Azure SDK's own code. Containers are created through
/// our own signed transport, and stores are made on them.
final class AzureBlobEmulator: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The account key the emulator checks Shared Key signatures with.
    let accountKey: String
    /// The bearer token the emulator accepts.
    let bearerToken: String
    private let server: LoopbackServer

    var port: Int { server.port }

    /// The account URL, path-style as Azurite's: `http://127.0.0.1:<port>/devstoreaccount1`.
    var endpoint: String { "http://127.0.0.1:\(port)/\(AzureConfiguration.emulatorAccount)" }

    init(
        accountKey: String = AzureConfiguration.emulatorAccountKey,
        bearerToken: String = "emulator-bearer-" + UUID().uuidString
    ) throws {
        self.accountKey = accountKey
        self.bearerToken = bearerToken
        let script = InteropEnvironment.helpers.appendingPathComponent("azure_blob_emulator.py").path
        server = try LoopbackServer(name: "azure_blob_emulator.py", executable: InteropEnvironment.python) { port in
            [script, "--port", String(port), "--key", accountKey, "--bearer-token", bearerToken]
        }
    }

    func stop() { server.stop() }

    /// The emulator's account with the key it checks signatures with.
    var credentials: AzureCredentials {
        get throws { try .sharedKey(account: AzureConfiguration.emulatorAccount, base64Key: accountKey) }
    }

    /// A store on a new container, created with a signed Create Container request from our own transport.
    func makeStore(
        prefix: ObjectPath = .root,
        listPageSize: Int? = nil,
        blockSize: Int = 64 * 1024,
        publicAccess: Bool = false,
        credentials: AzureCredentials? = nil,
        client: HTTPClient = HTTPTransport.sharedClient,
        logger: Logger = Logger(label: "laminar.objectstore.tests")
    ) async throws -> AzureObjectStore {
        let container = "laminar-" + UUID().uuidString.lowercased().prefix(18)
        try await createContainer(container, publicAccess: publicAccess, client: client, logger: logger)
        return try store(
            container: container, prefix: prefix, listPageSize: listPageSize, blockSize: blockSize,
            credentials: credentials ?? self.credentials, client: client, logger: logger
        )
    }

    /// A store on `container`, which need not exist.
    func store(
        container: String,
        prefix: ObjectPath = .root,
        listPageSize: Int? = nil,
        blockSize: Int = 64 * 1024,
        credentials: AzureCredentials? = nil,
        retryPolicy: RetryPolicy = .default,
        client: HTTPClient = HTTPTransport.sharedClient,
        logger: Logger = Logger(label: "laminar.objectstore.tests")
    ) throws -> AzureObjectStore {
        let configuration = AzureConfiguration(
            account: AzureConfiguration.emulatorAccount, container: container, endpoint: endpoint, allowHTTP: true,
            prefix: prefix, blockSize: blockSize, listPageSize: listPageSize, copyPollInterval: .milliseconds(20)
        )
        return try AzureObjectStore(
            configuration: configuration, credentials: credentials ?? self.credentials, retryPolicy: retryPolicy,
            client: client,
            logger: logger
        )
    }

    func createContainer(
        _ container: String, publicAccess: Bool = false, client: HTTPClient = HTTPTransport.sharedClient,
        logger: Logger = Logger(label: "laminar.objectstore.tests")
    ) async throws {
        let transport = HTTPTransport(client: client, signer: try credentials.signer, logger: logger)
        let request = SignableRequest(
            method: "PUT", scheme: "http", host: "127.0.0.1", port: port,
            path: "/\(AzureConfiguration.emulatorAccount)/\(container)", query: [("restype", "container")],
            headers: publicAccess ? [("x-ms-blob-public-access", "container")] : []
        )
        let response = try await transport.send(request)
        guard response.status == 201 else {
            throw Failure(description: "Create Container \(container) answered \(response.status)")
        }
    }

    /// A container SAS token issued by the Azure SDK with the emulator's key, valid for an hour. (The key goes
    /// to the snippet as an argument, which only this machine's process list can see: it is the test key.)
    func sasToken(container: String, permissions: String = "racwdl") throws -> String {
        let code = """
            import datetime, sys
            from azure.storage.blob import generate_container_sas
            expiry = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)
            print(generate_container_sas(sys.argv[1], sys.argv[2], account_key=sys.argv[3],
                                         permission=sys.argv[4], expiry=expiry))
            """
        let output = try InteropEnvironment.runPython(
            code,
            arguments: [AzureConfiguration.emulatorAccount, container, accountKey, permissions]
        )
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// One emulator for a whole suite, started before its first test and killed after its last.
struct AzureEmulatorScope: SuiteTrait, TestScoping {
    @TaskLocal static var emulator: AzureBlobEmulator?

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let emulator = try AzureBlobEmulator()
        defer { emulator.stop() }
        try await Self.$emulator.withValue(emulator) { try await function() }
    }

    /// The suite's emulator.
    static func current() throws -> AzureBlobEmulator {
        try #require(emulator, "the suite needs the .azureEmulator trait")
    }
}

extension Trait where Self == AzureEmulatorScope {
    static var azureEmulator: Self { AzureEmulatorScope() }
}
