import StorefrontAPI

/// What ShopCore needs of the storefront: the real `StorefrontClient` in the app, fakes in unit tests.
public protocol ShopAPI: Sendable {
    func session() async throws(APIError) -> TokenClaims
    func products(_ query: ProductQuery) async throws(APIError) -> ProductsPage
    func product(_ idOrSlug: String) async throws(APIError) -> Product
    func categories(parentID: String?, search: String?) async throws(APIError) -> CategoriesPage
    func search(_ request: SearchRequest) async throws(APIError) -> SearchResult
    func userCart(userID: String?) async throws(APIError) -> Cart?
    func createCart(items: [CartItemUpdate]) async throws(APIError) -> Cart
    func setItem(cartID: String, _ update: CartItemUpdate) async throws(APIError) -> Cart
}

extension StorefrontClient: ShopAPI {}
