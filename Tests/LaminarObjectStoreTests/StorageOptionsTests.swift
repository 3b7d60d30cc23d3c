import LaminarObjectStore
import Testing

@Suite struct StorageOptionsTests {
    static let accessors: [String: @Sendable (StorageOptions) -> String?] = [
        "awsEndpoint": { $0.awsEndpoint }, "awsRegion": { $0.awsRegion }, "awsAccessKeyID": { $0.awsAccessKeyID },
        "awsSecretAccessKey": { $0.awsSecretAccessKey }, "awsSessionToken": { $0.awsSessionToken },
        "awsProfile": { $0.awsProfile }, "googleServiceAccountPath": { $0.googleServiceAccountPath },
        "googleServiceAccountKey": { $0.googleServiceAccountKey },
        "googleApplicationCredentials": { $0.googleApplicationCredentials }, "googleEndpoint": { $0.googleEndpoint },
        "azureAccountName": { $0.azureAccountName }, "azureAccountKey": { $0.azureAccountKey },
        "azureSASToken": { $0.azureSASToken }, "azureEndpoint": { $0.azureEndpoint },
        "azureBearerToken": { $0.azureBearerToken }, "azureClientID": { $0.azureClientID },
        "azureClientSecret": { $0.azureClientSecret }, "azureTenantID": { $0.azureTenantID },
    ]

    /// Every spelling delta-rs and object_store users write for a setting, in any case, reaches its accessor.
    @Test(arguments: [
        ("AWS_ENDPOINT_URL", "awsEndpoint"), ("aws_endpoint", "awsEndpoint"),
        ("Aws_Endpoint", "awsEndpoint"), ("endpoint", "awsEndpoint"), ("ENDPOINT_URL", "awsEndpoint"),
        ("AWS_REGION", "awsRegion"), ("region", "awsRegion"), ("AWS_DEFAULT_REGION", "awsRegion"),
        ("default_region", "awsRegion"),
        ("AWS_ACCESS_KEY_ID", "awsAccessKeyID"), ("access_key_id", "awsAccessKeyID"),
        ("AWS_SECRET_ACCESS_KEY", "awsSecretAccessKey"), ("secret_access_key", "awsSecretAccessKey"),
        ("AWS_SESSION_TOKEN", "awsSessionToken"), ("aws_token", "awsSessionToken"), ("token", "awsSessionToken"),
        ("session_token", "awsSessionToken"), ("AWS_PROFILE", "awsProfile"), ("profile", "awsProfile"),
        ("GOOGLE_SERVICE_ACCOUNT", "googleServiceAccountPath"), ("google_service_account_path", "googleServiceAccountPath"),
        ("service_account", "googleServiceAccountPath"), ("GOOGLE_SERVICE_ACCOUNT_KEY", "googleServiceAccountKey"),
        ("service_account_key", "googleServiceAccountKey"),
        ("GOOGLE_APPLICATION_CREDENTIALS", "googleApplicationCredentials"),
        ("GOOGLE_STORAGE_ENDPOINT", "googleEndpoint"), ("endpoint", "googleEndpoint"),
        ("AZURE_STORAGE_ACCOUNT_NAME", "azureAccountName"), ("account_name", "azureAccountName"),
        ("AZURE_STORAGE_ACCOUNT_KEY", "azureAccountKey"), ("azure_storage_access_key", "azureAccountKey"),
        ("access_key", "azureAccountKey"), ("master_key", "azureAccountKey"),
        ("AZURE_STORAGE_SAS_TOKEN", "azureSASToken"), ("azure_storage_sas_key", "azureSASToken"),
        ("sas_token", "azureSASToken"), ("AZURE_STORAGE_ENDPOINT", "azureEndpoint"), ("azure_endpoint", "azureEndpoint"),
        ("bearer_token", "azureBearerToken"), ("AZURE_CLIENT_ID", "azureClientID"),
        ("azure_storage_client_secret", "azureClientSecret"), ("AZURE_TENANT_ID", "azureTenantID"),
        ("authority_id", "azureTenantID"),
    ])
    func spellingsReachTheirAccessor(name: String, accessor: String) throws {
        let options = StorageOptions([name: "value-of-\(name)"])
        let read = try #require(Self.accessors[accessor])
        #expect(read(options) == "value-of-\(name)")
        #expect(options[name.uppercased()] == "value-of-\(name)")
        #expect(options.unrecognized.isEmpty)
    }

