/// One entry of a listing before it is split into a page: an object, or a folded "directory" in a
/// delimiter listing. Both kinds count toward the page size, as S3's `MaxKeys` counts both.
enum ListingItem: Sendable {
    case object(ObjectMeta)
    case commonPrefix(ObjectPath)

    /// The position of the item in key order, and the continuation token that resumes after it. A common
    /// prefix sorts as its key with the trailing delimiter, where the keys it folds begin.
    var sortKey: String {
        switch self {
        case .object(let meta): meta.path.rawValue
        case .commonPrefix(let path): path.rawValue + "/"
        }
    }

    /// The first `pageSize` of `items` (sorted, all after the previous token) as a page, with the token of the
    /// next page when more items follow. Callers pass up to `pageSize + 1` items so the end is known without
    /// an extra, empty page.
    static func page(of items: [ListingItem], pageSize: Int) -> (ListPage, next: String?) {
        let taken = items.prefix(pageSize)
        var page = ListPage(objects: [])
        for item in taken {
            switch item {
            case .object(let meta): page.objects.append(meta)
            case .commonPrefix(let path): page.commonPrefixes.append(path)
            }
        }
        let next = items.count > pageSize ? taken.last?.sortKey : nil
        return (page, next)
    }
}
