/// S3's error document, `<Error><Code>…</Code><Message>…</Message>…</Error>`. Only the code and message are
/// kept: a `SignatureDoesNotMatch` document also echoes the canonical request, whose headers include the
/// session token, so the rest must never reach an error message or a log.
struct S3ErrorResponse: Sendable, Hashable {
    var code: String?
    var message: String?

    /// Reads the document in `body`; an empty or unparsable body gives neither code nor message.
    init(body: [UInt8]) {
        guard !body.isEmpty, let root = try? XMLTreeNode.parse(body), root.name == "Error" else { return }
        code = root.childText("Code")
        message = root.childText("Message").map { String($0.prefix(Self.maximumMessageLength)) }
    }

    init(code: String?, message: String?) {
        self.code = code
        self.message = message
    }

    static let maximumMessageLength = 500

    /// The store error for an answer that was not the one the operation expected.
    static func error(for response: TransportResponse, path: ObjectPath?) -> ObjectStoreError {
        let document = S3ErrorResponse(body: response.body)
        return ObjectStoreError(
            kind(status: response.status, code: document.code), path: path?.rawValue,
            detail: response.errorDetail(code: document.code, message: document.message, service: "S3"),
            status: response.status
        )
    }

    static func kind(status: Int, code: String?) -> ObjectStoreError.Kind {
        switch code {
        case "NoSuchBucket", "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException",
            "InvalidBucketName":
            return .invalidConfiguration
        case "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken",
            "TokenRefreshRequired", "AccountProblem":
            return .permissionDenied
        case "NoSuchKey":
            return .notFound
        case "KeyTooLongError":
            return .invalidPath
        case "SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout":
            return .unavailable
        default:
            break
        }
        switch status {
        case 404: return .notFound
        case 401, 403: return .permissionDenied
        case 301, 307: return .invalidConfiguration
        case 501: return .unsupported
        case 429, 500...599: return .unavailable
        default: return .io
        }
    }
}
