extension S3ObjectStore {
    /// ListObjectsV2, one request per page. Keys are requested URL-encoded (`encoding-type=url`) because XML 1.0
    /// cannot carry every byte a key may hold. Keys no `ObjectPath` spells the same way are left out.
    public func list(prefix: ObjectPath?, delimiter: Bool) -> ObjectListing {
        let storePrefix = configuration.prefix
        let keyPrefix = storePrefix.listingPrefix(for: prefix)
        return ObjectListing { [self] token in
            var query: [(name: String, value: String)] = [("list-type", "2"), ("encoding-type", "url")]
            if !keyPrefix.isEmpty { query.append(("prefix", keyPrefix)) }
            if delimiter { query.append(("delimiter", "/")) }
            if let size = configuration.listPageSize { query.append(("max-keys", String(size))) }
            if let token { query.append(("continuation-token", token)) }
            let response = try await send(makeRequest("GET", key: nil, query: query), path: prefix)
            guard response.status == 200 else { throw S3ErrorResponse.error(for: response, path: prefix) }
            let root = try Self.document(response, path: prefix)
            guard root.name == "ListBucketResult" else { throw Self.malformed(response, prefix, "no ListBucketResult") }
            let urlEncoded = root.childText("EncodingType") == "url"

            var page = ListPage(objects: [])
            for entry in root.children("Contents") {
                guard let rawKey = entry.childText("Key"),
                    let key = urlEncoded ? URIEncoding.decode(rawKey, plusAsSpace: true) : rawKey,
                    let size = entry.childText("Size").flatMap({ Int64($0) }), size >= 0,
                    let modified = entry.childText("LastModified").flatMap(UTCTimestamp.parseISO8601)
                else { throw Self.malformed(response, prefix, "an entry lacks a valid Key, Size or LastModified") }
                guard let path = storePrefix.relativePath(ofKey: key) else { continue }
                page.objects.append(
                    ObjectMeta(path: path, size: size, lastModified: modified.date, eTag: entry.childText("ETag"))
                )
            }
            for folder in root.children("CommonPrefixes") {
                guard let rawPrefix = folder.childText("Prefix"),
                    let folded = urlEncoded ? URIEncoding.decode(rawPrefix, plusAsSpace: true) : rawPrefix
                else { throw Self.malformed(response, prefix, "a common prefix is not valid") }
                guard folded.hasSuffix("/"), let path = storePrefix.relativePath(ofKey: String(folded.dropLast()))
                else { continue }
                page.commonPrefixes.append(path)
            }
            guard root.childText("IsTruncated") == "true" else { return (page, nil) }
            guard let next = root.childText("NextContinuationToken"), !next.isEmpty else {
                throw Self.malformed(response, prefix, "a truncated listing without NextContinuationToken")
            }
            return (page, next)
        }
    }

    static func malformed(_ response: TransportResponse, _ path: ObjectPath?, _ reason: String) -> ObjectStoreError {
        ObjectStoreError(
            .protocolViolation, path: path?.rawValue, detail: "\(response.requestSummary): \(reason)",
            status: response.status
        )
    }
}
