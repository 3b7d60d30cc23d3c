import Foundation
@testable import LaminarObjectStore
import Logging
import Testing

/// Retry behaviour, against a scripted loopback server that fails on demand.
@Suite struct HTTPTransportTests {
    static let quickRetries = RetryPolicy(
        maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5), totalBudget: .seconds(30)
    )

    static func store(endpoint: String, logger: Logger = Logger(label: "laminar.objectstore.tests")) throws
        -> S3ObjectStore
    {
        try S3ObjectStore(
            configuration: S3Configuration(bucket: "bucket", endpoint: endpoint, allowHTTP: true),
            credentials: MotoS3Server.credentials, retryPolicy: quickRetries, logger: logger
        )
    }

    static func withServer(
        _ script: [ScriptedHTTPServer.Action], fallback: ScriptedHTTPServer.Action = .respond(500),
        _ body: (ScriptedHTTPServer, S3ObjectStore) async throws -> Void
    ) async throws {
        let server = try await ScriptedHTTPServer(script: script, fallback: fallback)
        do {
            try await body(server, try store(endpoint: server.endpoint))
        } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }

    @Test func serverErrorsAndThrottlingAreRetried() async throws {
        try await Self.withServer([.respond(503), .respond(500), .respond(200)]) { server, store in
            try await store.put("k", [1, 2, 3])
            #expect(server.requests == Array(repeating: "PUT /bucket/k HTTP/1.1", count: 3))
        }
    }

    @Test func retriesStopAtMaxAttempts() async throws {
        try await Self.withServer([], fallback: .respond(503)) { server, store in
            await expectError(.unavailable) { try await store.put("k", [1]) }
            #expect(server.requests.count == 3)
        }
    }

    @Test func clientErrorsAreNotRetried() async throws {
        try await Self.withServer([.respond(404)]) { server, store in
            await expectError(.notFound) { try await store.get("k", range: nil) }
            #expect(server.requests.count == 1)
        }
    }

    /// An ordinary PUT is idempotent: a connection lost after the body was sent is simply retried.
    @Test func aDroppedPlainPutIsRetried() async throws {
        try await Self.withServer([.drop, .drop, .respond(200)]) { server, store in
            try await store.put("k", Array(repeating: 7, count: 10_000))
            #expect(server.requests.count == 3)
        }
    }

    /// A conditional PUT whose connection dropped after the server read the whole request may have landed;
    /// re-sending it could fail on its own write. It is reported, not retried.
    @Test func aDroppedConditionalPutIsAnUnknownOutcome() async throws {
        try await Self.withServer([.drop], fallback: .respond(200)) { server, store in
            await expectError(.unknownOutcome) { try await store.putIfAbsent("k", Array("commit".utf8)) }
            #expect(server.requests == ["PUT /bucket/k HTTP/1.1"])
        }
    }

    @Test func aDroppedEmptyConditionalPutIsAnUnknownOutcome() async throws {
        try await Self.withServer([.drop], fallback: .respond(200)) { server, store in
            await expectError(.unknownOutcome) { try await store.putIfAbsent("k", []) }
            #expect(server.requests.count == 1)
        }
    }

    @Test func preconditionFailedIsAlreadyExists() async throws {
        for status in [412, 409] {
            try await Self.withServer([.respond(status)]) { server, store in
                await expectError(.alreadyExists) { try await store.putIfAbsent("k", [1]) }
                #expect(server.requests.count == 1)
            }
        }
    }

    /// Throttling turns a request away before it acts, so a 412 after it is someone else's object.
    @Test func preconditionFailedAfterThrottlingIsAlreadyExists() async throws {
        try await Self.withServer([.respond(503), .respond(412)]) { server, store in
            await expectError(.alreadyExists) { try await store.putIfAbsent("k", [1]) }
            #expect(server.requests.count == 2)
        }
    }

    /// After a 500 the first attempt may have written the object, so a 412 on the retry may be our own write.
    @Test func preconditionFailedAfterAServerErrorIsAnUnknownOutcome() async throws {
        try await Self.withServer([.respond(500), .respond(412)]) { server, store in
            await expectError(.unknownOutcome) { try await store.putIfAbsent("k", [1]) }
            #expect(server.requests.count == 2)
        }
    }

    /// A refused connection sent nothing, so even a conditional PUT is safe to retry.
    @Test func aRefusedConnectionIsRetriedEvenForAConditionalPut() async throws {
        let port = try LoopbackPort.free()
        let lines = CapturingLogHandler.Lines()
        let store = try Self.store(
            endpoint: "http://127.0.0.1:\(port)", logger: CapturingLogHandler.logger("refused", into: lines)
        )
        await expectError(.unavailable) { try await store.putIfAbsent("k", [1]) }
        #expect(lines.all.filter { $0.contains("retrying object store request") }.count == 2)
    }

    @Test func retryDelaysGrowExponentiallyWithFullJitter() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(2), totalBudget: .seconds(10))
        #expect(policy.delayCap(forRetry: 1) == .milliseconds(100))
        #expect(policy.delayCap(forRetry: 2) == .milliseconds(200))
        #expect(policy.delayCap(forRetry: 4) == .milliseconds(800))
        #expect(policy.delayCap(forRetry: 6) == .seconds(2))
        #expect(policy.delayCap(forRetry: 500) == .seconds(2))
        var random = SystemRandomNumberGenerator()
        let delays = (0..<200).map { _ in policy.delay(forRetry: 3, using: &random) }
        #expect(delays.allSatisfy { $0 >= .zero && $0 <= .milliseconds(400) })
        #expect(Set(delays).count > 100, "jittered, not fixed")
        #expect(policy.allowsRetry(9, elapsed: .seconds(1), delay: .seconds(1)))
        #expect(!policy.allowsRetry(10, elapsed: .zero, delay: .zero), "ten attempts in total")
        #expect(!policy.allowsRetry(1, elapsed: .seconds(9), delay: .seconds(2)), "over the time budget")
        #expect(RetryPolicy.never.maxAttempts == 1)
    }

    /// A CompleteMultipartUpload whose success answer was lost is retried and finds the upload gone
    /// (`NoSuchUpload`): that is success when the object is now there with this upload's part count, and an
    /// error otherwise. (moto cannot play this: it keeps completed uploads and fails on unknown ones with 500.)
    @Test(arguments: [("\"abc-2\"", true), ("\"abc-3\"", false), ("\"abc\"", false)])
    func aRetriedCompleteFindsTheUploadGone(eTag: String, succeeds: Bool) async throws {
        let noSuchUpload = "<Error><Code>NoSuchUpload</Code><Message>gone</Message></Error>"
        let object = [
            "ETag: \(eTag)", "Last-Modified: Wed, 25 Nov 2026 10:00:00 GMT",
        ]
        let server = try await ScriptedHTTPServer(script: [
            .answer(404, headers: [], body: noSuchUpload), .answer(200, headers: object, body: ""),
        ])
        let store = try Self.store(endpoint: server.endpoint)
        let parts = [(number: 1, eTag: "\"p1\""), (number: 2, eTag: "\"p2\"")]
        do {
            try await store.completeMultipartUpload(key: "t.bin", path: "t.bin", uploadID: "u", parts: parts)
            #expect(succeeds)
        } catch let error as ObjectStoreError {
            #expect(!succeeds && error.kind == .notFound, "\(error)")
        }
        #expect(server.requests.map { $0.split(separator: " ").first ?? "" } == ["POST", "HEAD"])
        try await server.shutdown()
    }
}
