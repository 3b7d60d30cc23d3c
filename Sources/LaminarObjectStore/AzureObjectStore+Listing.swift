extension AzureObjectStore {
    /// List Blobs, one request per page, following `NextMarker`. Names that no `ObjectPath` spells the same way
    /// (folder markers ending in `/`, `a//b`, `.` segments), written by other tools, are left out, as are the
    /// directory entries of hierarchical-namespace accounts: this store could not address them as objects.
    /// Azure may answer a page with no entries and a marker; that page is passed on empty.
    public func list(prefix: ObjectPath?, delimiter: Bool) -> ObjectListing {
        let storePrefix = configuration.prefix
        let namePrefix = storePrefix.listingPrefix(for: prefix)
        return ObjectListing { [self] marker in
            var query: [(name: String, value: String)] = [("restype", "container"), ("comp", "list")]
            if !namePrefix.isEmpty { query.append(("prefix", namePrefix)) }
            if delimiter { query.append(("delimiter", "/")) }
            if let size = configuration.listPageSize { query.append(("maxresults", String(size))) }
            if let marker { query.append(("marker", marker)) }
            let response = try await send(makeRequest("GET", blob: nil, query: query), path: prefix)
            guard response.status == 200 else { throw AzureErrorResponse.error(for: response, path: prefix) }
            return try Self.listPage(response, prefix: prefix, storePrefix: storePrefix)
        }
    }

    /// One page of a List Blobs answer and its `NextMarker`, names relative to the store rooted at
    /// `storePrefix`.
    static func listPage(_ response: TransportResponse, prefix: ObjectPath?, storePrefix: ObjectPath)
        throws(ObjectStoreError) -> (ListPage, next: String?)
    {
        let root = try document(response, path: prefix)
        guard root.name == "EnumerationResults" else { throw malformed(response, prefix, "no EnumerationResults") }
        let entries = root.child("Blobs")
        var page = ListPage(objects: [])
        for blob in entries?.children("Blob") ?? [] {
            guard let name = blob.child("Name").flatMap(decodedName), let properties = blob.child("Properties"),
                let size = properties.childText("Content-Length").flatMap({ Int64($0) }), size >= 0,
                let modified = properties.childText("Last-Modified").flatMap(UTCTimestamp.parseHTTPDate)
            else { throw malformed(response, prefix, "a blob lacks a valid Name, Content-Length or Last-Modified") }
            guard !isDirectory(blob), let path = storePrefix.relativePath(ofKey: name) else { continue }
            let eTag = properties.childText("Etag").map(quotedETag)
            page.objects.append(ObjectMeta(path: path, size: size, lastModified: modified.date, eTag: eTag))
        }
        for folder in entries?.children("BlobPrefix") ?? [] {
            guard let name = folder.child("Name").flatMap(decodedName) else {
                throw malformed(response, prefix, "a blob prefix lacks a valid Name")
            }
            guard name.hasSuffix("/"),
                let path = storePrefix.relativePath(ofKey: String(name.dropLast()))
            else { continue }
            page.commonPrefixes.append(path)
        }
        guard let next = root.childText("NextMarker"), !next.isEmpty else { return (page, nil) }
        return (page, next)
    }

    /// The text of a `<Name>`, percent-decoded when Azure marked it `Encoded="true"` because it holds
    /// characters XML 1.0 cannot carry.
    static func decodedName(_ node: XMLTreeNode) -> String? {
        guard node.attributes["Encoded"]?.lowercased() == "true" else { return node.text }
        return URIEncoding.decode(node.text)
    }

    /// A directory of a hierarchical-namespace account, listed by the Blob API as a zero-length blob.
    static func isDirectory(_ blob: XMLTreeNode) -> Bool {
        blob.child("Properties")?.childText("ResourceType")?.lowercased() == "directory"
            || blob.child("Metadata")?.childText("hdi_isfolder")?.lowercased() == "true"
    }

    /// Listings give ETags bare (`0x8D…`) and Get Blob Properties quoted (`"0x8D…"`); the quoted form is kept
    /// so that both report the same value.
    static func quotedETag(_ eTag: String) -> String {
        eTag.hasPrefix("\"") ? eTag : "\"" + eTag + "\""
    }
}
