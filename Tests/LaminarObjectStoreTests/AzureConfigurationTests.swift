import Foundation
@testable import LaminarObjectStore
import Testing

/// `StoreLocation` + `StorageOptions` (+ environment) → `AzureConfiguration` and credentials, without a server.
@Suite struct AzureConfigurationTests {
    func configuration(_ location: String, _ options: [String: String] = [:],
                       environment: [String: String] = [:]) throws -> AzureConfiguration {
        try AzureConfiguration(
            location: StoreLocation(location), options: StorageOptions(options).merging(environment: environment)
        )
    }

    /// An `abfss` URL names the account's `dfs` host; requests go to the same account's `blob` host in the same
    /// cloud.
    @Test(arguments: [
        ("abfss://fsys@acct.dfs.core.windows.net/t/x", "https://acct.blob.core.windows.net"),
        ("abfs://fsys@acct2.dfs.core.chinacloudapi.cn", "https://acct2.blob.core.chinacloudapi.cn"),
        ("abfss://fsys@gov1.dfs.core.usgovcloudapi.net/p", "https://gov1.blob.core.usgovcloudapi.net"),
        ("abfss://fsys@acct.blob.core.windows.net/p", "https://acct.blob.core.windows.net"),
    ])
    func abfsHostsMapToTheBlobHost(location: String, endpoint: String) throws {
        let configuration = try configuration(location)
        #expect(configuration.endpoint == endpoint)
        #expect(configuration.container == "fsys")
        let resolved = try configuration.resolvedEndpoint()
        #expect(resolved.scheme == "https")
        #expect(resolved.host == String(endpoint.dropFirst("https://".count)))
        #expect(resolved.basePath == "")
    }

    @Test func abfssLocationWithPrefix() throws {
        let configuration = try configuration("abfss://container@account.dfs.core.windows.net/p/q")
        #expect(configuration.account == "account")
        #expect(configuration.prefix == "p/q")
        #expect(!configuration.allowHTTP)
    }

    @Test func azLocationTakesTheAccountFromOptionsOrEnvironment() throws {
        let fromOption = try configuration("az://data/tables", ["azure_storage_account_name": "optacct"])
        #expect(fromOption.account == "optacct")
        #expect(fromOption.endpoint == nil)
        #expect(try fromOption.resolvedEndpoint().host == "optacct.blob.core.windows.net")
        #expect(fromOption.prefix == "tables")

        let fromEnvironment = try configuration("az://data", environment: ["AZURE_STORAGE_ACCOUNT_NAME": "envacct"])
        #expect(fromEnvironment.account == "envacct")
        let optionWins = try configuration(
            "az://data", ["account_name": "optacct"], environment: ["AZURE_STORAGE_ACCOUNT_NAME": "envacct"]
        )
        #expect(optionWins.account == "optacct")

        #expect(throws: ObjectStoreError.self, "no account anywhere") { try configuration("az://data") }
        #expect(throws: ObjectStoreError.self, "not an Azure location") { try configuration("s3://bucket") }
    }

    /// `use_emulator` means Azurite's account on `http://127.0.0.1:10000`, path-style, plain HTTP allowed; an
    /// explicit endpoint still wins.
    @Test func emulator() throws {
        let configuration = try configuration("az://data/t", ["azure_storage_use_emulator": "true"])
        #expect(configuration.account == "devstoreaccount1")
        #expect(configuration.endpoint == "http://127.0.0.1:10000/devstoreaccount1")
        #expect(configuration.allowHTTP)
        let endpoint = try configuration.resolvedEndpoint()
        #expect(endpoint.scheme == "http")
        #expect(endpoint.port == 10000)
        #expect(endpoint.basePath == "/devstoreaccount1")

        let custom = try self.configuration(
            "az://data", [:],
            environment: [
                "AZURE_STORAGE_USE_EMULATOR": "1", "AZURE_STORAGE_ENDPOINT": "http://azurite:10000/devstoreaccount1",
            ]
        )
        #expect(custom.endpoint == "http://azurite:10000/devstoreaccount1")
        #expect(try custom.resolvedEndpoint().host == "azurite")

        let store = try AzureObjectStore(
            location: StoreLocation("az://data/t"), options: ["azure_storage_use_emulator": "true"], environment: [:]
        )
        let request = store.makeRequest("GET", blob: try store.blobName("a b/c"))
        #expect(request.url == "http://127.0.0.1:10000/devstoreaccount1/data/t/a%20b/c")
        #expect(store.credentials.sharedKeyAccount == "devstoreaccount1")
    }

