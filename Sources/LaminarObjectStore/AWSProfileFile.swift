import Foundation

/// The INI dialect of `~/.aws/credentials` and `~/.aws/config`: `[section]` headers, `key = value` lines, `#`
/// and `;` comment lines, and indented continuation lines (nested settings such as `s3 =`), which are skipped.
/// Parse errors name the file and line but never quote the line, because the line may hold a secret.
public struct AWSProfileFile: Sendable, Hashable {
    /// A file that cannot be read or parsed. `line` is 1-based, `nil` when the whole file is at fault.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var reason: String

        public init(file: String, line: Int?, reason: String) {
            self.file = file
            self.line = line
            self.reason = reason
        }

        public var description: String {
            "\(file)" + (line.map { ":\($0)" } ?? "") + ": \(reason)"
        }
    }

    /// Settings by section name, as written (`default`, `profile dev`); keys are lowercased because the AWS
    /// tools treat them case-insensitively.
    public var sections: [String: [String: String]]

    public init(sections: [String: [String: String]]) {
        self.sections = sections
    }

    /// Parses `text`; `file` only names the source in errors.
    public init(parsing text: String, file: String) throws(ParseError) {
        var sections: [String: [String: String]] = [:]
        var current: String?
        var lastKeyLine: Int?
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if rawLine.first == " " || rawLine.first == "\t" {
                guard lastKeyLine != nil else {
                    throw ParseError(file: file, line: lineNumber, reason: "indented line outside of a setting")
                }
                continue
            }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count >= 2 else {
                    throw ParseError(file: file, line: lineNumber, reason: "section header without a closing `]`")
                }
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    throw ParseError(file: file, line: lineNumber, reason: "empty section name")
                }
                current = name
                if sections[name] == nil { sections[name] = [:] }
                lastKeyLine = nil
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ParseError(file: file, line: lineNumber, reason: "expected `[section]` or `key = value`")
            }
            guard let section = current else {
                throw ParseError(file: file, line: lineNumber, reason: "setting before the first `[section]`")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            guard !key.isEmpty else {
                throw ParseError(file: file, line: lineNumber, reason: "setting without a name")
            }
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            sections[section, default: [:]][key] = value
            lastKeyLine = lineNumber
        }
        self.sections = sections
    }

    /// Reads and parses the file at `path`; `nil` when there is no such file.
    public static func load(path: String) throws(ParseError) -> AWSProfileFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(file: path, line: nil, reason: "the file cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ParseError(file: path, line: nil, reason: "the file is not UTF-8 text")
        }
        return try AWSProfileFile(parsing: text, file: path)
    }

    /// The credentials of profile `name`; `nil` when there is no such section. A section with an access key but
    /// no secret (or the reverse) is an error, not an absence: the user meant to configure it.
    public func credentials(profile name: String, file: String) throws(ParseError) -> AWSCredentials? {
        guard let settings = sections[name] else { return nil }
        let keyID = settings["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = settings["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
        switch (keyID, secret) {
        case (nil, nil):
            return nil
        case (let keyID?, let secret?):
            let token = settings["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
            return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token)
        case (nil, _):
            throw ParseError(file: file, line: nil, reason: "profile `\(name)` has no aws_access_key_id")
        case (_, nil):
            throw ParseError(file: file, line: nil, reason: "profile `\(name)` has no aws_secret_access_key")
        }
    }
}
