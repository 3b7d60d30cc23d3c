/// A `multipart/related` body of a JSON metadata part and a content part, the form of GCS's multipart
/// uploads. The boundary is 256 random bits drawn after the content is fixed, so no content, however hostile,
/// contains it except with negligible probability, and scanning large bodies for it would buy nothing.
struct MultipartRelatedBody {
    let boundary: String
    let bytes: [UInt8]

    var contentType: String { "multipart/related; boundary=\(boundary)" }

    init(metadata: some Sequence<UInt8>, content: [UInt8]) {
        var random = SystemRandomNumberGenerator()
        boundary = "laminar-" + (0..<4).map { _ in String(random.next() as UInt64, radix: 36) }.joined(separator: "-")
        var body: [UInt8] = []
        body.reserveCapacity(content.count + 256)
        body += Array("--\(boundary)\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n".utf8)
        body += metadata
        body += Array("\r\n--\(boundary)\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += content
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        bytes = body
    }
}