    @Test func vendorSpecificNamesWinOverShortOnesAndStayWithTheirVendor() {
        let options: StorageOptions = [
            "region": "us-east-1", "aws_region": "eu-west-1",
            "endpoint": "http://shared:9000", "AZURE_STORAGE_ENDPOINT": "http://azurite:10000",
        ]
        #expect(options.awsRegion == "eu-west-1")
        #expect(options.value(.region, for: .google) == "us-east-1")
        #expect(options.azureEndpoint == "http://azurite:10000")
        #expect(options.awsEndpoint == "http://shared:9000")
        #expect(options.googleEndpoint == "http://shared:9000")
    }

    /// `AWS_ENDPOINT_URL` is the preferred spelling; which spelling a dictionary yields first must not matter.
    @Test func thePreferredSpellingWinsWhateverTheOrder() {
        for _ in 0..<20 {
            var pairs = [("AWS_ENDPOINT", "old"), ("aws_endpoint_url", "new"), ("endpoint_url", "short")]
            pairs.shuffle()
            #expect(StorageOptions(Dictionary(uniqueKeysWithValues: pairs)).awsEndpoint == "new")
        }
        #expect(StorageOptions(["AWS_DEFAULT_REGION": "fallback", "AWS_REGION": "main"]).awsRegion == "main")
    }

    @Test func laterSetReplacesEarlier() {
        var options = StorageOptions()
        options.set("AWS_REGION", to: "a")
        options.set("aws_region", to: "b")
        #expect(options.awsRegion == "b")
        #expect(!options.isEmpty)
    }

    @Test func environmentFillsOnlyWhatExplicitOptionsLeaveUnset() {
        let environment = [
            "AWS_REGION": "env-region", "AWS_ACCESS_KEY_ID": "env-key", "AZURE_STORAGE_ACCOUNT_NAME": "envaccount",
            "REGION": "not-for-us", "TOKEN": "not-for-us", "HOME": "/root", "AWS_ENDPOINT_URL": "http://env:9000",
        ]
        let merged = StorageOptions(["region": "explicit-region", "aws_endpoint": "http://explicit:9000"])
            .merging(environment: environment)
        #expect(merged.awsRegion == "explicit-region")
        #expect(merged.awsEndpoint == "http://explicit:9000")
        #expect(merged.awsAccessKeyID == "env-key")
        #expect(merged.azureAccountName == "envaccount")
        #expect(merged.awsSessionToken == nil, "a bare TOKEN variable is not an AWS option")
        #expect(merged.unrecognized.isEmpty, "unknown variables are not taken in")

        let fromEnvironmentOnly = StorageOptions().merging(environment: ["REGION": "x", "AWS_DEFAULT_REGION": "y"])
        #expect(fromEnvironmentOnly.awsRegion == "y")
        let explicitFallback = StorageOptions(["aws_default_region": "explicit"])
            .merging(environment: ["AWS_REGION": "env"])
        #expect(explicitFallback.awsRegion == "explicit", "explicit options win even over a preferred variable")
    }

    @Test func mergesTheProcessEnvironment() {
        // PATH is in every environment and is not a storage option; nothing else can be assumed about it.
        let options = StorageOptions(["aws_region": "kept"]).mergingProcessEnvironment()
        #expect(options.awsRegion == "kept")
        #expect(options["PATH"] == nil)
    }

    @Test func parsesFlagsStrictly() throws {
        let options: StorageOptions = [
            "AWS_ALLOW_HTTP": "TRUE", "aws_virtual_hosted_style_request": "0", "azure_storage_use_emulator": "yes",
            "google_skip_signature": "maybe",
        ]
        #expect(try options.allowHTTP(for: .aws))
        #expect(try !options.allowHTTP(for: .azure), "an AWS_ name does not configure Azure")
        #expect(try !options.awsVirtualHostedStyleRequest)
        #expect(try options.azureUseEmulator)
        #expect(try !options.awsSkipSignature)
        #expect(throws: ObjectStoreError.self) { try options.googleSkipSignature }
        #expect(try StorageOptions(["allow_http": "on"]).allowHTTP(for: .google))
        #expect(try !StorageOptions().allowInvalidCertificates(for: .aws))
    }

