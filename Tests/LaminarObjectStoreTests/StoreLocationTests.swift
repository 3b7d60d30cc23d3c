import LaminarObjectStore
import Testing

@Suite struct StoreLocationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var scheme: StoreLocation.Scheme
        var bucket: String?
        var account: String?
        var prefix: String
        var testDescription: String { text }
    }

    static let valid: [Case] = [
        Case(text: "/data/tables/t1", scheme: .file, prefix: "data/tables/t1"),
        Case(text: "/data//tables/./x/../t1/", scheme: .file, prefix: "data/tables/t1"),
        Case(text: "/", scheme: .file, prefix: ""),
        Case(text: "file:///data/t", scheme: .file, prefix: "data/t"),
        Case(text: "FILE://localhost/data/t", scheme: .file, prefix: "data/t"),
        Case(text: "file:/data/t", scheme: .file, prefix: "data/t"),
        Case(text: "file:///data/my%20table", scheme: .file, prefix: "data/my table"),
        Case(text: "relative/t", scheme: .file, prefix: "work/cwd/relative/t"),
        Case(text: "./t", scheme: .file, prefix: "work/cwd/t"),
        Case(text: "../../../t", scheme: .file, prefix: "t"),
        Case(text: "memory://scratch/some/prefix", scheme: .memory, bucket: "scratch", prefix: "some/prefix"),
        Case(text: "memory://", scheme: .memory, bucket: "", prefix: ""),
        Case(text: "s3://bucket/prefix/key", scheme: .s3, bucket: "bucket", prefix: "prefix/key"),
        Case(text: "s3a://my.bucket-1", scheme: .s3, bucket: "my.bucket-1", prefix: ""),
        Case(text: "s3://bucket/year%3D2024/a%2Fb", scheme: .s3, bucket: "bucket", prefix: "year=2024/a/b"),
        Case(text: "gs://bucket/a/b/", scheme: .gcs, bucket: "bucket", prefix: "a/b"),
        Case(text: "az://container/p", scheme: .azure, bucket: "container", prefix: "p"),
        Case(text: "abfss://container@account.dfs.core.windows.net/p/q", scheme: .azure, bucket: "container",
             account: "account", prefix: "p/q"),
        Case(text: "abfs://fs@acct2.dfs.core.chinacloudapi.cn", scheme: .azure, bucket: "fs", account: "acct2",
             prefix: ""),
        Case(text: "abfss://container/p", scheme: .azure, bucket: "container", prefix: "p"),
    ]

    @Test(arguments: valid)
    func parses(_ expected: Case) throws {
        let location = try StoreLocation(expected.text, currentDirectory: "/work/cwd")
        #expect(location.scheme == expected.scheme)
        #expect(location.bucket == expected.bucket)
        #expect(location.account == expected.account)
        #expect(location.prefix.rawValue == expected.prefix)
        // The canonical form parses back to the same location.
        #expect(try StoreLocation(location.description) == location, "\(location)")
    }

    @Test func exposesProviderAndLocalDirectory() throws {
        #expect(try StoreLocation("/data/t").localDirectory == "/data/t")
        #expect(try StoreLocation("/data/t").provider == nil)
        #expect(try StoreLocation("s3://b/x").provider == .aws)
        #expect(try StoreLocation("gs://b/x").provider == .google)
        #expect(try StoreLocation("az://c/x").provider == .azure)
        #expect(try StoreLocation("s3://b/x").localDirectory == nil)
        let azure = try StoreLocation("abfss://c@acct.dfs.core.usgovcloudapi.net/x")
        #expect(azure.accountHost == "acct.dfs.core.usgovcloudapi.net")
        #expect(azure.description == "abfss://c@acct.dfs.core.usgovcloudapi.net/x")
    }

    @Test(arguments: [
        "", "s3://", "s3:///key", "s3:bucket/x", "http://example.com/x", "hdfs://namenode/x", "s3://bucket/a/../b",
        "gs://bucket/./x", "s3://bucket/x?versionId=1", "s3://bucket/x#fragment", "file://otherhost/x",
        "file:relative", "abfss://c@/x", "abfss://c@Bad_Account.dfs.core.windows.net/x", "s3://bucket/%zz", "s3://bucket/%+f",
        "s3://bucket/%ff", "gs://bu cket/x", "az://c@acct.dfs.core.windows.net/x", "s3://bucket:9000/x",
    ])
    func rejects(_ text: String) {
        do {
            let location = try StoreLocation(text, currentDirectory: "/work/cwd")
            Issue.record("parsed as \(location)")
        } catch let error as ObjectStoreError {
            #expect(error.kind == .invalidConfiguration)
            // Whatever could hold a credential (before an `@`, after a `?`) is masked; the rest is named.
            let named = text.split(separator: "?").first?.split(separator: "@").last.map(String.init) ?? ""
            if !named.isEmpty { #expect(error.description.contains(named), "names the URL: \(error)") }
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [
        "s3://AKIAEXAMPLE:SECRETVALUE@bucket/x",
        "abfss://c@acct.dfs.core.windows.net/x?sv=2022&sig=SECRETVALUE",
        "gs://user:SECRETVALUE@bucket/x",
    ])
    func errorsDoNotRepeatCredentials(_ text: String) {
        #expect {
            try StoreLocation(text)
        } throws: { error in
            guard let error = error as? ObjectStoreError else { return false }
            return error.kind == .invalidConfiguration && !error.description.contains("SECRETVALUE")
                && error.description.contains("***")
        }
    }
}
