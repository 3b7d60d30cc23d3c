extension GCSObjectStore {
    /// `objects.list`, one request per page. Names no `ObjectPath` spells the same way are left out.
    public func list(prefix: ObjectPath?, delimiter: Bool) -> ObjectListing {
        let storePrefix = configuration.prefix
        let keyPrefix = storePrefix.listingPrefix(for: prefix)
        return ObjectListing { [self] token in
            var query: [(name: String, value: String)] = []
            if !keyPrefix.isEmpty { query.append(("prefix", keyPrefix)) }
            if delimiter { query.append(("delimiter", "/")) }
            if let size = configuration.listPageSize { query.append(("maxResults", String(size))) }
            if let token { query.append(("pageToken", token)) }
            let request = endpoint.request("GET", path: "/storage/v1/b/\(configuration.bucket)/o", query: query)
            let response = try await send(request, path: prefix)
            guard response.status == 200 else { throw GCSErrorResponse.error(for: response, path: prefix) }
            let listing = try GCSJSON.decode(GCSJSON.Listing.self, from: response, path: prefix)

            var page = ListPage(objects: [])
            for item in listing.items ?? [] {
                guard let name = item.name else { throw GCSJSON.malformed(response, prefix, "an item has no name") }
                guard let path = storePrefix.relativePath(ofKey: name) else { continue }
                guard let meta = item.meta(at: path) else {
                    throw GCSJSON.malformed(response, prefix, "`\(name)` lacks a valid size or update time")
                }
                page.objects.append(meta)
            }
            for folded in listing.prefixes ?? [] {
                guard folded.hasSuffix("/"), let path = storePrefix.relativePath(ofKey: String(folded.dropLast()))
                else { continue }
                page.commonPrefixes.append(path)
            }
            guard let next = listing.nextPageToken, !next.isEmpty else { return (page, nil) }
            return (page, next)
        }
    }
}
