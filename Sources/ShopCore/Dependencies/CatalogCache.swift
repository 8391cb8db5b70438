import StorefrontAPI

/// The first catalog page of an earlier run, kept so that the next start can show it at once (marked as being
/// refreshed) while the store's answer is on its way: stale-while-revalidate. Only the list is drawn from it; a
/// product page, the cart and checkout always read the store.
public struct SavedCatalog: Codable, Equatable, Sendable {
    public var products: [Product]
    public var totalRecords: Int
    public var categories: [Category]

    public init(products: [Product], totalRecords: Int, categories: [Category]) {
        self.products = products
        self.totalRecords = totalRecords
        self.categories = categories
    }
}

/// Where the store's first page is saved for the next start (`CatalogCacheFile` in the app; one per store).
///
/// The front end reads the saved page itself before its first frame (`CatalogCacheFile.load()`, a few ms) and
/// sends `.catalog(.view(.savedCopyRead))` with `.appStarted`, so that the first frame already holds it.
public protocol CatalogCache: Sendable {
    func save(_ catalog: SavedCatalog) async
}
