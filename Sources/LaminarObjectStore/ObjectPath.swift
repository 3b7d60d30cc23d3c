/// A key inside a store: `/`-separated segments, no leading or trailing slash, no empty, `.` or `..` segment.
/// Keeping keys canonical means two spellings of one object can never race each other in `putIfAbsent`.
public struct ObjectPath: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    /// Canonicalizes `raw`: drops leading, trailing and repeated slashes; rejects `.` and `..` segments.
    public init(_ raw: String) throws {
        let segments = raw.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments where segment == "." || segment == ".." {
            throw ObjectStoreError(.invalidPath, path: raw, detail: "`.` and `..` segments are not allowed")
        }
        rawValue = segments.joined(separator: "/")
    }

    /// For literals in code, which are known to be canonical; a bad literal is a programming error caught by
    /// tests, never input.
    public init(stringLiteral value: String) {
        rawValue = value.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    public static let root = ObjectPath(stringLiteral: "")

    public var isRoot: Bool { rawValue.isEmpty }
    public var segments: [Substring] { rawValue.split(separator: "/") }
    public var filename: Substring? { segments.last }

    /// `self` followed by `child`'s segments.
    public func appending(_ child: String) throws -> ObjectPath {
        try ObjectPath(isRoot ? child : rawValue + "/" + child)
    }

    /// Whether `self` lies under `prefix` at a segment boundary (`a/bc` is not under `a/b`).
    public func isUnder(_ prefix: ObjectPath) -> Bool {
        prefix.isRoot || rawValue == prefix.rawValue || rawValue.hasPrefix(prefix.rawValue + "/")
    }

    public var description: String { rawValue }
    public static func < (lhs: ObjectPath, rhs: ObjectPath) -> Bool { lhs.rawValue < rhs.rawValue }
}