    @Test func parsesDurations() throws {
        #expect(try StorageOptions(["timeout": "30s"]).timeout(for: .aws) == .seconds(30))
        #expect(try StorageOptions(["timeout": "45"]).timeout(for: .aws) == .seconds(45))
        #expect(try StorageOptions(["aws_connect_timeout": "500ms"]).connectTimeout(for: .aws) == .milliseconds(500))
        #expect(try StorageOptions(["aws_connect_timeout": "500ms"]).connectTimeout(for: .google) == nil)
        #expect(try StorageOptions(["azure_timeout": "2m"]).timeout(for: .azure) == .seconds(120))
        #expect(try StorageOptions(["timeout": "1 h"]).timeout(for: .azure) == .seconds(3600))
        #expect(throws: ObjectStoreError.self) { try StorageOptions(["timeout": "soon"]).timeout(for: .aws) }
        #expect(throws: ObjectStoreError.self) { try StorageOptions(["timeout": "-5s"]).timeout(for: .aws) }
        #expect(throws: ObjectStoreError.self) {
            try StorageOptions(["timeout": "9223372036854775807h"]).timeout(for: .aws)
        }
    }

    @Test func keepsUnrecognizedOptions() {
        let options: StorageOptions = ["AWS_CONDITIONAL_PUT": "etag"]
        #expect(options.unrecognized == ["aws_conditional_put": "etag"])
        #expect(options["aws_conditional_put"] == "etag")
    }

    @Test func keysHaveAPreferredSpelling() {
        #expect(StorageOptionKey("AWS_ENDPOINT")?.description == "aws_endpoint_url")
        #expect(StorageOptionKey("AWS_ENDPOINT") == StorageOptionKey(provider: .aws, setting: .endpoint))
        #expect(StorageOptionKey("sas_key") == StorageOptionKey(provider: nil, setting: .sasToken))
        #expect(StorageOptionKey("azure_allow_http") == StorageOptionKey(provider: .azure, setting: .allowHTTP))
        #expect(StorageOptionKey("no_such_option") == nil)
    }

    @Test func secretsNeverAppearInDescriptions() {
        let secrets = (1...9).map { "SECRETVALUE\($0)" }
        var options = StorageOptions([
            "AWS_SECRET_ACCESS_KEY": secrets[0], "aws_session_token": secrets[1], "azure_storage_account_key": secrets[2],
            "AZURE_STORAGE_SAS_TOKEN": secrets[3], "google_service_account_key": secrets[4], "client_secret": secrets[5],
            "my_custom_password": secrets[6], "aws_endpoint": "http://user:\(secrets[7])@minio:9000/",
            "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
        ])
        options = options.merging(environment: ["AWS_SECRET_ACCESS_KEY": secrets[8], "AZURE_STORAGE_ACCOUNT_NAME": "acct"])
        var dumped = ""
        dump(options, to: &dumped)
        for text in [options.description, options.debugDescription, String(describing: options),
                     String(reflecting: options), "\(options)", dumped] {
            for secret in secrets { #expect(!text.contains(secret), "\(text)") }
            #expect(text.contains("***"))
            #expect(text.contains("us-east-1"))
            #expect(text.contains("aws_access_key_id"))
            #expect(text.contains("AKIDEXAMPLE"))
        }
        #expect(options.awsSecretAccessKey == secrets[0], "redaction is only in the text")
    }

    @Test func invalidValuesNameTheOptionButNeverASecret() {
        #expect {
            try StorageOptions(["aws_allow_http": "yes please"]).allowHTTP(for: .aws)
        } throws: { error in
            (error as? ObjectStoreError)?.kind == .invalidConfiguration && "\(error)".contains("yes please")
                && "\(error)".contains("aws_allow_http")
        }
        #expect {
            try StorageOptions(["aws_secret_access_key": "SECRETVALUE"]).flag(.secretAccessKey, for: .aws)
        } throws: { error in
            (error as? ObjectStoreError)?.kind == .invalidConfiguration && !"\(error)".contains("SECRETVALUE")
                && "\(error)".contains("aws_secret_access_key")
        }
    }
}
