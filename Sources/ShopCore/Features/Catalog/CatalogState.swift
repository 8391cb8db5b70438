import StorefrontAPI

public struct CatalogState: Equatable, Sendable {
    public var products: [Product] = []
    public var selectedIndex = 0
    public var nextPage: Int? = 1
    public var isLoading = false
    public var totalRecords = 0
    /// The products are the page saved by an earlier run (``SavedCatalog``), shown until the store's first page
    /// replaces them: drawn as "refreshing" (or as a saved copy once the store failed to answer).
    public var showsSavedCopy = false
    /// Products the store listed that could not be read, on the pages loaded so far.
    public var unreadable: [DroppedElement] = []
    public var categories: [Category] = []
    /// nil: all products.
    public var categoryID: String?
    /// Search results while the query is not empty.
    public var results: [CatalogItem] = []
    /// The query the results answer.
    public var resultsQuery = ""
    /// Increases with every search sent; answers of older searches are dropped.
    public var searchGeneration = 0

    public init() {}

    public var selectedProduct: Product? {
        products.indices.contains(selectedIndex) ? products[selectedIndex] : nil
    }

    public var selectedResult: CatalogItem? {
        results.indices.contains(selectedIndex) ? results[selectedIndex] : nil
    }
}
