import StorefrontAPI

/// The types of ``CatalogAction``: what the user asks, what effects answer.
public enum CatalogFeature {
    /// What the user asked for.
    public enum View: Equatable, Sendable, Codable {
        case loadMore
        case refresh
        /// The page an earlier run saved (``CatalogCacheFile``), read by the front end at start.
        case savedCopyRead(SavedCatalog)
        /// Filters by category (nil: all).
        case chooseCategory(String?)
        case clearSearch
    }

    /// What an effect answered.
    public enum Response: Equatable, Sendable, Codable {
        /// `unreadable`: products of the page the app could not read (left out, logged by the client).
        case pageLoaded(page: Int, products: [Product], nextPage: Int?, total: Int, unreadable: [DroppedElement] = [])
        case pageFailed(APIError)
        case categoriesLoaded([Category])
        case categoriesFailed(APIError)
        case searchAnswered(generation: Int, query: String, items: [CatalogItem])
        case searchFailed(generation: Int, APIError)
    }
}
