extension TransportResponse {
    /// Size, date and ETag from the headers of a HEAD-style answer, which S3 and Azure shape the same way.
    func headerMeta(at path: ObjectPath) throws(ObjectStoreError) -> ObjectMeta {
        guard let size = header("Content-Length").flatMap({ Int64($0) }), size >= 0,
            let modified = header("Last-Modified").flatMap(UTCTimestamp.parseHTTPDate)
        else {
            throw ObjectStoreError(
                .protocolViolation, path: path.rawValue,
                detail: "\(requestSummary): answer lacks a valid Content-Length or Last-Modified"
            )
        }
        return ObjectMeta(path: path, size: size, lastModified: modified.date, eTag: header("ETag"))
    }

    /// `request: Code: message` from an error document's code and message, whichever of them it had; `service`
    /// names the document that was missing when it had neither.
    func errorDetail(code: String?, message: String?, service: String) -> String {
        let reason = switch (code, message) {
        case (let code?, let message?): "\(code): \(message)"
        case (let code?, nil): code
        case (nil, let message?): message
        case (nil, nil): "HTTP \(status) without an \(service) error document"
        }
        return requestSummary + ": " + reason
    }
}
