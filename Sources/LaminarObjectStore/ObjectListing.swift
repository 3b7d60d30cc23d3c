/// One page of a listing, as the backend returned it.
public struct ListPage: Sendable {
    public var objects: [ObjectMeta]
    /// With a delimiter: the "directories" one level below the prefix.
    public var commonPrefixes: [ObjectPath]

    public init(objects: [ObjectMeta], commonPrefixes: [ObjectPath] = []) {
        self.objects = objects
        self.commonPrefixes = commonPrefixes
    }
}

/// A listing fetched lazily, page by page; backends supply the function that fetches the page after a
/// continuation token.
public struct ObjectListing: AsyncSequence, Sendable {
    public typealias Element = ListPage
    /// Returns a page and the token of the next one, `nil` at the end.
    public typealias PageFetcher = @Sendable (_ token: String?) async throws -> (ListPage, next: String?)

    private let fetch: PageFetcher

    public init(fetch: @escaping PageFetcher) { self.fetch = fetch }

    /// A listing that is already complete, for stores that list everything at once.
    public init(pages: [ListPage]) {
        self.init { token in
            let index = token.flatMap(Int.init) ?? 0
            guard index < pages.count else { return (ListPage(objects: []), nil) }
            return (pages[index], index + 1 < pages.count ? String(index + 1) : nil)
        }
    }

    /// The page at `token` (`nil` for the first) and the token of the next, for wrappers that pass pages
    /// through one by one.
    public func page(after token: String?) async throws -> (ListPage, next: String?) { try await fetch(token) }

    /// Every object of every page.
    public func allObjects() async throws -> [ObjectMeta] {
        var objects: [ObjectMeta] = []
        for try await page in self { objects += page.objects }
        return objects
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let fetch: PageFetcher
        var token: String?
        var finished = false

        public mutating func next() async throws -> ListPage? {
            guard !finished else { return nil }
            let (page, next) = try await fetch(token)
            token = next
            finished = next == nil
            return page
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(fetch: fetch) }
}
