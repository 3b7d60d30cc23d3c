import Foundation

/// Shared access signature authorization: the token's parameters go into every request's query string. The
/// token was signed when it was issued, so nothing is computed per request; `SignableRequest.redactedURL`
/// hides its values (`sig`, `se`, `sv`, …) in every log line and error.
struct AzureSASSigner: RequestSigner, CustomStringConvertible, CustomReflectable {
    let token: AzureSASToken

    func sign(_ request: inout SignableRequest, at date: Date) async throws {
        let names = Set(token.items.map(\.name))
        request.query.removeAll { names.contains($0.name) }
        request.query += token.items
        request.stampAzureHeaders(at: date)
    }

    var description: String { "AzureSASSigner(token: REDACTED)" }

    var customMirror: Mirror { Mirror(self, children: ["token": "REDACTED"], displayStyle: .struct) }
}