    @Test func plainHTTPIsRefusedUnlessAllowed() throws {
        let options = ["azure_storage_account_name": "acct", "azure_storage_endpoint": "http://10.0.0.1:10000/acct"]
        let refused = try configuration("az://data", options)
        #expect(!refused.allowHTTP)
        #expect(throws: ObjectStoreError.self) { try refused.resolvedEndpoint() }
        var allowing = options
        allowing["azure_allow_http"] = "true"
        #expect(try configuration("az://data", allowing).resolvedEndpoint().scheme == "http")
        #expect(try !configuration("az://data", options.merging(["aws_allow_http": "true"]) { $1 }).allowHTTP,
                "an AWS option does not configure Azure")
    }

    /// Credentials in order: skip_signature, account key, SAS token, bearer token, the emulator's key.
    @Test func credentialsFromOptions() throws {
        func kind(_ options: [String: String], environment: [String: String] = [:]) throws -> String {
            let merged = StorageOptions(options).merging(environment: environment)
            return "\(try AzureObjectStore.credentials(merged, account: "acct"))"
        }
        let key = Data(repeating: 3, count: 32).base64EncodedString()
        #expect(try kind(["azure_storage_account_key": key]) == "AzureCredentials(shared key of account acct)")
        #expect(try kind([:], environment: ["AZURE_STORAGE_ACCOUNT_KEY": key])
            == "AzureCredentials(shared key of account acct)")
        #expect(try kind(["azure_storage_sas_token": "?sv=2023-11-03&sp=r&sig=abc%2B"])
            == "AzureCredentials(shared access signature)")
        #expect(try kind(["bearer_token": "eyJ0"]) == "AzureCredentials(bearer token)")
        #expect(try kind(["azure_skip_signature": "true", "account_key": key]) == "AzureCredentials(anonymous)")
        #expect(try kind(["use_emulator": "true"]) == "AzureCredentials(shared key of account acct)")
        #expect(throws: ObjectStoreError.self, "no credentials") { try kind([:]) }
        #expect(throws: ObjectStoreError.self, "not base64") { try kind(["account_key": "not base64!"]) }
        do {
            _ = try kind(["azure_client_id": "id", "azure_client_secret": "secret", "azure_tenant_id": "t"])
            Issue.record("service principals are not supported")
        } catch let error as ObjectStoreError {
            #expect(error.kind == .unsupported)
            #expect(!error.description.contains("secret\""))
        }
    }

    /// SAS parameters are decoded once (`%2B` is `+`, a raw `+` stays a plus) and re-encoded on the wire, and
    /// redacted in every URL shown.
    @Test func sasTokensAreAppendedAndRedacted() async throws {
        let token = try AzureSASToken("?sv=2023-11-03&se=2030-01-01T00%3A00%3A00Z&sp=racwdl&sr=c&sig=a+b%2Fc%3D")
        #expect(token.items.first { $0.name == "sig" }?.value == "a+b/c=")
        var request = SignableRequest(
            method: "GET", scheme: "https", host: "acct.blob.core.windows.net", path: "/c/k",
            query: [("restype", "container"), ("comp", "list"), ("prefix", "p/")]
        )
        try await AzureSASSigner(token: token).sign(&request, at: Date())
        #expect(request.url.contains("sig=a%2Bb%2Fc%3D"))
        #expect(request.url.contains("se=2030-01-01T00%3A00%3A00Z"))
        #expect(request.header("Authorization") == nil)
        #expect(request.header("x-ms-version") == "2023-11-03")
        let shown = request.redactedURL
        for secret in ["a%2Bb", "2030-01-01", "racwdl"] { #expect(!shown.contains(secret), "\(shown)") }
        #expect(shown.contains("sig=REDACTED"))
        #expect(shown.contains("comp=list") && shown.contains("prefix=p%2F"))
        #expect("\(token)" == "AzureSASToken(REDACTED)")
    }

    @Test func descriptionsHideSecrets() throws {
        let key = "c2VjcmV0LWFjY291bnQta2V5LXRoYXQtbXVzdC1ub3QtbGVhaw=="
        let credentials = try AzureCredentials.sharedKey(account: "acct", base64Key: key)
        var dumped = ""
        dump(credentials, to: &dumped)
        dump(credentials.signer, to: &dumped)
        for text in [credentials.description, String(reflecting: credentials), "\(credentials.signer)", dumped] {
            #expect(!text.contains(key), "\(text)")
            #expect(!text.contains("99, 50, 86"), "no key bytes: \(text)")
        }
        let bearer = try AzureCredentials.bearerToken("token-value-secret")
        var bearerDump = ""
        dump(bearer.signer, to: &bearerDump)
        #expect(!bearerDump.contains("token-value-secret"))
        #expect(!"\(bearer)".contains("token-value-secret"))
    }
}
