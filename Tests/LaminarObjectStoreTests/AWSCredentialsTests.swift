import Foundation
import LaminarObjectStore
import Testing

@Suite struct AWSCredentialsTests {
    static let keyID = "AKIDPROFILE"
    static let secret = "profile/SECRET+value"

    /// Writes `text` as a credentials file in a fresh directory and passes its path.
    func withCredentialsFile<T>(_ text: String, _ body: (String) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { directory in
            let path = directory + "/credentials"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return try await body(path)
        }
    }

    @Test func explicitCredentialsComeFirst() throws {
        let explicit = AWSCredentials(accessKeyID: "AKIDEXPLICIT", secretAccessKey: "s")
        let chain = AWSCredentialsChain(
            explicit: explicit, environment: ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "e"]
        )
        #expect(try chain.resolve() == explicit)
    }

    @Test func environmentVariables() throws {
        let chain = AWSCredentialsChain(environment: [
            "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token",
            "HOME": "/nonexistent",
        ])
        #expect(
            try chain.resolve()
                == AWSCredentials(accessKeyID: "AKIDENV", secretAccessKey: "env-secret", sessionToken: "env-token")
        )
    }

    @Test func halfAKeyPairIsAnError() {
        for environment in [["AWS_ACCESS_KEY_ID": "AKIDENV"], ["AWS_SECRET_ACCESS_KEY": "env-secret"]] {
            #expect {
                try AWSCredentialsChain(environment: environment).resolve()
            } throws: { error in
                guard let error = error as? ObjectStoreError else { return false }
                return error.kind == .invalidConfiguration && !error.description.contains("env-secret")
            }
        }
    }

    @Test func nothingConfiguredFindsNothing() throws {
        #expect(try AWSCredentialsChain(environment: ["HOME": "/nonexistent"]).resolve() == nil)
        #expect(try AWSCredentialsChain(environment: [:]).resolve() == nil)
        #expect(try AWSCredentialsChain(environment: ["AWS_ACCESS_KEY_ID": "", "HOME": "/nonexistent"]).resolve() == nil)
    }

    static let profiles = """
        # leading comment
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key=default-secret
        ; another comment

        [dev]
        AWS_Access_Key_Id = \(keyID)\r
        aws_secret_access_key = \(secret)
        aws_session_token = dev-token
        s3 =
            max_concurrent_requests = 20
        region = eu-west-1

        [empty]
        region = us-east-1
        """

    @Test func profileFromTheSharedCredentialsFile() async throws {
        try await withCredentialsFile(Self.profiles) { path in
            let base = ["AWS_SHARED_CREDENTIALS_FILE": path, "HOME": "/nonexistent"]
            let byDefault = try AWSCredentialsChain(environment: base).resolve()
            let byVariable = try AWSCredentialsChain(environment: base.merging(["AWS_PROFILE": "dev"]) { $1 }).resolve()
            let byOption = try AWSCredentialsChain(profile: "dev", environment: base).resolve()
            #expect(byDefault == AWSCredentials(accessKeyID: "AKIDDEFAULT", secretAccessKey: "default-secret"))
            let dev = AWSCredentials(accessKeyID: Self.keyID, secretAccessKey: Self.secret, sessionToken: "dev-token")
            #expect(byVariable == dev)
            #expect(byOption == dev)
        }
    }

    @Test func profileInTheHomeDirectory() async throws {
        try await withTemporaryDirectory { home in
            try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
            try Data(Self.profiles.utf8).write(to: URL(fileURLWithPath: home + "/.aws/credentials"))
            let chain = AWSCredentialsChain(environment: ["HOME": home, "AWS_PROFILE": "dev"])
            let resolved = try chain.resolve()
            #expect(chain.credentialsFilePath == home + "/.aws/credentials")
            #expect(resolved?.accessKeyID == Self.keyID)
        }
    }

    /// Naming a profile in the options means that profile, even when the environment holds keys.
    @Test func anExplicitProfileOutranksTheEnvironment() async throws {
        try await withCredentialsFile(Self.profiles) { path in
            let environment = [
                "AWS_SHARED_CREDENTIALS_FILE": path, "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "e",
            ]
            let fromEnvironment = try AWSCredentialsChain(environment: environment).resolve()
            let fromProfile = try AWSCredentialsChain(profile: "dev", environment: environment).resolve()
            #expect(fromEnvironment?.accessKeyID == "AKIDENV")
            #expect(fromProfile?.accessKeyID == Self.keyID)
        }
    }

    @Test func aRequestedProfileMustExist() async throws {
        try await withCredentialsFile(Self.profiles) { path in
            for profile in ["missing", "empty"] {
                let chain = AWSCredentialsChain(environment: ["AWS_SHARED_CREDENTIALS_FILE": path, "AWS_PROFILE": profile])
                #expect(throws: ObjectStoreError.self) { try chain.resolve() }
            }
            let absent = AWSCredentialsChain(
                profile: "dev", environment: ["AWS_SHARED_CREDENTIALS_FILE": path + ".absent"]
            )
            #expect(throws: ObjectStoreError.self) { try absent.resolve() }
        }
    }

    @Test func iniParsing() throws {
        let file = try AWSProfileFile(parsing: Self.profiles, file: "credentials")
        #expect(file.sections["dev"]?["aws_access_key_id"] == Self.keyID)
        #expect(file.sections["dev"]?["region"] == "eu-west-1", "the indented lines belong to `s3`")
        #expect(file.sections["dev"]?["max_concurrent_requests"] == nil)
        #expect(file.sections["empty"] == ["region": "us-east-1"])
        #expect(try file.credentials(profile: "empty", file: "credentials") == nil)
    }

    /// Errors name the file and line but never quote the line, which may hold a secret.
    @Test(arguments: [
        ("aws_secret_access_key = leaked-secret\n[default]\n", 1, "before the first"),
        ("[default]\naws_access_key_id = A\nleaked-secret\n", 3, "expected"),
        ("[default\naws_secret_access_key = leaked-secret\n", 1, "closing"),
        ("[]\n", 1, "empty section"),
        ("[default]\n= leaked-secret\n", 2, "without a name"),
        ("  indented = leaked-secret\n", 1, "indented"),
    ])
    func malformedFiles(text: String, line: Int, reason: String) {
        #expect {
            try AWSProfileFile(parsing: text, file: "/home/u/.aws/credentials")
        } throws: { error in
            guard let error = error as? AWSProfileFile.ParseError else { return false }
            return error.file == "/home/u/.aws/credentials" && error.line == line && error.reason.contains(reason)
                && error.description.hasPrefix("/home/u/.aws/credentials:\(line): ")
                && !error.description.contains("leaked-secret")
        }
    }

    @Test func aProfileWithHalfAKeyPairIsAnError() throws {
        let file = try AWSProfileFile(parsing: "[p]\naws_secret_access_key = leaked-secret\n", file: "f")
        #expect(throws: AWSProfileFile.ParseError.self) { try file.credentials(profile: "p", file: "f") }
    }

    @Test func descriptionsHideSecrets() throws {
        let credentials = AWSCredentials(accessKeyID: "AKIDSHOWN", secretAccessKey: "hidden-secret", sessionToken: "hidden-token")
        var dumped = ""
        dump(credentials, to: &dumped)
        let chain = AWSCredentialsChain(explicit: credentials, environment: [:])
        let signer = SigV4Signer(credentials: chain, region: "us-east-1")
        for text in [
            credentials.description, credentials.debugDescription, String(reflecting: credentials), "\(credentials)",
            dumped, chain.description, "\(signer)", String(reflecting: signer),
        ] {
            #expect(text.contains("AKIDSHOWN"), "\(text)")
            #expect(!text.contains("hidden-secret"), "\(text)")
            #expect(!text.contains("hidden-token"), "\(text)")
        }
    }
}
