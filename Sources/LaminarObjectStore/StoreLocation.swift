import Foundation

/// Where a table lives, parsed from the URL or path a user wrote, in the spellings delta-rs, Spark and fsspec
/// users already have: `/abs/path`, `file:///abs`, `memory://name/prefix`, `s3://` and `s3a://`, `gs://`,
/// `az://container/prefix` and `abfs[s]://container@account.dfs.core.windows.net/prefix`.
public struct StoreLocation: Hashable, Sendable, CustomStringConvertible {
    public enum Scheme: String, Sendable, Hashable {
        case file
        case memory
        case s3
        case gcs
        case azure
    }

    public var scheme: Scheme
    /// The S3 or GCS bucket, the Azure container, or the in-memory store's name; `nil` for local paths.
    public var bucket: String?
    /// The Azure storage account, when the URL names one (`container@account.dfs.core.windows.net`).
    public var account: String?
    /// The host after `@` in an `abfs[s]` URL, which also tells which cloud (public, China, government) the
    /// account is in.
    public var accountHost: String?
    /// The key prefix inside the bucket; for local paths, the absolute directory without its leading `/`.
    public var prefix: ObjectPath

    public init(scheme: Scheme, bucket: String? = nil, account: String? = nil, accountHost: String? = nil,
                prefix: ObjectPath = .root) {
        self.scheme = scheme
        self.bucket = bucket
        self.account = account
        self.accountHost = accountHost
        self.prefix = prefix
    }

