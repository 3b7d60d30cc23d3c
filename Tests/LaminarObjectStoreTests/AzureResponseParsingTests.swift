import Foundation
@testable import LaminarObjectStore
import Testing

/// Answers of a real Blob service that the emulator does not produce: directory entries of hierarchical-namespace
/// accounts, error codes only in the `x-ms-error-code` header of HEAD answers, and authentication failures
/// whose details quote the request's signature.
@Suite struct AzureResponseParsingTests {
    static func response(_ status: Int, _ body: String, headers: [(name: String, value: String)] = [])
        -> TransportResponse
    {
        TransportResponse(status: status, headers: headers, body: Array(body.utf8),
                          requestSummary: "GET https://acct.blob.core.windows.net/c?restype=container&comp=list")
    }

    /// The shape of a List Blobs answer on an ADLS Gen2 account, per the REST reference.
    static let listing = """
        <?xml version="1.0" encoding="utf-8"?>
        <EnumerationResults ServiceEndpoint="https://acct.blob.core.windows.net/" ContainerName="c">
          <Prefix>t/</Prefix><MaxResults>3</MaxResults>
          <Blobs>
            <Blob><Name>t/a.parquet</Name><Properties><Creation-Time>Mon, 06 May 2024 07:08:09 GMT</Creation-Time>\
        <Last-Modified>Mon, 06 May 2024 07:08:09 GMT</Last-Modified><Etag>0x8DC6D9E2C1F6A1B</Etag>\
        <Content-Length>1234</Content-Length><BlobType>BlockBlob</BlobType><ResourceType>file</ResourceType>\
        </Properties><OrMetadata /></Blob>
            <Blob><Name>t/_delta_log</Name><Properties><Last-Modified>Mon, 06 May 2024 07:08:09 GMT</Last-Modified>\
        <Etag>0x8DC6D9E2C1F6A1C</Etag><Content-Length>0</Content-Length><ResourceType>directory</ResourceType>\
        </Properties></Blob>
            <Blob><Name>t/legacy-folder</Name><Properties><Last-Modified>Mon, 06 May 2024 07:08:09 GMT</Last-Modified>\
        <Content-Length>0</Content-Length></Properties><Metadata><hdi_isfolder>true</hdi_isfolder></Metadata></Blob>
            <Blob><Name Encoded="true">t%2Fctl%01name</Name><Properties>\
        <Last-Modified>Tue, 07 May 2024 00:00:00 GMT</Last-Modified><Content-Length>5</Content-Length></Properties></Blob>
            <Blob><Name>t/folder-marker/</Name><Properties><Last-Modified>Tue, 07 May 2024 00:00:00 GMT</Last-Modified>\
        <Content-Length>0</Content-Length></Properties></Blob>
            <BlobPrefix><Name>t/sub/</Name></BlobPrefix>
            <BlobPrefix><Name Encoded="true">t%2Fx%02y%2F</Name></BlobPrefix>
          </Blobs>
          <NextMarker>2!88!MDAwMDI1IXQvenp6</NextMarker>
        </EnumerationResults>
        """

