import Foundation

/// Sends requests without credentials: for public buckets (`skip_signature`), for emulators that accept
/// anyone, and for OAuth token exchanges, whose credential travels in the body instead.
public struct UnsignedRequests: RequestSigner, CustomStringConvertible {
    public init() {}

    public func sign(_ request: inout SignableRequest, at date: Date) async throws {}

    public var description: String { "UnsignedRequests" }
}
