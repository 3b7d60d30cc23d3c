import Crypto
import Foundation

/// Azure Storage Shared Key authorization (the 2009-09-19 and later scheme for the Blob service): an
/// HMAC-SHA256, keyed with the decoded account key, over a string built from the request exactly as Microsoft's
/// "Authorize with Shared Key" page prescribes. Written here so every signed byte is visible and tested against
/// Microsoft's published examples and the Azure SDK's own implementation.
public struct AzureSharedKeySigner: RequestSigner, CustomStringConvertible, CustomReflectable {
    public let account: String
    /// The decoded account key (`SymmetricKey` is not `Sendable`, so one is made per signature).
    let key: [UInt8]

    init(account: String, key: [UInt8]) {
        self.account = account
        self.key = key
    }

    public func sign(_ request: inout SignableRequest, at date: Date) async throws {
        signSynchronously(&request, at: date)
    }

    /// Adds `x-ms-version`, `x-ms-date` and `Authorization: SharedKey account:signature`.
    func signSynchronously(_ request: inout SignableRequest, at date: Date) {
        request.headers.removeAll { $0.name.lowercased() == "authorization" }
        request.stampAzureHeaders(at: date)
        let stringToSign = Self.stringToSign(request, account: account)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: SymmetricKey(data: key))
        let signature = Data(mac)
        request.headers.append(("Authorization", "SharedKey \(account):\(signature.base64EncodedString())"))
    }

    /// The string-to-sign: the verb, eleven standard headers in a fixed order (empty when absent), the `x-ms-`
    /// headers, and the canonicalized resource.
    ///
    /// `Content-Length` is the length the HTTP client will send (the body's, unless the request sets the header)
    /// and is empty when zero, as required since version 2015-02-21. `Date` is empty because `x-ms-date` is
    /// always sent. `Range` is whatever a `Range` header says; the store reads ranges with `x-ms-range`, which
    /// is signed among the canonicalized headers instead.
    static func stringToSign(_ request: SignableRequest, account: String) -> String {
        let contentLength = request.header("Content-Length") ?? String(request.body.count)
        let standard: [String] = [
            request.header("Content-Encoding") ?? "",
            request.header("Content-Language") ?? "",
            contentLength == "0" ? "" : contentLength,
            request.header("Content-MD5") ?? "",
            request.header("Content-Type") ?? "",
            request.header("x-ms-date") == nil ? request.header("Date") ?? "" : "",
            request.header("If-Modified-Since") ?? "",
            request.header("If-Match") ?? "",
            request.header("If-None-Match") ?? "",
            request.header("If-Unmodified-Since") ?? "",
            request.header("Range") ?? "",
        ]
        return request.method.uppercased() + "\n" + standard.map { $0 + "\n" }.joined()
            + canonicalizedHeaders(request) + canonicalizedResource(request, account: account)
    }

    /// Every `x-ms-` header as `name:value\n`: names lowercased and sorted, each once (repeated headers joined
    /// with commas), values with their surrounding whitespace trimmed and inner runs of it folded to one space.
    static func canonicalizedHeaders(_ request: SignableRequest) -> String {
        var values: [String: [String]] = [:]
        for header in request.headers {
            let name = header.name.lowercased()
            guard name.hasPrefix("x-ms-") else { continue }
            values[name, default: []].append(foldWhitespace(header.value))
        }
        return values.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { "\($0):\(values[$0, default: []].joined(separator: ","))\n" }
            .joined()
    }

    /// `/account` and the encoded URI path as sent, then one `\nname:value` line per query parameter: names
    /// lowercased and sorted, values decoded, a repeated parameter's values sorted and joined with commas.
    /// With a path-style endpoint such as Azurite's the path already starts with the account, so it appears
    /// twice (`/devstoreaccount1/devstoreaccount1/container/blob`); that is what the service computes too.
    static func canonicalizedResource(_ request: SignableRequest, account: String) -> String {
        var grouped: [String: [String]] = [:]
        for item in request.query {
            grouped[item.name.lowercased(), default: []].append(item.value)
        }
        let parameters = grouped.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { name in
                let joined = grouped[name, default: []]
                    .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                    .joined(separator: ",")
                return "\n\(name):\(joined)"
            }
        return "/" + account + request.encodedPath + parameters.joined()
    }

    private static func foldWhitespace(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
            .joined(separator: " ")
    }

    public var description: String { "AzureSharedKeySigner(account: \(account))" }

    public var customMirror: Mirror {
        Mirror(self, children: ["account": account, "key": "REDACTED"], displayStyle: .struct)
    }
}
