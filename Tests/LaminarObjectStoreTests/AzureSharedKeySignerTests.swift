import Foundation
@testable import LaminarObjectStore
import LaminarTestSupport
import Testing

/// The Shared Key signer against Microsoft's published examples ("Authorize with Shared Key" in the Azure
/// Storage REST reference: account `myaccount`, 2015-06-26 23:39:12 GMT, version 2015-02-21) and against the
/// Azure SDK for Python (azure-storage-blob's `SharedKeyCredentialPolicy`), which signs the same requests in
/// the interop environment. Expected values come from those two sources, never from our own code.
@Suite struct AzureSharedKeySignerTests {
    static let exampleDate = "Fri, 26 Jun 2015 23:39:12 GMT"

    static func exampleRequest(
        _ method: String, host: String = "myaccount.blob.core.windows.net", path: String,
        query: [(name: String, value: String)]
    ) -> SignableRequest {
        SignableRequest(
            method: method, scheme: "https", host: host, path: path, query: query,
            headers: [("x-ms-date", exampleDate), ("x-ms-version", "2015-02-21")]
        )
    }

    /// The worked example of the Microsoft page: Get Container Metadata with a timeout.
    @Test func microsoftsWorkedExample() {
        let request = Self.exampleRequest(
            "GET", path: "/mycontainer", query: [("restype", "container"), ("comp", "metadata"), ("timeout", "20")]
        )
        #expect(
            AzureSharedKeySigner.stringToSign(request, account: "myaccount")
                == "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 26 Jun 2015 23:39:12 GMT\nx-ms-version:2015-02-21\n"
                + "/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20"
        )
    }

    /// The page's canonicalized-resource examples: parameters sorted, a repeated parameter's values sorted and
    /// comma-joined on one line, and the account (not the host, which may be `-secondary`) leading the path.
    @Test func microsoftsCanonicalizedResourceExamples() {
        let metadata = Self.exampleRequest(
            "GET", path: "/mycontainer", query: [("restype", "container"), ("comp", "metadata")]
        )
        #expect(AzureSharedKeySigner.canonicalizedResource(metadata, account: "myaccount")
            == "/myaccount/mycontainer\ncomp:metadata\nrestype:container")
        let listing = Self.exampleRequest(
            "GET", path: "/mycontainer",
            query: [("restype", "container"), ("comp", "list"), ("include", "snapshots"), ("include", "metadata"),
                    ("include", "uncommittedblobs")]
        )
        #expect(AzureSharedKeySigner.canonicalizedResource(listing, account: "myaccount")
            == "/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container")
        let secondary = Self.exampleRequest(
            "GET", host: "myaccount-secondary.blob.core.windows.net", path: "/mycontainer/myblob", query: []
        )
        #expect(AzureSharedKeySigner.canonicalizedResource(secondary, account: "myaccount")
            == "/myaccount/mycontainer/myblob")
    }

    /// Since version 2015-02-21 a zero Content-Length is an empty line, not `0`; a real length is signed.
    @Test func contentLengthIsEmptyWhenZero() {
        var request = Self.exampleRequest("PUT", path: "/mycontainer", query: [("restype", "container")])
        let lines = AzureSharedKeySigner.stringToSign(request, account: "myaccount")
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[3] == "")
        request.body = Array("hello".utf8)
        request.setHeader("Content-Type", "text/plain")
        let withBody = AzureSharedKeySigner.stringToSign(request, account: "myaccount")
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(withBody[3] == "5")
        #expect(withBody[5] == "text/plain")
    }

    @Test func httpDates() {
        let example = UTCTimestamp(year: 2015, month: 6, day: 26, hour: 23, minute: 39, second: 12)
        #expect(example.httpDate == Self.exampleDate)
        #expect(UTCTimestamp(Date(timeIntervalSince1970: 0)).httpDate == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(UTCTimestamp(year: 2000, month: 2, day: 29, hour: 1, minute: 2, second: 3).httpDate
            == "Tue, 29 Feb 2000 01:02:03 GMT")
        #expect(UTCTimestamp(Date(timeIntervalSince1970: -1)).httpDate == "Wed, 31 Dec 1969 23:59:59 GMT")
        let date = UTCTimestamp(year: 2031, month: 12, day: 7, hour: 8, minute: 9, second: 10)
        #expect(UTCTimestamp.parseHTTPDate(date.httpDate) == date)
    }

    /// Requests covering every signed field we send (ranges, conditional creates with a body, listings with
    /// several parameters, copies, block lists, names with spaces and non-ASCII characters, path-style and
    /// virtual-host endpoints), signed by us and by the Azure SDK with the Azurite key: the `Authorization`
    /// headers and the strings-to-sign are identical.
    @Test func signaturesMatchTheAzureSDK() throws {
        let date = UTCTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8, second: 9).date
        let signer = AzureSharedKeySigner(
            account: AzureConfiguration.emulatorAccount,
            key: Array(try #require(Data(base64Encoded: AzureConfiguration.emulatorAccountKey)))
        )
        func local(_ method: String, _ path: String, query: [(name: String, value: String)] = [],
                   headers: [(name: String, value: String)] = [], body: String = "") -> SignableRequest {
            SignableRequest(method: method, scheme: "http", host: "127.0.0.1", port: 10000,
                            path: "/devstoreaccount1/container" + path, query: query, headers: headers,
                            body: Array(body.utf8))
        }
        let requests: [SignableRequest] = [
            local("GET", "/dir/file.bin", headers: [("x-ms-range", "bytes=0-99")]),
            local("PUT", "/delta/_delta_log/00000000000000000001.json",
                  headers: [("x-ms-blob-type", "BlockBlob"), ("If-None-Match", "*")], body: "{\"commitInfo\":{}}"),
            local("GET", "", query: [("restype", "container"), ("comp", "list"), ("prefix", "a b/ü/"),
                                      ("delimiter", "/"), ("maxresults", "100"), ("marker", "2!abc+/=")]),
            local("GET", "/dir/naïve file (1) + more & ü #2.txt"),
            local("HEAD", "/spaces and ☃/x"),
            local("DELETE", "/dir/a+b%c"),
            local("PUT", "/empty", headers: [("x-ms-blob-type", "BlockBlob")]),
            local("PUT", "/big", query: [("comp", "block"), ("blockid", "MDAwMDAx+/==")], body: "block bytes"),
            local("PUT", "/big", query: [("comp", "blocklist")], headers: [("Content-Type", "application/xml")],
                  body: "<BlockList><Latest>MDAwMDAx</Latest></BlockList>"),
            local("PUT", "/copy", headers: [("x-ms-copy-source",
                                              "http://127.0.0.1:10000/devstoreaccount1/container/dir/file%20a.bin")]),
            local("GET", "/x", headers: [("If-Match", "\"0x8DC12345\""), ("x-ms-range", "bytes=10-")]),
            SignableRequest(method: "GET", scheme: "https", host: "devstoreaccount1.blob.core.windows.net",
                            path: "/container/plain", query: [("comp", "blocklist"), ("blocklisttype", "all")]),
        ]
        var cases: [[String: Any]] = []
        var ours: [(authorization: String, stringToSign: String)] = []
        for request in requests {
            var signed = request
            signer.signSynchronously(&signed, at: date)
            var wireHeaders = signed.headers.filter { $0.name.lowercased() != "authorization" }
            if !signed.body.isEmpty || ["PUT", "POST"].contains(signed.method) {
                wireHeaders.append(("Content-Length", String(signed.body.count)))  // as the HTTP client sends it
            }
            cases.append([
                "method": signed.method, "url": signed.url,
                "headers": wireHeaders.map { [$0.name, $0.value] },
            ])
            ours.append((signed.header("Authorization") ?? "",
                         AzureSharedKeySigner.stringToSign(signed, account: signer.account)))
        }
        let input = String(decoding: try JSONSerialization.data(withJSONObject: cases), as: UTF8.self)
        let output = try InteropEnvironment.runPython(
            Self.sdkSigner, arguments: [input, AzureConfiguration.emulatorAccountKey]
        )
        let theirs = try #require(
            try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]], "SDK output: \(output)"
        )
        try #require(theirs.count == requests.count)
        for (index, request) in requests.enumerated() {
            #expect(ours[index].stringToSign == theirs[index][1], "string-to-sign of \(request.method) \(request.url)")
            #expect(ours[index].authorization == theirs[index][0], "\(request.method) \(request.url)")
            #expect(ours[index].authorization.hasPrefix("SharedKey devstoreaccount1:"))
        }
    }

    /// Signs each request of `argv[1]` with the SDK's Shared Key policy and prints `[Authorization, string-to-sign]`.
    static let sdkSigner = """
        import json, sys
        from azure.core.pipeline import PipelineContext, PipelineRequest
        from azure.core.pipeline.transport import HttpRequest
        from azure.storage.blob._shared.authentication import SharedKeyCredentialPolicy

        class Capturing(SharedKeyCredentialPolicy):
            def _add_authorization_header(self, request, string_to_sign):
                self.string_to_sign = string_to_sign
                super()._add_authorization_header(request, string_to_sign)

        results = []
        for case in json.loads(sys.argv[1]):
            request = HttpRequest(case["method"], case["url"], headers={name: value for name, value in case["headers"]})
            policy = Capturing("devstoreaccount1", sys.argv[2])
            policy.on_request(PipelineRequest(request, PipelineContext(None)))
            results.append([request.headers["Authorization"], policy.string_to_sign])
        print(json.dumps(results))
        """
}
