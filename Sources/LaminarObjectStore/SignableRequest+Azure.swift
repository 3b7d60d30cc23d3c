import Foundation

extension SignableRequest {
    /// The Blob service REST version every request asks for. One fixed version keeps answers (error codes,
    /// the `Encoded` attribute of listed names, block size limits) the same whatever the account's default is.
    static let azureAPIVersion = "2023-11-03"

    /// Sets `x-ms-version` and `x-ms-date`, which every authorization scheme sends; Shared Key signs them.
    mutating func stampAzureHeaders(at date: Date) {
        setHeader("x-ms-version", Self.azureAPIVersion)
        setHeader("x-ms-date", UTCTimestamp(date).httpDate)
    }
}
