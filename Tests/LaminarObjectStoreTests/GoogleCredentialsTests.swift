import AsyncHTTPClient
import _CryptoExtras
import Foundation
@testable import LaminarObjectStore
import LaminarTestSupport
import Logging
import Testing

/// Service-account and user credentials for GCS: the RS256 signature against RFC 7515's published example,
/// credentials files, and the token exchange against a loopback token endpoint that verifies our JWTs with
/// Python's `cryptography`, in front of fake-gcs-server.
@Suite(.fakeGCS) struct GoogleCredentialsTests {
    /// RFC 7515, Appendix A.2: the example RSA key, signing input and signature. RSASSA-PKCS1-v1_5 is
    /// deterministic, so the published signature must come out exactly.
    @Test func rs256ReproducesTheRFC7515Example() throws {
        let key = try Self.rfc7515Key()
        let input = "eyJhbGciOiJSUzI1NiJ9."
            + "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        let expected = "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7"
            + "AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4"
            + "BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K"
            + "0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqv"
            + "hJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrB"
            + "p0igcN_IoypGlUPQGe77Rw"
        #expect(try JSONWebToken.signature(of: input, key: key) == expected)

        // The same key, as Google ships it (PKCS #8 PEM inside a service account file), signs the same way.
        let file = try GoogleCredentialsFile(
            json: Self.serviceAccountJSON(key: key, tokenURI: "https://oauth2.googleapis.com/token"), source: "test"
        )
        guard case .serviceAccount(let account) = file else {
            Issue.record("not parsed as a service account")
            return
        }
        #expect(account.clientEmail == "writer@project.iam.gserviceaccount.com")
        #expect(try JSONWebToken.signature(of: input, key: account.privateKey) == expected)
    }

