import Crypto
import Foundation

extension S3ObjectStore {
    /// DeleteObjects takes at most this many keys per request.
    static let deleteBatchSize = 1000

    /// DeleteObjects in batches of 1000. Keys holding characters XML 1.0 cannot carry are deleted one by one.
    /// S3 answers 200 even when single keys failed, listing them as `<Error>` entries, so those are read.
    public func delete(_ paths: [ObjectPath]) async throws {
        guard configuration.dialect == .amazon else {
            return try await deleteConcurrently(paths, width: 8)
        }
        let keyed = try paths.map { (path: $0, key: try objectKey($0)) }
        let expressible = keyed.filter { Self.isXMLExpressible($0.key) }
        for single in keyed where !Self.isXMLExpressible(single.key) {
            try await delete(single.path)
        }
        var start = 0
        while start < expressible.count {
            let batch = Array(expressible[start..<min(start + Self.deleteBatchSize, expressible.count)])
            try await deleteBatch(batch)
            start += batch.count
        }
    }

    private func deleteBatch(_ batch: [(path: ObjectPath, key: String)]) async throws {
        var document = #"<?xml version="1.0" encoding="UTF-8"?>"#
            + #"<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Quiet>true</Quiet>"#
        for entry in batch {
            document += "<Object><Key>\(XMLTreeNode.escape(entry.key))</Key></Object>"
        }
        document += "</Delete>"
        let body = Array(document.utf8)
        let md5 = Data(Insecure.MD5.hash(data: body)).base64EncodedString()
        let request = makeRequest(
            "POST", key: nil, query: [("delete", "")],
            headers: [("Content-MD5", md5), ("Content-Type", "application/xml")], body: body
        )
        let first = batch.first?.path
        let response = try await send(request, path: first)
        guard response.status == 200 else { throw S3ErrorResponse.error(for: response, path: first) }
        let result = try Self.document(response, path: first)
        guard result.name == "DeleteResult" else {
            throw Self.malformed(response, first, "no DeleteResult")
        }
        for failure in result.children("Error") where failure.childText("Code") != "NoSuchKey" {
            let key = failure.childText("Key")
            let path = batch.first { $0.key == key }?.path
            let code = failure.childText("Code") ?? "Error"
            let message = failure.childText("Message").map { String($0.prefix(S3ErrorResponse.maximumMessageLength)) }
            throw ObjectStoreError(
                S3ErrorResponse.kind(status: 500, code: code), path: path?.rawValue,
                detail: "\(response.requestSummary): \(code): \(message ?? "no message")", status: response.status
            )
        }
    }

    /// XML 1.0 has no way to write most control characters or U+FFFE and U+FFFF, not even as references.
    static func isXMLExpressible(_ key: String) -> Bool {
        key.unicodeScalars.allSatisfy { scalar in
            (scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF)
                || scalar == "\t" || scalar == "\n" || scalar == "\r"
        }
    }
}
