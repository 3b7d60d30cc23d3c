import Foundation

/// The standard AWS lookup order, so that LaminarDB finds credentials where the AWS CLI and SDKs do: explicit
/// options, then `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, then the profile named by the
/// `profile` option or `AWS_PROFILE` (else `default`) in `AWS_SHARED_CREDENTIALS_FILE` (else
/// `~/.aws/credentials`). As in the AWS SDKs, naming a profile explicitly skips the environment keys.
public struct AWSCredentialsChain: AWSCredentialsProvider, CustomStringConvertible {
    public var explicit: AWSCredentials?
    /// A profile chosen by configuration, which outranks `AWS_PROFILE`.
    public var profile: String?
    public var environment: [String: String]

    public init(
        explicit: AWSCredentials? = nil,
        profile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.explicit = explicit
        self.profile = profile
        self.environment = environment
    }

    /// The first credentials the chain finds, `nil` when no source has any. Throws `.invalidConfiguration` for a
    /// source that is set up wrongly: half of a key pair, a malformed file, a named profile that does not exist.
    public func resolve() throws(ObjectStoreError) -> AWSCredentials? {
        if let explicit { return explicit }
        if profile == nil, let fromEnvironment = try environmentCredentials() { return fromEnvironment }
        return try profileCredentials()
    }

    /// Runs the lookup on every call, so rotated keys are picked up; call `resolve()` once instead where a
    /// fixed set of credentials will do.
    public func credentials() async throws -> AWSCredentials? { try resolve() }

    public static let noCredentialsFound = ObjectStoreError(
        .invalidConfiguration,
        detail: "no AWS credentials found: set aws_access_key_id and aws_secret_access_key, the "
            + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables, or a profile in ~/.aws/credentials"
    )

    /// Where the profile lookup reads, if anywhere.
    public var credentialsFilePath: String? {
        if let path = value("AWS_SHARED_CREDENTIALS_FILE") { return Self.expandingTilde(path, home: value("HOME")) }
        return value("HOME").map { $0 + "/.aws/credentials" }
    }

    public var description: String {
        var sources: [String] = []
        if let explicit { sources.append("explicit \(explicit)") }
        if profile == nil { sources.append("environment") }
        sources.append("profile \(profile ?? value("AWS_PROFILE") ?? "default") in \(credentialsFilePath ?? "(no file)")")
        return "AWSCredentialsChain(" + sources.joined(separator: ", ") + ")"
    }

    private func environmentCredentials() throws(ObjectStoreError) -> AWSCredentials? {
        switch (value("AWS_ACCESS_KEY_ID"), value("AWS_SECRET_ACCESS_KEY")) {
        case (nil, nil):
            return nil
        case (let keyID?, let secret?):
            return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN"))
        case (nil, _):
            throw ObjectStoreError(
                .invalidConfiguration, detail: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"
            )
        case (_, nil):
            throw ObjectStoreError(
                .invalidConfiguration, detail: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"
            )
        }
    }

    private func profileCredentials() throws(ObjectStoreError) -> AWSCredentials? {
        let requested = profile ?? value("AWS_PROFILE")
        let name = requested ?? "default"
        guard let path = credentialsFilePath else {
            guard requested == nil else {
                throw ObjectStoreError(
                    .invalidConfiguration, detail: "AWS profile `\(name)` requested, but HOME is not set"
                )
            }
            return nil
        }
        do throws(AWSProfileFile.ParseError) {
            guard let file = try AWSProfileFile.load(path: path) else {
                guard requested == nil else {
                    throw AWSProfileFile.ParseError(
                        file: path, line: nil, reason: "AWS profile `\(name)` requested, but the file does not exist"
                    )
                }
                return nil
            }
            guard let credentials = try file.credentials(profile: name, file: path) else {
                guard requested == nil else {
                    throw AWSProfileFile.ParseError(
                        file: path, line: nil, reason: "no credentials for AWS profile `\(name)`"
                    )
                }
                return nil
            }
            return credentials
        } catch {
            throw ObjectStoreError(.invalidConfiguration, detail: error.description)
        }
    }

    /// A variable's value; empty counts as unset, as in the AWS tools.
    private func value(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func expandingTilde(_ path: String, home: String?) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home else { return path }
        return home + path.dropFirst()
    }
}