    /// Our JWT is what Google's grant expects: RS256 header with the key id, and the grant's claims.
    @Test func grantAssertionShape() throws {
        let key = try Self.rfc7515Key()
        let claims = JSONWebToken.GrantClaims(
            iss: "a@b.iam.gserviceaccount.com", scope: GoogleOAuthTokens.readWriteScope,
            aud: "https://oauth2.googleapis.com/token", iat: 1_700_000_000, exp: 1_700_003_600
        )
        let token = try JSONWebToken.signed(header: .init(kid: "key-1"), claims: claims, key: key)
        let parts = token.split(separator: ".").map(String.init)
        try #require(parts.count == 3)
        let header = try JSONSerialization.jsonObject(with: Data(try #require(Base64URL.decode(parts[0]))))
        let body = try JSONSerialization.jsonObject(with: Data(try #require(Base64URL.decode(parts[1]))))
        #expect(header as? [String: String] == ["alg": "RS256", "typ": "JWT", "kid": "key-1"])
        let fields = try #require(body as? [String: Any])
        #expect(fields["iss"] as? String == "a@b.iam.gserviceaccount.com")
        #expect(fields["aud"] as? String == "https://oauth2.googleapis.com/token")
        #expect(fields["exp"] as? Int == 1_700_003_600)
        let signature = _RSA.Signing.RSASignature(rawRepresentation: try #require(Base64URL.decode(parts[2])))
        #expect(key.publicKey.isValidSignature(
            signature, for: Data((parts[0] + "." + parts[1]).utf8), padding: .insecurePKCS1v1_5
        ))
    }

    @Test func brokenCredentialsFilesAreNamedWithoutTheirContents() throws {
        let cases: [(String, String)] = [
            ("not json", "not a JSON object"),
            (#"{"type": "external_account"}"#, "external_account"),
            (#"{"type": "service_account", "client_email": "a@b"}"#, "private_key"),
            (#"{"type": "service_account", "client_email": "a@b", "private_key": "SECRET-PEM"}"#, "not a PEM"),
            (#"{"type": "authorized_user", "client_id": "c", "refresh_token": "SECRET-R"}"#, "client_secret"),
        ]
        for (json, reason) in cases {
            do {
                _ = try GoogleCredentialsFile(json: Array(json.utf8), source: "key.json")
                Issue.record("accepted \(json)")
            } catch {
                #expect(error.kind == .invalidConfiguration)
                #expect(error.description.contains("key.json") && error.description.contains(reason), "\(error)")
                #expect(!error.description.contains("SECRET"), "\(error)")
            }
        }
        #expect(throws: ObjectStoreError.self) { try GoogleCredentialsFile(contentsOf: "/nonexistent/key.json") }
    }

    /// A service account's JWT is exchanged once for a token that every later request reuses; the token
    /// endpoint verified the signature with the service account's public key.
    @Test func serviceAccountTokensAreExchangedOnceAndCached() async throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        try await withTokenServer(publicKey: key.publicKey) { tokenServer in
            let tokenURI = tokenServer.endpoint + "/token"
            try await withTemporaryDirectory { directory in
                let keyFile = directory + "/service-account.json"
                try Data(Self.serviceAccountJSON(key: key, tokenURI: tokenURI)).write(to: URL(fileURLWithPath: keyFile))
                let gcs = try FakeGCSScope.current()
                let bucket = try await gcs.createBucket()
                let store = try GCSObjectStore(
                    location: StoreLocation("gs://\(bucket)"),
                    options: ["google_service_account": keyFile, "google_storage_endpoint": gcs.endpoint, "allow_http": "true"],
                    environment: [:]
                )
                #expect("\(store)".contains("service account writer@project.iam.gserviceaccount.com"))
                try await ObjectStoreConformance.roundTrip(store, "sa")
                #expect(try await Self.issuedTokens(tokenServer) == 1)
            }
        }
    }

    @Test func aWrongKeyIsPermissionDenied() async throws {
        let registered = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let other = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        try await withTokenServer(publicKey: registered.publicKey) { tokenServer in
            let file = try GoogleCredentialsFile(
                json: Self.serviceAccountJSON(key: other, tokenURI: tokenServer.endpoint + "/token"), source: "test"
            )
            let tokens = try GoogleOAuthTokens(credentials: file)
            do {
                _ = try await tokens.accessToken()
                Issue.record("a token for a key the endpoint does not know")
            } catch let error as ObjectStoreError {
                #expect(error.kind == .permissionDenied)
                #expect(error.description.contains("Invalid JWT Signature"), "\(error)")
                #expect(!error.description.contains("PRIVATE KEY"))
            }
        }
    }

    /// `gcloud auth application-default login` files hold a refresh token.
    @Test func authorizedUserRefreshToken() async throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        try await withTokenServer(publicKey: key.publicKey) { tokenServer in
            let json = """
                {"type": "authorized_user", "client_id": "client-1", "client_secret": "\(Self.clientSecret)",
                 "refresh_token": "\(Self.refreshToken)", "token_uri": "\(tokenServer.endpoint)/token"}
                """
            let gcs = try FakeGCSScope.current()
            let bucket = try await gcs.createBucket()
            let store = try GCSObjectStore(
                location: StoreLocation("gs://\(bucket)"),
                options: ["google_service_account_key": json, "google_storage_endpoint": gcs.endpoint, "allow_http": "true"],
                environment: [:]
            )
            try await store.put("a", [1])
            #expect(try await store.get("a", range: nil) == [1])
            #expect(try await Self.issuedTokens(tokenServer) == 1)
            #expect(!"\(store)".contains(Self.refreshToken) && !"\(store)".contains(Self.clientSecret))
        }
    }

    /// A whole GCS session through the service-account flow, with trace logging from our code and the HTTP
    /// client: neither the access token nor the private key shows up in a log line, error or description.
    @Test func aSessionNeverRevealsTheTokenOrKey() async throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let keyBody = key.pkcs8PEMRepresentation.split(separator: "\n").dropFirst().prefix(3).joined()
        try await withTokenServer(publicKey: key.publicKey) { tokenServer in
            let lines = CapturingLogHandler.Lines()
            let logger = CapturingLogHandler.logger("gcs-leak-test", into: lines)
            let client = HTTPClient(
                eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                configuration: HTTPTransport.recommendedConfiguration, backgroundActivityLogger: logger
            )
            var texts: [String] = []
            do {
                let gcs = try FakeGCSScope.current()
                let bucket = try await gcs.createBucket()
                let store = try GCSObjectStore(
                    location: StoreLocation("gs://\(bucket)"),
                    options: [
                        "google_service_account_key": String(decoding: try Self.serviceAccountJSON(
                            key: key, tokenURI: tokenServer.endpoint + "/token"), as: UTF8.self),
                        "google_storage_endpoint": gcs.endpoint, "allow_http": "true",
                    ],
                    environment: [:], client: client, logger: logger
                )
                var dumped = ""
                dump(store, to: &dumped)
                texts += [store.description, String(reflecting: store), dumped]
                try await store.put("a/b", Array("hello".utf8))
                try await store.putIfAbsent("a/c", [1])
                _ = try await store.get("a/b", range: .bounded(0..<2))
                _ = try await store.list(prefix: "a", delimiter: true).allObjects()
                try await store.copy(from: "a/b", to: "a/d")
                let upload = try await store.upload("big")
                try await upload.write(pseudoRandomBytes(count: GCSConfiguration.chunkGranularity * 17, seed: 9))
                _ = try await upload.complete()
                for failing in [{ _ = try await store.get("missing", range: nil) }, { try await store.putIfAbsent("a/c", [2]) }]
                    as [@Sendable () async throws -> Void]
                {
                    do { try await failing() } catch { texts += ["\(error)", String(reflecting: error)] }
                }
                try await store.delete(["a/b", "a/c", "a/d", "big"])
                var afterwards = ""
                dump(store, to: &afterwards)
                texts.append(afterwards)
                #expect(afterwards.contains("writer@project.iam.gserviceaccount.com"))
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
            let logged = lines.all
            #expect(logged.contains { $0.contains("object store answered") })
            #expect(texts.count > 5)
            for text in logged + texts {
                #expect(!text.contains("ya29.test-token"), "\(text)")
                #expect(!text.contains(keyBody), "\(text)")
            }
        }
    }

    @Test func tokenEndpointsMustUseHTTPSOffLoopback() throws {
        let key = try Self.rfc7515Key()
        let file = try GoogleCredentialsFile(
            json: Self.serviceAccountJSON(key: key, tokenURI: "http://tokens.example.com/token"), source: "test"
        )
        #expect(throws: ObjectStoreError.self) { try GoogleOAuthTokens(credentials: file) }
    }

    // MARK: Fixtures

    static let clientSecret = "client-secret-value"
    static let refreshToken = "1//refresh-token-value"

    static func rfc7515Key() throws -> _RSA.Signing.PrivateKey {
        func bytes(_ text: String) throws -> [UInt8] { try #require(Base64URL.decode(text)) }
        return try _RSA.Signing.PrivateKey(
            n: bytes(
                "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT"
                    + "-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQ"
                    + "OS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj"
                    + "8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ"
            ),
            e: bytes("AQAB"),
            d: bytes(
                "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe46sui"
                    + "395IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_V51gfpRLI9JYanrC4D4qA"
                    + "dGcopV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLhBOneufuBiB4cS"
                    + "98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ"
            ),
            p: bytes(
                "4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJNPY8c"
                    + "Qn7ouZ2KKDcmnPGBY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc"
            ),
            q: bytes(
                "uQPEfgmVtjL0Uyyx88GZFF1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_YwD66t6"
                    + "2wDmpe_HlB-TnBA-njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc"
            )
        )
    }

    static func serviceAccountJSON(key: _RSA.Signing.PrivateKey, tokenURI: String) throws -> [UInt8] {
        let document: [String: String] = [
            "type": "service_account", "project_id": "project", "private_key_id": "key-1",
            "private_key": key.pkcs8PEMRepresentation, "client_email": "writer@project.iam.gserviceaccount.com",
            "token_uri": tokenURI,
        ]
        return Array(try JSONSerialization.data(withJSONObject: document))
    }

    /// Runs `body` with `scripts/interop/oauth_token_server.py` on a free port, trusting `publicKey`.
    func withTokenServer(
        publicKey: _RSA.Signing.PublicKey, _ body: (LoopbackServer) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { directory in
            let keyFile = directory + "/public.pem"
            try Data(publicKey.pemRepresentation.utf8).write(to: URL(fileURLWithPath: keyFile))
            let script = InteropEnvironment.helpers.appendingPathComponent("oauth_token_server.py").path
            let server = try LoopbackServer(name: "oauth_token_server.py", executable: InteropEnvironment.python) {
                [script, String($0), keyFile, "client-1", Self.clientSecret, Self.refreshToken]
            }
            defer { server.stop() }
            try await body(server)
        }
    }

    static func issuedTokens(_ server: LoopbackServer) async throws -> Int {
        let transport = HTTPTransport(signer: UnsignedRequests())
        let response = try await transport.send(
            SignableRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: server.port, path: "/count")
        )
        let document = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Int]
        return try #require(document?["issued"])
    }
}
