extension S3Configuration {
    /// GCS's XML API, which takes S3 requests signed (AWS Signature V4) with a GCS HMAC key: the way to reach
    /// a GCS bucket with HMAC keys, which the JSON API does not accept. GCS ignores the region, but the
    /// signature needs one, and `auto` is the value Google documents.
    public static func googleInteroperability(
        bucket: String, prefix: ObjectPath = .root, endpoint: String? = nil, allowHTTP: Bool = false
    ) -> S3Configuration {
        S3Configuration(
            bucket: bucket, region: "auto", endpoint: endpoint ?? "https://storage.googleapis.com",
            addressing: .pathStyle, allowHTTP: allowHTTP, prefix: prefix, dialect: .googleCloudStorage
        )
    }

    /// The header that makes a PUT create-only.
    var conditionalCreateHeader: (name: String, value: String) {
        switch dialect {
        case .amazon: ("If-None-Match", "*")
        case .googleCloudStorage: ("x-goog-if-generation-match", "0")
        }
    }
}
