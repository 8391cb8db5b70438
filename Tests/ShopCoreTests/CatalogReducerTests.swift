import Foundation
import StorefrontAPI
import Testing

@testable import ShopCore

/// A fake storefront for reducer tests: answers from fixed data, fails where told.
struct FakeAPI: ShopAPI {
    var productsResult: Result<ProductsPage, APIError> = .failure(.network("not set"))

    func session() async throws(APIError) -> TokenClaims {
        TokenClaims(userId: "u1", isAnonymous: true, isLoggedIn: false, expiresAt: nil)
    }
    func products(_ query: ProductQuery) async throws(APIError) -> ProductsPage { try productsResult.get() }
    func product(_ idOrSlug: String) async throws(APIError) -> Product {
        throw .http(status: 404, code: nil, message: "", details: [])
    }
    func categories(parentID: String?, search: String?) async throws(APIError) -> CategoriesPage { throw .timeout }
    func search(_ request: SearchRequest) async throws(APIError) -> SearchResult { throw .timeout }
    func userCart(userID: String?) async throws(APIError) -> Cart? { nil }
    func createCart(items: [CartItemUpdate]) async throws(APIError) -> Cart { throw .timeout }
    func setItem(cartID: String, _ update: CartItemUpdate) async throws(APIError) -> Cart { throw .timeout }
}

private func products(_ count: Int) -> [Product] {
    (0..<count).map { Product(id: "p\($0)", name: "Product \($0)") }
}

@Suite struct CatalogReducerTests {
    let environment = ShopEnvironment(api: FakeAPI())

    @Test func sessionStartLoadsTheFirstPage() {
        var state = State()
        let effect = Reducer.reduce(
            into: &state,
            action: .sessionStarted(
                TokenClaims(
                    userId: "u1", isAnonymous: true, isLoggedIn: false,
                    expiresAt: nil)),
            environment: environment)
        #expect(state.session.claims?.userId == "u1")
        #expect(state.catalog.isLoading)
        #expect(!effect.isNone)
    }

    @Test func selectionStaysInsideTheList() {
        var state = State()
        _ = Reducer.reduce(
            into: &state, action: .productsLoaded(page: 1, products: products(3), nextPage: nil, total: 3),
            environment: environment)
        _ = Reducer.reduce(into: &state, action: .moveSelection(by: -1), environment: environment)
        #expect(state.catalog.selectedIndex == 0)
        _ = Reducer.reduce(into: &state, action: .moveSelection(by: 10), environment: environment)
        #expect(state.catalog.selectedIndex == 2)
        #expect(state.catalog.selectedProduct?.id == "p2")
    }

    @Test func failureShowsANoticeAndStopsLoading() {
        var state = State()
        state.catalog.isLoading = true
        _ = Reducer.reduce(into: &state, action: .productsFailed(.timeout), environment: environment)
        #expect(!state.catalog.isLoading)
        #expect(state.notice?.kind == .error)
        #expect(state.notice?.text.contains("too long") == true)
    }

    @MainActor @Test func storeRunsTheSessionAndCatalogEffects() async throws {
        var api = FakeAPI()
        api.productsResult = .success(
            try JSONDecoder.snake.decode(
                ProductsPage.self, from: Data(#"{"products":[{"id":"a","name":"Kurta"}]}"#.utf8)))
        let store = Store(environment: ShopEnvironment(api: api))
        store.send(.appStarted)
        for _ in 0..<200 where store.state.catalog.products.isEmpty {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(store.state.catalog.products.map(\.name) == ["Kurta"])
        #expect(store.state.session.claims?.isAnonymous == true)
    }
}

extension JSONDecoder {
    static var snake: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
