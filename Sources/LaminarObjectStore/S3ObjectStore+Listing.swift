extension S3ObjectStore {
    /// ListObjectsV2, one request per page. Keys are requested URL-encoded (`encoding-type=url`) because XML 1.0
    /// cannot carry every byte a key may hold. Keys that no `ObjectPath` spells the same way (folder markers
    /// ending in `/`, `a//b`, `.` segments), written by other tools, are left out: this store could not address
    /// them anyway.
    public func list(prefix: ObjectPath?, delimiter: Bool) -> ObjectListing {
        let requested = prefix ?? .root
        let storePrefix = configuration.prefix
        let full = storePrefix.isRoot ? requested.rawValue
            : requested.isRoot ? storePrefix.rawValue : storePrefix.rawValue + "/" + requested.rawValue
        let keyPrefix = full.isEmpty ? "" : full + "/"
        let stripped = storePrefix.isRoot ? "" : storePrefix.rawValue + "/"
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
                guard let path = Self.relativePath(key, stripping: stripped) else { continue }
                page.objects.append(
                    ObjectMeta(path: path, size: size, lastModified: modified.date, eTag: entry.childText("ETag"))
                )
            }
            for folder in root.children("CommonPrefixes") {
                guard let rawPrefix = folder.childText("Prefix"),
                    let folded = urlEncoded ? URIEncoding.decode(rawPrefix, plusAsSpace: true) : rawPrefix
                else { throw Self.malformed(response, prefix, "a common prefix is not valid") }
                guard folded.hasSuffix("/"), let path = Self.relativePath(String(folded.dropLast()), stripping: stripped)
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

    /// `key` without the store's prefix, if it is under it and canonical.
    static func relativePath(_ key: String, stripping prefix: String) -> ObjectPath? {
        guard KeyOrder.hasPrefix(key, prefix) else { return nil }
        let relative = String(decoding: key.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
        guard let path = try? ObjectPath(relative), !path.isRoot, path.rawValue == relative else { return nil }
        return path
    }

    static func malformed(_ response: TransportResponse, _ path: ObjectPath?, _ reason: String) -> ObjectStoreError {
        ObjectStoreError(
            .protocolViolation, path: path?.rawValue, detail: "\(response.requestSummary): \(reason)",
            status: response.status
        )
    }
}
