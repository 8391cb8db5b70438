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

/// Where the saved catalog lives between runs (`CatalogCacheFile` in the app; one per store).
public protocol CatalogCache: Sendable {
    /// The saved catalog, or nil when there is none or it cannot be read.
    func load() async -> SavedCatalog?
    func save(_ catalog: SavedCatalog) async
}
