extension S3ObjectStore {
    /// CreateMultipartUpload; returns the upload id.
    func createMultipartUpload(key: String, path: ObjectPath) async throws -> String {
        let response = try await send(makeRequest("POST", key: key, query: [("uploads", "")]), path: path)
        guard response.status == 200 else { throw S3ErrorResponse.error(for: response, path: path) }
        let root = try Self.document(response, path: path)
        guard root.name == "InitiateMultipartUploadResult", let id = root.childText("UploadId"), !id.isEmpty else {
            throw Self.malformed(response, path, "no UploadId in the answer")
        }
        return id
    }

    /// UploadPart; returns the part's ETag, which completing the upload must quote back.
    func uploadPart(key: String, path: ObjectPath, uploadID: String, number: Int, bytes: [UInt8]) async throws
        -> String
    {
        let request = makeRequest(
            "PUT", key: key, query: [("partNumber", String(number)), ("uploadId", uploadID)], body: bytes
        )
        let response = try await send(request, path: path)
        guard response.status == 200 else { throw S3ErrorResponse.error(for: response, path: path) }
        guard let eTag = response.header("ETag"), !eTag.isEmpty else {
            throw Self.malformed(response, path, "no ETag for part \(number)")
        }
        return eTag
    }

    /// S3 numbers parts 1 to 10,000.
    static let maximumPartCount = 10_000

    /// CompleteMultipartUpload with the parts in ascending order. When an earlier attempt completed the
    /// upload but its answer was lost, the retry finds no upload (`NoSuchUpload`); the upload counts as done
    /// if the object is now there with a multipart ETag of exactly this many parts.
    func completeMultipartUpload(key: String, path: ObjectPath, uploadID: String, parts: [(number: Int, eTag: String)])
        async throws
    {
        var document = #"<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">"#
        for part in parts.sorted(by: { $0.number < $1.number }) {
            document += "<Part><PartNumber>\(part.number)</PartNumber>"
                + "<ETag>\(XMLTreeNode.escape(part.eTag))</ETag></Part>"
        }
        document += "</CompleteMultipartUpload>"
        let request = makeRequest(
            "POST", key: key, query: [("uploadId", uploadID)], headers: [("Content-Type", "application/xml")],
            body: Array(document.utf8)
        )
        let response = try await send(request, path: path)
        if response.status == 404, S3ErrorResponse(body: response.body).code == "NoSuchUpload",
            let meta = try? await head(path), meta.eTag?.hasSuffix("-\(parts.count)\"") == true
        {
            return
        }
        guard response.status == 200 else { throw S3ErrorResponse.error(for: response, path: path) }
        try Self.checkEmbeddedError(response, path: path)
    }

    /// AbortMultipartUpload; an upload that is already gone counts as aborted.
    func abortMultipartUpload(key: String, path: ObjectPath, uploadID: String) async throws {
        let response = try await send(makeRequest("DELETE", key: key, query: [("uploadId", uploadID)]), path: path)
        guard response.isSuccess || response.status == 404 else {
            throw S3ErrorResponse.error(for: response, path: path)
        }
    }
}
