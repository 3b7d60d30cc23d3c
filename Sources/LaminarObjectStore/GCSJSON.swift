import Foundation

/// The JSON documents of the GCS JSON API that the store reads. GCS sends 64-bit numbers (`size`,
/// `generation`) as strings, so they are decoded as strings and checked here.
enum GCSJSON {
    struct Object: Decodable {
        var name: String?
        var size: String?
        var updated: String?
        var etag: String?
        var generation: String?
    }

    struct Listing: Decodable {
        var items: [Object]?
        var prefixes: [String]?
        var nextPageToken: String?
    }

    struct Rewrite: Decodable {
        var done: Bool?
        var rewriteToken: String?
        var resource: Object?
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try JSONDecoder().decode(type, from: Data(bytes))
    }

    /// Reads `T` from an answer, reporting garbage as a protocol violation that names the request.
    static func decode<T: Decodable>(
        _ type: T.Type, from response: TransportResponse, path: ObjectPath?
    ) throws(ObjectStoreError) -> T {
        do {
            return try decode(type, from: response.body)
        } catch {
            throw malformed(response, path, "the answer is not the expected JSON document")
        }
    }

    static func malformed(_ response: TransportResponse, _ path: ObjectPath?, _ reason: String) -> ObjectStoreError {
        ObjectStoreError(
            .protocolViolation, path: path?.rawValue, detail: "\(response.requestSummary): \(reason)",
            status: response.status
        )
    }
}

extension GCSJSON.Object {
    /// The object's metadata at `path`, when the document has a valid size and update time.
    func meta(at path: ObjectPath) -> ObjectMeta? {
        guard let size = size.flatMap({ Int64($0) }), size >= 0,
            let updated = updated.flatMap(UTCTimestamp.parseISO8601)
        else { return nil }
        return ObjectMeta(path: path, size: size, lastModified: updated.date, eTag: etag)
    }
}
