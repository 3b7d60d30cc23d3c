import Foundation
@testable import LaminarObjectStore
import Testing

/// The expected signatures are AWS's published ones, not computed here: the generic cases from the
/// aws-sig-v4-test-suite (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html, credentials
/// AKIDEXAMPLE, service `service`, 2015-08-30T12:36:00Z) and the S3 examples of "Signature Calculations for the
/// Authorization Header" in the Amazon S3 API reference (bucket examplebucket, 2013-05-24T00:00:00Z).
/// Left out: the path-normalization cases (S3 keys are never normalized), the obsolete line folding of
/// get-header-value-multiline, and post-x-www-form-urlencoded-parameters, which signs `Content-Length`, a
/// header this signer leaves to the HTTP client.
@Suite struct SigV4SignerTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var name: String
        var method = "GET"
        var path = "/"
        var query: [(name: String, value: String)] = []
        var headers: [(name: String, value: String)] = []
        var body = ""
        var signedHeaders = "host;x-amz-date"
        var signature: String

        var testDescription: String { name }
    }

    static let suiteCredentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    )
    static let suiteDate = UTCTimestamp(year: 2015, month: 8, day: 30, hour: 12, minute: 36).date
    static let unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    static let sessionToken = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAe"
        + "MicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7"
        + "WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc"
        + "8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

    static let suite: [Vector] = [
        Vector(name: "get-vanilla", signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        Vector(
            name: "get-vanilla-empty-query-key", query: [("Param1", "value1")],
            signature: "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"
        ),
        Vector(
            name: "get-vanilla-query-order-key", query: [("Param1", "value2"), ("Param1", "Value1")],
            signature: "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1"
        ),
        Vector(
            name: "get-vanilla-query-order-key-case", query: [("Param2", "value2"), ("Param1", "value1")],
            signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"
        ),
        Vector(
            name: "get-vanilla-query-order-value", query: [("Param1", "value2"), ("Param1", "value1")],
            signature: "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"
        ),
        Vector(
            name: "get-vanilla-query-unreserved", query: [(unreserved, unreserved)],
            signature: "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"
        ),
        Vector(
            name: "get-vanilla-utf8-query", query: [("ሴ", "bar")],
            signature: "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"
        ),
        Vector(
            name: "get-unreserved", path: "/" + unreserved,
            signature: "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"
        ),
        Vector(
            name: "get-utf8", path: "/ሴ", signature: "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"
        ),
        Vector(
            name: "get-space", path: "/example space/",
            signature: "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"
        ),
        Vector(
            name: "get-header-key-duplicate",
            headers: [("My-Header1", "value2"), ("My-Header1", "value2"), ("My-Header1", "value1")],
            signedHeaders: "host;my-header1;x-amz-date",
            signature: "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"
        ),
        Vector(
            name: "get-header-value-order",
            headers: [("My-Header1", "value4"), ("My-Header1", "value1"), ("My-Header1", "value3"),
                      ("My-Header1", "value2")],
            signedHeaders: "host;my-header1;x-amz-date",
            signature: "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"
        ),
        Vector(
            name: "get-header-value-trim", headers: [("My-Header1", " value1"), ("My-Header2", " \"a   b   c\"")],
            signedHeaders: "host;my-header1;my-header2;x-amz-date",
            signature: "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"
        ),
        Vector(
            name: "post-vanilla", method: "POST",
            signature: "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"
        ),
        Vector(
            name: "post-vanilla-query", method: "POST", query: [("Param1", "value1")],
            signature: "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"
        ),
        Vector(
            name: "post-header-key-sort", method: "POST", headers: [("My-Header1", "value1")],
            signedHeaders: "host;my-header1;x-amz-date",
            signature: "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"
        ),
        Vector(
            name: "post-header-value-case", method: "POST", headers: [("My-Header1", "VALUE1")],
            signedHeaders: "host;my-header1;x-amz-date",
            signature: "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"
        ),
        Vector(
            name: "post-x-www-form-urlencoded", method: "POST",
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Content-Length", "13")],
            body: "Param1=value1", signedHeaders: "content-type;host;x-amz-date",
            signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"
        ),
    ]

    static func suiteSigner(token: String? = nil) -> (SigV4Signer, AWSCredentials) {
        var credentials = suiteCredentials
        credentials.sessionToken = token
        let signer = SigV4Signer(
            credentials: credentials, region: "us-east-1", service: "service", sendsContentHashHeader: false
        )
        return (signer, credentials)
    }

    static func authorization(_ request: SignableRequest) -> String? { request.header("Authorization") }

    @Test(arguments: suite)
    func awsTestSuite(_ vector: Vector) {
        let (signer, credentials) = Self.suiteSigner()
        var request = SignableRequest(
            method: vector.method, scheme: "https", host: "example.amazonaws.com", path: vector.path,
            query: vector.query, headers: vector.headers, body: Array(vector.body.utf8)
        )
        signer.sign(&request, at: Self.suiteDate, with: credentials)
        #expect(
            Self.authorization(request)
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=\(vector.signedHeaders), Signature=\(vector.signature)"
        )
        #expect(request.header("x-amz-date") == "20150830T123600Z")
    }

    /// get-vanilla-query-order-key-case's published canonical request and string to sign.
    @Test func canonicalRequestAndStringToSign() {
        var request = SignableRequest(
            method: "GET", scheme: "https", host: "example.amazonaws.com", path: "/",
            query: [("Param2", "value2"), ("Param1", "value1")],
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")]
        )
        request.setHeader("host", request.authority)
        let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        let (canonical, signed) = SigV4Signer.canonicalRequest(request, payloadHash: emptyHash)
        #expect(
            canonical == "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\n"
                + "x-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)"
        )
        #expect(signed == "host;x-amz-date")
        let timestamp = UTCTimestamp(year: 2015, month: 8, day: 30, hour: 12, minute: 36)
        #expect(
            SigV4Signer.stringToSign(
                canonicalRequest: canonical, timestamp: timestamp, scope: "20150830/us-east-1/service/aws4_request"
            ) == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0"
        )
    }

    /// post-sts-header-before: the session token is sent and signed.
    @Test func sessionTokenIsSigned() {
        let (signer, credentials) = Self.suiteSigner(token: Self.sessionToken)
        var request = SignableRequest(method: "POST", scheme: "https", host: "example.amazonaws.com", path: "/")
        signer.sign(&request, at: Self.suiteDate, with: credentials)
        #expect(request.header("x-amz-security-token") == Self.sessionToken)
        #expect(
            Self.authorization(request)
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date;x-amz-security-token, "
                + "Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"
        )
    }

    // MARK: S3 examples

    static let s3Credentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    )
    static let s3Date = UTCTimestamp(year: 2013, month: 5, day: 24).date
    static let s3Signer = SigV4Signer(credentials: s3Credentials, region: "us-east-1")

    static func s3Signature(_ request: SignableRequest) -> (signedHeaders: String, signature: String)? {
        var signed = request
        s3Signer.sign(&signed, at: s3Date, with: s3Credentials)
        guard let authorization = authorization(signed),
            authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ")
        else { return nil }
        let fields = authorization.split(separator: " ").dropFirst(2).map { $0.trimmingCharacters(in: [","]) }
        guard fields.count == 2, fields[0].hasPrefix("SignedHeaders="), fields[1].hasPrefix("Signature=") else {
            return nil
        }
        return (String(fields[0].dropFirst(14)), String(fields[1].dropFirst(10)))
    }

    static func examplebucket(
        _ method: String, _ path: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], body: String = ""
    ) -> SignableRequest {
        SignableRequest(
            method: method, scheme: "https", host: "examplebucket.s3.amazonaws.com", path: path, query: query,
            headers: headers, body: Array(body.utf8)
        )
    }

    @Test func s3GetObjectWithRange() throws {
        let result = try #require(Self.s3Signature(Self.examplebucket("GET", "/test.txt", headers: [("Range", "bytes=0-9")])))
        #expect(result.signedHeaders == "host;range;x-amz-content-sha256;x-amz-date")
        #expect(result.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    /// The key `test$file.text` is signed as `/test%24file.text`.
    @Test func s3PutObject() throws {
        let request = Self.examplebucket(
            "PUT", "/test$file.text",
            headers: [("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
            body: "Welcome to Amazon S3."
        )
        #expect(request.encodedPath == "/test%24file.text")
        let result = try #require(Self.s3Signature(request))
        #expect(result.signedHeaders == "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class")
        #expect(result.signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test func s3GetBucketLifecycle() throws {
        let result = try #require(Self.s3Signature(Self.examplebucket("GET", "/", query: [("lifecycle", "")])))
        #expect(result.signature == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
    }

    @Test func s3ListObjects() throws {
        let request = Self.examplebucket("GET", "/", query: [("prefix", "J"), ("max-keys", "2")])
        let result = try #require(Self.s3Signature(request))
        #expect(result.signature == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }

    /// The store's own request for a ranged read, virtual-hosted, signs exactly as AWS's GET example.
    @Test func storeRequestsMatchTheS3Example() throws {
        let store = try S3ObjectStore(
            configuration: S3Configuration(
                bucket: "examplebucket", endpoint: "https://s3.amazonaws.com", addressing: .virtualHosted
            ),
            credentials: Self.s3Credentials
        )
        let request = store.makeRequest("GET", key: try store.objectKey("test.txt"), headers: [("Range", "bytes=0-9")])
        #expect(request.url == "https://examplebucket.s3.amazonaws.com/test.txt")
        let result = try #require(Self.s3Signature(request))
        #expect(result.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func unsignedPayload() {
        let signer = SigV4Signer(credentials: Self.s3Credentials, region: "us-east-1", unsignedPayload: true)
        var request = Self.examplebucket("PUT", "/big", body: "large body")
        signer.sign(&request, at: Self.s3Date, with: Self.s3Credentials)
        #expect(request.header("x-amz-content-sha256") == "UNSIGNED-PAYLOAD")
    }

    /// Signing twice (a retry) replaces the first signature instead of sending two.
    @Test func resigningReplacesTheSignature() {
        var request = Self.examplebucket("GET", "/test.txt")
        Self.s3Signer.sign(&request, at: Self.s3Date, with: Self.s3Credentials)
        Self.s3Signer.sign(&request, at: Self.s3Date.addingTimeInterval(60), with: Self.s3Credentials)
        #expect(request.headers.filter { $0.name.lowercased() == "authorization" }.count == 1)
        #expect(request.headers.filter { $0.name.lowercased() == "x-amz-date" }.map(\.value) == ["20130524T000100Z"])
    }

    @Test func uriEncodingFollowsRFC3986() {
        #expect(URIEncoding.encode("a b+c/d~e_f.g-h*ü") == "a%20b%2Bc%2Fd~e_f.g-h%2A%C3%BC")
        #expect(URIEncoding.encode("a b/c", keepingSlashes: true) == "a%20b/c")
        #expect(URIEncoding.decode("a%20b%2Bc+d", plusAsSpace: true) == "a b+c d")
        #expect(URIEncoding.decode("%zz") == nil)
        #expect(URIEncoding.decode("%E1%88") == nil, "truncated UTF-8")
    }

    /// Presigned URLs and SAS tokens carry credentials in the query; error messages must not.
    @Test func redactedURLsHideQueryValues() {
        let request = SignableRequest(
            method: "GET", scheme: "https", host: "h", path: "/b/k",
            query: [("X-Amz-Signature", "abc123"), ("X-Amz-Security-Token", "tok"), ("prefix", "p/"), ("uploads", "")]
        )
        #expect(request.redactedURL == "https://h/b/k?X-Amz-Signature=REDACTED&X-Amz-Security-Token=REDACTED"
            + "&prefix=p%2F&uploads")
    }
}
