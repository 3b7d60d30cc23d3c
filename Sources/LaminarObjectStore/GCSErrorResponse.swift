/// The JSON error document of the GCS JSON API, `{"error": {"code": 404, "message": "No such object: ..."}}`,
/// turned into an `ObjectStoreError`. Google's messages name buckets and objects, never credentials.
struct GCSErrorResponse: Decodable {
    struct Body: Decodable {
        var code: Int?
        var message: String?
    }

    var error: Body?

    init(body: [UInt8]) {
        self = (try? GCSJSON.decode(GCSErrorResponse.self, from: body)) ?? GCSErrorResponse(error: nil)
    }

    private init(error: Body?) { self.error = error }

    var message: String? { error?.message }

    /// GCS answers 404 for a missing bucket too; only its message tells the two apart.
    var isMissingBucket: Bool { message?.lowercased().contains("bucket") ?? false }

    static func error(for response: TransportResponse, path: ObjectPath?) -> ObjectStoreError {
        let message = GCSErrorResponse(body: response.body).message ?? "no error message"
        let kind: ObjectStoreError.Kind = switch response.status {
        case 404: .notFound
        case 401, 403: .permissionDenied
        case 409, 412: .alreadyExists
        case 429, 500...599: .unavailable
        default: .io
        }
        return ObjectStoreError(
            kind, path: path?.rawValue, detail: "\(response.requestSummary): \(response.status) \(message)",
            status: response.status
        )
    }
}
