import Foundation

/// No authorization, for containers with public read access; only the version and date headers are set.
struct AzureAnonymousSigner: RequestSigner, CustomStringConvertible {
    func sign(_ request: inout SignableRequest, at date: Date) async throws {
        request.stampAzureHeaders(at: date)
    }

    var description: String { "AzureAnonymousSigner()" }
}