    @Test func listPagesSkipDirectoriesAndDecodeEncodedNames() throws {
        let (page, next) = try AzureObjectStore.listPage(Self.response(200, Self.listing), prefix: nil, storePrefix: "t")
        #expect(page.objects.map(\.path.rawValue) == ["a.parquet", "ctl\u{1}name"])
        #expect(page.objects.map(\.size) == [1234, 5])
        #expect(page.objects.first?.eTag == "\"0x8DC6D9E2C1F6A1B\"", "quoted like Get Blob Properties' ETag")
        #expect(page.objects.first?.lastModified == UTCTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8,
                                                                   second: 9).date)
        #expect(page.commonPrefixes.map(\.rawValue) == ["sub", "x\u{2}y"])
        #expect(next == "2!88!MDAwMDI1IXQvenp6")
    }

    @Test func malformedListingsAreProtocolViolations() {
        let noProperties = "<EnumerationResults><Blobs><Blob><Name>x</Name></Blob></Blobs></EnumerationResults>"
        for body in ["<NotIt/>", "not xml", noProperties] {
            #expect(throws: ObjectStoreError.self, "\(body)") {
                try AzureObjectStore.listPage(Self.response(200, body), prefix: nil, storePrefix: .root)
            }
        }
        do {
            _ = try AzureObjectStore.listPage(Self.response(200, "<NotIt/>"), prefix: nil, storePrefix: .root)
        } catch {
            #expect(error.kind == .protocolViolation)
        }
    }

    @Test func errorCodesMapToKinds() {
        let cases: [(Int, String, ObjectStoreError.Kind)] = [
            (404, "BlobNotFound", .notFound), (404, "ContainerNotFound", .invalidConfiguration),
            (403, "AuthenticationFailed", .permissionDenied), (403, "AuthorizationPermissionMismatch", .permissionDenied),
            (409, "BlobAlreadyExists", .alreadyExists), (503, "ServerBusy", .unavailable),
            (500, "InternalError", .unavailable), (400, "InvalidResourceName", .invalidPath),
            (409, "LeaseIdMissing", .io), (412, "ConditionNotMet", .io), (416, "InvalidRange", .io),
        ]
        for (status, code, kind) in cases {
            #expect(AzureErrorResponse.kind(status: status, code: code) == kind, "\(status) \(code)")
        }
    }

    /// HEAD answers have no body: the code comes from `x-ms-error-code`, which tells a missing blob (deleting it
    /// succeeds) from a missing container (an error).
    @Test func headAnswersCarryTheCodeInAHeader() {
        let missingBlob = Self.response(404, "", headers: [("x-ms-error-code", "BlobNotFound")])
        let missingContainer = Self.response(404, "", headers: [("x-ms-error-code", "ContainerNotFound")])
        #expect(AzureErrorResponse(missingBlob).code == "BlobNotFound")
        #expect(AzureObjectStore.isMissingBlob(missingBlob))
        #expect(!AzureObjectStore.isMissingBlob(missingContainer))
        #expect(AzureErrorResponse.error(for: missingContainer, path: "k").kind == .invalidConfiguration)
        #expect(AzureErrorResponse.error(for: Self.response(500, ""), path: nil).detail
            .hasSuffix("without an Azure error document"))
    }

    /// The detail of an authentication failure quotes the signature sent and the string the server signed; only
    /// the code and the message (on one line) reach the error.
    @Test func authenticationDetailsAreDropped() {
        let body = """
            <?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed \
            to authenticate the request.
            RequestId:5e3c0f7a-0000-0000-0000-000000000000
            Time:2024-05-06T07:08:09.0000000Z</Message><AuthenticationErrorDetail>The MAC signature found in the \
            HTTP request 'c2VjcmV0LXNpZ25hdHVyZQ==' is not the same as any computed signature. Server used \
            following string to sign: 'GET\n\n'.</AuthenticationErrorDetail></Error>
            """
        let error = AzureErrorResponse.error(for: Self.response(403, body), path: "k")
        #expect(error.kind == .permissionDenied)
        #expect(error.detail.contains("AuthenticationFailed: Server failed to authenticate the request.; RequestId:"))
        #expect(!error.detail.contains("c2VjcmV0LXNpZ25hdHVyZQ=="))
        #expect(!error.detail.contains("string to sign"))
        #expect(!error.detail.contains("\n"))
    }

    @Test func xmlAttributesAreParsed() throws {
        let root = try XMLTreeNode.parse(Array(#"<a x="1 &amp; 2" y='&lt;q&gt;' z = "v>w"><b Encoded="true"/></a>"#.utf8))
        #expect(root.attributes == ["x": "1 & 2", "y": "<q>", "z": "v>w"])
        #expect(root.child("b")?.attributes == ["Encoded": "true"])
        for bad in [#"<a x></a>"#, #"<a x=1></a>"#, #"<a x="1></a>"#, #"<a x="<"></a>"#] {
            #expect(throws: XMLTreeNode.ParseError.self, "\(bad)") { try XMLTreeNode.parse(Array(bad.utf8)) }
        }
    }

    @Test func blockIDsHaveOneLengthAndKeepOrder() throws {
        let upload = UUID()
        let ids = [0, 1, 9, 10, 49_999].map { AzureObjectStore.blockID(uploadID: upload, index: $0) }
        #expect(Set(ids.map(\.count)).count == 1)
        let decoded = try ids.map { String(decoding: try #require(Data(base64Encoded: $0)), as: UTF8.self) }
        #expect(decoded.map { $0.suffix(7) } == ["-000000", "-000001", "-000009", "-000010", "-049999"])
        #expect(decoded.allSatisfy { $0.hasPrefix(upload.uuidString.lowercased()) && $0.utf8.count <= 64 })
        #expect(AzureObjectStore.blockID(uploadID: UUID(), index: 0) != ids[0], "another upload, other ids")
    }
}
