import Foundation
@testable import LaminarObjectStore
import Testing

/// The ways other than Shared Key to authorize against the emulator: SAS tokens issued by the Azure SDK (whose
/// signatures the emulator re-computes with the SDK), a bearer token, and anonymous reads of a public container.
@Suite(.azureEmulator) struct AzureCredentialModesTests {
    /// The whole conformance suite with a container SAS, including copies, whose source URL must carry the SAS.
    @Test(arguments: [false, true])
    func conformanceWithASASToken(leadingQuestionMark: Bool) async throws {
        let emulator = try AzureEmulatorScope.current()
        let container = try await emulator.makeStore().configuration.container
        let token = try emulator.sasToken(container: container)
        #expect(token.contains("sig="))
        let store = try emulator.store(
            container: container, credentials: .sasToken(leadingQuestionMark ? "?" + token : token)
        )
        try await ObjectStoreConformance.run(store: store)
        #expect(!store.description.contains(token))
    }

    /// A read-and-list SAS reads and lists, and cannot write or delete.
    @Test func aReadOnlySASCannotWrite() async throws {
        let emulator = try AzureEmulatorScope.current()
        let writer = try await emulator.makeStore()
        try await writer.put("a/b", Array("hello".utf8))
        let token = try emulator.sasToken(container: writer.configuration.container, permissions: "rl")
        let reader = try emulator.store(container: writer.configuration.container, credentials: .sasToken(token))
        #expect(try await reader.get("a/b", range: .bounded(1..<3)) == Array("el".utf8))
        #expect(try await reader.list(prefix: "a", delimiter: false).allObjects().map(\.path) == ["a/b"])
        await expectError(.permissionDenied) { try await reader.put("a/c", [1]) }
        await expectError(.permissionDenied) { try await reader.delete("a/b") }
        #expect(try await writer.get("a/b", range: nil) == Array("hello".utf8))
    }

    /// A SAS for one container does not open another: the signature names the container.
    @Test func aSASIsBoundToItsContainer() async throws {
        let emulator = try AzureEmulatorScope.current()
        let first = try await emulator.makeStore().configuration.container
        let second = try await emulator.makeStore().configuration.container
        let token = try emulator.sasToken(container: first)
        let store = try emulator.store(container: second, credentials: .sasToken(token))
        await expectError(.permissionDenied) { try await store.put("k", [1]) }
    }

    @Test func malformedSASTokensAreRejected() {
        for token in ["", "?", "sv=2020-01-01&sp=r", "sig=%zz", "sv=1&sig=abc&comp=list"] {
            #expect(throws: ObjectStoreError.self, "\(token)") { try AzureCredentials.sasToken(token) }
        }
    }

    @Test func aBearerTokenAuthorizes() async throws {
        let emulator = try AzureEmulatorScope.current()
        let container = try await emulator.makeStore().configuration.container
        let store = try emulator.store(container: container, credentials: .bearerToken(emulator.bearerToken))
        try await store.put("x/y", [1, 2, 3])
        #expect(try await store.get("x/y", range: nil) == [1, 2, 3])
        try await store.copy(from: "x/y", to: "x/z")
        #expect(try await store.list(prefix: "x", delimiter: false).allObjects().map(\.path) == ["x/y", "x/z"])
        #expect(!store.description.contains(emulator.bearerToken))

        let wrong = try emulator.store(container: container, credentials: .bearerToken("not-the-token"))
        await expectError(.permissionDenied) { try await wrong.get("x/y", range: nil) }
    }

    /// Anonymous requests read a public container and are refused everything else.
    @Test func anonymousReadsOfAPublicContainer() async throws {
        let emulator = try AzureEmulatorScope.current()
        let writer = try await emulator.makeStore(publicAccess: true)
        try await writer.put("public/file", Array("open".utf8))
        let anonymous = try emulator.store(container: writer.configuration.container, credentials: .anonymous)
        #expect(try await anonymous.get("public/file", range: nil) == Array("open".utf8))
        #expect(try await anonymous.head("public/file").size == 4)
        let listed = try await CollectedListing(anonymous.list(prefix: nil, delimiter: true))
        #expect(listed.keys == [])
        #expect(listed.commonPrefixes == ["public"])
        await expectError(.permissionDenied) { try await anonymous.put("public/other", [1]) }

        let privateContainer = try await emulator.makeStore().configuration.container
        let refused = try emulator.store(container: privateContainer, credentials: .anonymous)
        await expectError(.permissionDenied) { try await refused.get("anything", range: nil) }
    }
}
