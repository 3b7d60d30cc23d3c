/// Azure Storage's error answer: `<Error><Code>…</Code><Message>…</Message>…</Error>` in the body, and the
/// code again in the `x-ms-error-code` header, which is all a HEAD answer has. Only the code and message are
/// kept: an `AuthenticationFailed` document also carries `AuthenticationErrorDetail`, which quotes the request's
/// signature and the server's string-to-sign, and must never reach an error message or a log.
struct AzureErrorResponse: Sendable, Hashable {
    var code: String?
    var message: String?

    init(_ response: TransportResponse) {
        if !response.body.isEmpty, let root = try? XMLTreeNode.parse(response.body), root.name == "Error" {
            code = root.childText("Code")
            message = root.childText("Message").map(Self.shorten)
        }
        if code?.isEmpty ?? true { code = response.header("x-ms-error-code") }
    }

    static let maximumMessageLength = 500

    /// The message's lines (Azure appends `RequestId:` and `Time:` lines, which support asks for) on one line.
    private static func shorten(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        return String(lines.filter { !$0.isEmpty }.joined(separator: "; ").prefix(maximumMessageLength))
    }

    /// The store error for an answer that was not the one the operation expected.
    static func error(for response: TransportResponse, path: ObjectPath?) -> ObjectStoreError {
        let document = AzureErrorResponse(response)
        return ObjectStoreError(
            kind(status: response.status, code: document.code), path: path?.rawValue,
            detail: response.errorDetail(code: document.code, message: document.message, service: "Azure"),
            status: response.status
        )
    }

    static func kind(status: Int, code: String?) -> ObjectStoreError.Kind {
        switch code {
        case "ContainerNotFound", "ContainerBeingDeleted", "ContainerDisabled", "AccountIsDisabled",
            "InvalidHeaderValue", "UnsupportedHeader", "InvalidQueryParameterValue", "AccountRequiresHttps":
            return .invalidConfiguration
        case "AuthenticationFailed", "AuthorizationFailure", "AuthorizationPermissionMismatch",
            "AuthorizationResourceTypeMismatch", "AuthorizationServiceMismatch", "AuthorizationProtocolMismatch",
            "AuthorizationSourceIPMismatch", "InsufficientAccountPermissions", "NoAuthenticationInformation",
            "InvalidAuthenticationInfo", "PublicAccessNotPermitted", "KeyBasedAuthenticationNotPermitted":
            return .permissionDenied
        case "BlobNotFound", "ResourceNotFound":
            return .notFound
        case "BlobAlreadyExists":
            return .alreadyExists
        case "InvalidResourceName", "InvalidUri":
            return .invalidPath
        case "ServerBusy", "InternalError", "OperationTimedOut":
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
