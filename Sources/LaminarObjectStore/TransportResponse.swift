/// A server's answer with its body read completely. Object store answers are either small XML/JSON documents
/// or object bytes the caller asked for in full, so nothing is gained by streaming them through the backends.
public struct TransportResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// What was asked, redacted, for error messages: `PUT https://host/bucket/key`.
    public var requestSummary: String

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8], requestSummary: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.requestSummary = requestSummary
    }

    /// The value of the first header called `name`, compared case-insensitively as HTTP does.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}
