import Foundation
@testable import LaminarObjectStore
import Testing

/// Opening stores from URLs and options, and the HTTP settings those options carry.
@Suite struct ObjectStoresTests {
    @Test func memoryLocationsWithOneNameShareAStore() async throws {
        let name = "shared-" + UUID().uuidString.lowercased()
        let table = try ObjectStores.open("memory://\(name)/warehouse/t1")
        try await table.put("_delta_log/0.json", [1])
        let whole = try ObjectStores.open("memory://\(name)")
        #expect(try await whole.get("warehouse/t1/_delta_log/0.json", range: nil) == [1])
        let other = try ObjectStores.open("memory://other-\(name)")
        await expectError(.notFound) { try await other.head("warehouse/t1/_delta_log/0.json") }
    }

    @Test func prefixedStoresPassTheConformanceSuite() async throws {
        let base = try InMemoryObjectStore(pageSize: 2)
        try await base.put("outside.bin", [9])
        let store = PrefixedObjectStore(base, prefix: "tables/t1")
        try await ObjectStoreConformance.run(store: store)
        #expect(try await base.list(prefix: nil, delimiter: false).allObjects().map(\.path) == ["outside.bin"])
    }

    @Test func fileLocationsOpenLocalStores() async throws {
        try await withTemporaryDirectory { directory in
            let store = try ObjectStores.open("file://\(directory)/t")
            try await store.put("a/b.bin", [1, 2])
            #expect(FileManager.default.contents(atPath: directory + "/t/a/b.bin") == Data([1, 2]))
        }
    }

    /// With HMAC keys, a `gs://` location goes through GCS's S3-compatible XML API.
    @Test func gcsWithHMACKeysUsesTheXMLAPI() throws {
        let store = try ObjectStores.open(
            "gs://bucket/prefix",
            options: ["google_hmac_access_id": "GOOG1EXAMPLE", "google_hmac_secret": "hmac-secret-value"],
            environment: [:]
        )
        let s3 = try #require(store as? S3ObjectStore)
        #expect(s3.configuration.dialect == .googleCloudStorage)
        #expect(s3.configuration.region == "auto")
        #expect(s3.configuration.prefix == "prefix")
        #expect(!"\(store)".contains("hmac-secret-value"))
    }

    /// GCS's XML API spells a conditional create `x-goog-if-generation-match: 0`, and answers a lost race
    /// with 412; requests are signed with the HMAC key as AWS Signature V4 for region `auto`.
    @Test func gcsXMLAPIConditionalCreates() async throws {
        let server = try await ScriptedHTTPServer(script: [.respond(200), .respond(412)])
        let store = try S3ObjectStore(
            configuration: .googleInteroperability(bucket: "bucket", endpoint: server.endpoint, allowHTTP: true),
            credentials: AWSCredentials(accessKeyID: "GOOG1EXAMPLE", secretAccessKey: "hmac-secret-value")
        )
        try await store.putIfAbsent("a.json", [1])
        await expectError(.alreadyExists) { try await store.putIfAbsent("a.json", [2]) }
        let heads = server.heads.map { $0.lowercased() }
        #expect(heads.count == 2)
        for head in heads {
            #expect(head.contains("\r\nx-goog-if-generation-match: 0"), "\(head)")
            #expect(!head.contains("if-none-match"))
            #expect(head.contains("credential=goog1example/") && head.contains("/auto/s3/aws4_request"), "\(head)")
        }
        try await server.shutdown()
    }

    @Test func userAgentOptionReachesTheWire() async throws {
        let server = try await ScriptedHTTPServer(script: [.respond(200)])
        let options = try HTTPClientOptions(options: ["aws_user_agent": "etl-job/1.0"], provider: .aws)
        let transport = try options.transport(signer: UnsignedRequests(), retryPolicy: .never, logger: .init(label: "t"))
        let request = SignableRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: server.port, path: "/key")
        #expect(try await transport.send(request).status == 200)
        let head = try #require(server.heads.first)
        #expect(head.lowercased().contains("\r\nuser-agent: etl-job/1.0"), "\(head)")
        try await server.shutdown()
    }

    /// Requests go through the proxy, which is asked to open a tunnel to the real host.
    @Test func proxyOptionRoutesThroughTheProxy() async throws {
        let proxy = try await ScriptedHTTPServer(script: [.respond(502)])
        let options = try HTTPClientOptions(options: ["proxy_url": proxy.endpoint], provider: .aws)
        let transport = try options.transport(signer: UnsignedRequests(), retryPolicy: .never, logger: .init(label: "t"))
        let request = SignableRequest(method: "GET", scheme: "http", host: "bucket.example.com", path: "/key")
        _ = try? await transport.send(request)
        let line = try #require(proxy.requests.first)
        #expect(line.hasPrefix("CONNECT bucket.example.com:80"), "\(line)")
        try await proxy.shutdown()
    }

    @Test func unknownSchemesAndBadProxiesAreConfigurationErrors() throws {
        #expect(throws: ObjectStoreError.self) { try ObjectStores.open("ftp://host/path") }
        #expect(throws: ObjectStoreError.self) {
            try HTTPClientOptions(proxyURL: "socks5://127.0.0.1:1080").client()
        }
    }
}

/// Anonymous access to public buckets, against moto.
@Suite(.moto) struct AnonymousS3Tests {
    @Test func skipSignatureSendsUnsignedRequests() async throws {
        let server = try MotoScope.current()
        let signed = try await server.makeStore()
        try await signed.put("public/data.bin", [4, 5])
        try await server.makePublic(bucket: signed.configuration.bucket, key: "public/data.bin")
        let anonymous = try ObjectStores.open(
            "s3://\(signed.configuration.bucket)",
            options: ["aws_endpoint_url": server.endpoint, "aws_allow_http": "true", "aws_skip_signature": "true"],
            environment: [:]
        )
        #expect("\(anonymous)".contains("UnsignedRequests"))
        #expect(try await anonymous.get("public/data.bin", range: nil) == [4, 5])
    }
}
