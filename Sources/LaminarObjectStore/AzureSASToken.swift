/// A shared access signature, split into its decoded query parameters (`sv`, `sp`, `se`, `sig`, …) so that
/// `SignableRequest` encodes them once, like every other parameter. Every value is treated as secret: `sig`
/// grants access, and the rest is nobody's business in a log line.
public struct AzureSASToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let items: [(name: String, value: String)]

    /// Parses `sv=…&sig=…`, with or without a leading `?`. A `+` stays a plus: a token's values are
    /// percent-encoded, and a raw `+` in a signature means the base64 character, never a space.
    public init(_ token: String) throws {
        var text = Substring(token.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.hasPrefix("?") { text = text.dropFirst() }
        var items: [(name: String, value: String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = URIEncoding.decode(String(parts[0])), !name.isEmpty,
                let value = URIEncoding.decode(parts.count > 1 ? String(parts[1]) : "")
            else {
                throw Self.malformed("a parameter is not percent-encoded correctly")
            }
            items.append((name, value))
        }
        guard items.contains(where: { $0.name == "sig" && !$0.value.isEmpty }) else {
            throw Self.malformed("it has no `sig` parameter")
        }
        guard !items.contains(where: { ["restype", "comp", "blockid", "prefix", "marker"].contains($0.name) }) else {
            throw Self.malformed("it carries request parameters, not only signature parameters")
        }
        self.items = items
    }

    /// The token as a query string, for the source URL of a copy.
    var encodedQuery: String {
        items.map { URIEncoding.encode($0.name) + "=" + URIEncoding.encode($0.value) }.joined(separator: "&")
    }

    private static func malformed(_ reason: String) -> ObjectStoreError {
        ObjectStoreError(.invalidConfiguration, detail: "the Azure SAS token is malformed: \(reason)")
    }

    public var description: String { "AzureSASToken(REDACTED)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["token": "REDACTED"], displayStyle: .struct) }
}
