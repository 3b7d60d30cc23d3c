import Foundation

/// OAuth 2 bearer authorization with a token obtained elsewhere (`az account get-access-token --resource
/// https://storage.azure.com/`). Azure accepts bearer tokens only over HTTPS.
struct AzureBearerTokenSigner: RequestSigner, CustomStringConvertible, CustomReflectable {
    let token: String

    func sign(_ request: inout SignableRequest, at date: Date) async throws {
        request.headers.removeAll { $0.name.lowercased() == "authorization" }
        request.stampAzureHeaders(at: date)
        request.headers.append(("Authorization", "Bearer \(token)"))
    }

    var description: String { "AzureBearerTokenSigner(token: REDACTED)" }

    var customMirror: Mirror { Mirror(self, children: ["token": "REDACTED"], displayStyle: .struct) }
}
