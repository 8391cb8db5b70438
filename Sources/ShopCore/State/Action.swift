import StorefrontAPI

/// Everything that can happen: intents from keys and answers from effects. `Codable` for the action log.
public enum Action: Equatable, Sendable, Codable {
    // Session
    case appStarted
    case sessionStarted(TokenClaims)
    case sessionFailed(APIError)

    // Catalog
    case loadMoreProducts
    case productsLoaded(page: Int, products: [Product], nextPage: Int?, total: Int)
    case productsFailed(APIError)
    case moveSelection(by: Int)

    // Notices
    case dismissNotice
}