    /// Parses `text`. A path without a scheme is local, resolved against `currentDirectory` (the process's
    /// when `nil`) and normalized lexically, since the directory may not exist yet.
    public init(_ text: String, currentDirectory: String? = nil) throws {
        guard !text.isEmpty else { throw Self.invalid(text, "the location is empty") }
        guard let (schemeName, rest) = Self.splitScheme(text) else {
            let path = Self.absolutePath(text, currentDirectory: currentDirectory)
            self.init(scheme: .file, prefix: try Self.keyPrefix(path[...], text: text, decoding: false))
            return
        }
        switch schemeName {
        case "file":
            let path = Self.absolutePath(try Self.fileURLPath(rest, text: text), currentDirectory: "/")
            self.init(scheme: .file, prefix: try Self.keyPrefix(path[...], text: text, decoding: false))
        case "memory":
            let (name, path) = try Self.authorityAndPath(rest, text: text)
            self.init(scheme: .memory, bucket: name, prefix: try Self.keyPrefix(path, text: text))
        case "s3", "s3a", "gs":
            let (bucket, path) = try Self.authorityAndPath(rest, text: text)
            try Self.validateBucket(bucket, text: text)
            self.init(scheme: schemeName == "gs" ? .gcs : .s3, bucket: bucket, prefix: try Self.keyPrefix(path, text: text))
        case "az", "abfs", "abfss":
            let (authority, path) = try Self.authorityAndPath(rest, text: text)
            var container = authority
            var account: String?
            var host: String?
            if schemeName != "az", let at = authority.firstIndex(of: "@") {
                container = String(authority[..<at])
                let accountHost = authority[authority.index(after: at)...]
                let name = accountHost.prefix { $0 != "." }
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }) else {
                    throw Self.invalid(text, "`\(accountHost)` does not start with a storage account name")
                }
                account = String(name)
                host = String(accountHost)
            }
            try Self.validateBucket(container, text: text)
            self.init(scheme: .azure, bucket: container, account: account, accountHost: host,
                      prefix: try Self.keyPrefix(path, text: text))
        default:
            throw Self.invalid(text, "unsupported scheme `\(schemeName)`")
        }
    }

    /// The vendor whose options configure this location.
    public var provider: CloudProvider? {
        switch scheme {
        case .file, .memory: nil
        case .s3: .aws
        case .gcs: .google
        case .azure: .azure
        }
    }

    /// The absolute directory of a local location.
    public var localDirectory: String? { scheme == .file ? "/" + prefix.rawValue : nil }

    /// The location in canonical URL form, for messages and logs.
    public var description: String {
        let path = prefix.isRoot ? "" : "/" + prefix.rawValue
        switch scheme {
        case .file: return "file://" + (localDirectory ?? "/")
        case .memory: return "memory://\(bucket ?? "")\(path)"
        case .s3: return "s3://\(bucket ?? "")\(path)"
        case .gcs: return "gs://\(bucket ?? "")\(path)"
        case .azure:
            guard let accountHost else { return "az://\(bucket ?? "")\(path)" }
            return "abfss://\(bucket ?? "")@\(accountHost)\(path)"
        }
    }

    /// The lowercased scheme and what follows its `:`, when `text` starts with one. A scheme needs two
    /// characters, so a Windows drive letter is not one.
    private static func splitScheme(_ text: String) -> (String, Substring)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon]
        guard name.count >= 2, let first = name.first, first.isASCII, first.isLetter,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return (name.lowercased(), text[text.index(after: colon)...])
    }

    /// `//authority/path` split at the first `/` after the authority.
    private static func authorityAndPath(_ rest: Substring, text: String) throws -> (String, Substring) {
        guard rest.hasPrefix("//") else { throw invalid(text, "expected `//` after the scheme") }
        let afterSlashes = rest.dropFirst(2)
        let slash = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
        let authority = afterSlashes[..<slash]
        if authority.contains("?") || authority.contains("#") {
            throw invalid(text, "query strings and fragments are not supported")
        }
        return (String(authority), afterSlashes[slash...])
    }

    /// `file:///abs`, `file://localhost/abs` or `file:/abs`; any other host is on another machine.
    private static func fileURLPath(_ rest: Substring, text: String) throws -> String {
        var path = rest
        if rest.hasPrefix("//") {
            let (host, remainder) = try authorityAndPath(rest, text: text)
            guard host.isEmpty || host.lowercased() == "localhost" else {
                throw invalid(text, "file URLs on another host (`\(host)`) are not supported")
            }
            path = remainder
        }
        guard path.isEmpty || path.hasPrefix("/") else { throw invalid(text, "a file URL needs an absolute path") }
        return try decodedPath(path, text: text)
    }

    private static func keyPrefix(_ path: Substring, text: String, decoding: Bool = true) throws -> ObjectPath {
        let decoded = decoding ? try decodedPath(path, text: text) : String(path)
        do {
            return try ObjectPath(decoded)
        } catch let error as ObjectStoreError {
            throw invalid(text, error.detail)
        }
    }

    /// A URL path with its percent-escapes decoded; the raw `?` and `#` that would start a query or fragment
    /// are refused rather than silently dropped from the key prefix.
    private static func decodedPath(_ path: Substring, text: String) throws -> String {
        if path.contains("?") || path.contains("#") {
            throw invalid(text, "query strings and fragments are not supported")
        }
        var bytes: [UInt8] = []
        var utf8 = path.utf8[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            let hex = utf8.prefix(2)
            guard hex.count == 2, hex.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
                  let value = UInt8(String(decoding: hex, as: UTF8.self), radix: 16)
            else {
                throw invalid(text, "a `%` is not followed by two hexadecimal digits")
            }
            bytes.append(value)
            utf8 = utf8.dropFirst(2)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw invalid(text, "the percent-decoded path is not UTF-8")
        }
        return decoded
    }

    /// `path` made absolute against `currentDirectory` (the process's when `nil`), with `.` segments removed
    /// and `..` applied lexically (`..` at `/` stays at `/`, as the kernel does), since the directory need not
    /// exist yet.
    static func absolutePath(_ path: String, currentDirectory: String?) -> String {
        let base = path.hasPrefix("/") ? "" : currentDirectory ?? FileManager.default.currentDirectoryPath
        var segments: [Substring] = []
        for segment in (base + "/" + path).split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    /// Bucket and container names are DNS-like on every cloud; anything else means a mistyped URL, or one
    /// with credentials in it (`s3://key:secret@bucket`), which must not be accepted as a bucket name.
    private static func validateBucket(_ name: String, text: String) throws {
        guard !name.isEmpty else { throw invalid(text, "the bucket or container name is missing") }
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._$".contains($0)) }) else {
            throw invalid(text, "a bucket or container name has only letters, digits, `-`, `.`, `_` and `$`")
        }
    }

    private static func invalid(_ text: String, _ reason: String) -> ObjectStoreError {
        ObjectStoreError(.invalidConfiguration, path: redacted(text), detail: "not a store location: \(reason)")
    }

    /// `text` safe to print: credentials before an `@` and a query string (an Azure SAS token) are masked.
    /// The `container@account` form of `abfs[s]` has no `:` before its `@` and stays readable.
    static func redacted(_ text: String) -> String {
        var text = Substring(text)
        var query = ""
        if let mark = text.firstIndex(of: "?") {
            text = text[..<mark]
            query = "?***"
        }
        guard let separator = text.range(of: "://") else { return String(text) + query }
        let authorityStart = separator.upperBound
        let authorityEnd = text[authorityStart...].firstIndex(of: "/") ?? text.endIndex
        let authority = text[authorityStart..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return String(text) + query }
        let scheme = text[..<separator.lowerBound].lowercased()
        let userInfo = authority[..<at]
        if scheme.hasPrefix("abfs"), !userInfo.contains(":") { return String(text) + query }
        return String(text[..<authorityStart]) + "***" + String(text[at...]) + query
    }
}
