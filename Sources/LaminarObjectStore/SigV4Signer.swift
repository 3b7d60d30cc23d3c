import Crypto
import Foundation

/// AWS Signature Version 4 in the `Authorization` header. Written here rather than taken from an SDK so the
/// object store depends on nothing AWS-specific but a hash function, and so every byte that gets signed is
/// visible and tested against AWS's published vectors.
public struct SigV4Signer: RequestSigner, CustomStringConvertible {
    public var credentials: any AWSCredentialsProvider
    public var region: String
    public var service: String
    /// S3 requires `x-amz-content-sha256` on every request; other AWS services do not expect it.
    public var sendsContentHashHeader: Bool
    /// Signs the literal `UNSIGNED-PAYLOAD` instead of the body's hash, which S3 accepts and which saves hashing
    /// large bodies; TLS still protects the body in transit.
    public var unsignedPayload: Bool

    public init(
        credentials: any AWSCredentialsProvider,
        region: String,
        service: String = "s3",
        sendsContentHashHeader: Bool = true,
        unsignedPayload: Bool = false
    ) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.sendsContentHashHeader = sendsContentHashHeader
        self.unsignedPayload = unsignedPayload
    }

    public var description: String {
        "SigV4Signer(region: \(region), service: \(service), credentials: \(credentials))"
    }

    public func sign(_ request: inout SignableRequest, at date: Date) async throws {
        guard let credentials = try await credentials.credentials() else {
            throw AWSCredentialsChain.noCredentialsFound
        }
        sign(&request, at: date, with: credentials)
    }

    /// Signs with the given credentials, synchronously: the whole algorithm, separate from credential lookup.
    public func sign(_ request: inout SignableRequest, at date: Date, with credentials: AWSCredentials) {
        let timestamp = UTCTimestamp(date)
        let payloadHash = unsignedPayload ? "UNSIGNED-PAYLOAD" : request.bodySHA256 ?? Self.hexSHA256(request.body)
        request.headers.removeAll { $0.name.lowercased() == "authorization" }
        request.setHeader("host", request.authority)
        request.setHeader("x-amz-date", timestamp.compactDateTime)
        if sendsContentHashHeader { request.setHeader("x-amz-content-sha256", payloadHash) }
        if let token = credentials.sessionToken { request.setHeader("x-amz-security-token", token) }

        let (canonical, signedHeaders) = Self.canonicalRequest(request, payloadHash: payloadHash)
        let scope = "\(timestamp.dateStamp)/\(region)/\(service)/aws4_request"
        let stringToSign = Self.stringToSign(canonicalRequest: canonical, timestamp: timestamp, scope: scope)
        let key = Self.signingKey(
            secret: credentials.secretAccessKey, dateStamp: timestamp.dateStamp, region: region, service: service
        )
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
        request.headers.append((
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), "
                + "Signature=\(signature)"
        ))
    }

    /// Headers the transport may rewrite or that proxies add, which therefore must not be signed.
    static let unsignedHeaders: Set<String> = [
        "authorization", "user-agent", "content-length", "expect", "connection", "transfer-encoding",
        "x-amzn-trace-id",
    ]

    /// The canonical request and its `SignedHeaders` list: method, encoded path, sorted encoded query,
    /// lowercased sorted headers with whitespace runs collapsed and repeated headers joined by commas, and
    /// the payload hash.
    static func canonicalRequest(_ request: SignableRequest, payloadHash: String) -> (String, String) {
        var headers: [String: [String]] = [:]
        var order: [String] = []
        for header in request.headers {
            let name = header.name.lowercased()
            guard !unsignedHeaders.contains(name) else { continue }
            if headers[name] == nil { order.append(name) }
            headers[name, default: []].append(canonicalHeaderValue(header.value))
        }
        let names = order.sorted()
        let canonicalHeaders = names.map { "\($0):\(headers[$0, default: []].joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let canonical = [
            request.method.uppercased(), request.encodedPath, request.encodedQuery, canonicalHeaders, signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        return (canonical, signedHeaders)
    }

    static func stringToSign(canonicalRequest: String, timestamp: UTCTimestamp, scope: String) -> String {
        "AWS4-HMAC-SHA256\n\(timestamp.compactDateTime)\n\(scope)\n\(hexSHA256(Array(canonicalRequest.utf8)))"
    }

    /// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    static func signingKey(secret: String, dateStamp: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data(("AWS4" + secret).utf8))
        for part in [dateStamp, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    /// Trims the value and collapses each run of spaces to one, as the canonical form requires.
    static func canonicalHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    public static func hexSHA256(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
