import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

@MainActor @Suite struct CatalogTests {
    @Test func appStartsAnonymousAndLoadsCatalogAndCategories() async throws {
        let page = try Fixtures.productsPage(["a", "b"], next: 2)
        let categories: CategoriesPage = try Fixtures.decode(#"{"categories":[{"id":"k1","name":"Kurtas"}]}"#)
        let api = StubAPI {
            $0.session = { _ in Fixtures.guest }
            $0.products = { _ in page }
            $0.categories = { _ in categories }
        }
        let store = makeStore(api)
        await store.send(.appStarted) {
            $0.session = .starting
            $0.inFlight = [.session]
        }
        // No token was stored: the guest was minted just now and has no cart on the server yet.
        await store.receive(.session(.response(.startedAsNewGuest(Fixtures.guest)))) {
            $0.session = .ready(Fixtures.guest)
            $0.inFlight = [.products, .categories]
            $0.catalog.isLoading = true
            $0.cart.isLoaded = true
        }
        await store.receive(
            .catalog(.response(.pageLoaded(page: 1, products: page.products, nextPage: 2, total: 2)))
        ) {
            $0.inFlight = [.categories]
            $0.catalog.isLoading = false
            $0.catalog.products = page.products
            $0.catalog.nextPage = 2
            $0.catalog.totalRecords = 2
        }
        await store.receive(.catalog(.response(.categoriesLoaded(categories.categories)))) {
            $0.inFlight = []
            $0.catalog.categories = categories.categories
        }
        // Opening the cart: known to be empty, nothing to read.
        await store.send(.navigate(.cart)) { $0.route = [.catalog, .cart] }
        await store.finish()
        #expect(api.count("userCart") == 0)
        #expect(store.state.cart.isEmpty)
        #expect(store.state.isSignedIn == false)
    }

    /// The app starts while the store is offline: the session fails with a notice.
    func startFailsOffline(_ store: TestStore) async {
        await store.send(.appStarted) {
            $0.session = .starting
            $0.inFlight = [.session]
        }
        await store.receive(.session(.response(.startFailed(.network("offline"))))) {
            $0.inFlight = []
            $0.session = .failed(.network("offline"))
            $0.notice = Notice(.error, APIError.network("offline").message)
        }
    }

    @Test func sessionFailureShowsNotice() async {
        let api = StubAPI { $0.session = { _ throws(APIError) in throw .network("offline") } }
        let store = makeStore(api)
        await startFailsOffline(store)
        await store.send(.dismissNotice) { $0.notice = nil }
        await store.finish()
    }

    @Test func reloadAfterAFailedStartStartsTheSessionAndLoadsTheCart() async throws {
        let page = try Fixtures.productsPage(["a"], next: nil)
        let categories: CategoriesPage = try Fixtures.decode(#"{"categories":[]}"#)
        // A stored session (so its cart is on the server) that could not be refreshed while the store was away.
        let api = StubAPI {
            $0.peekSession = { Fixtures.guest }
            $0.session = { _ throws(APIError) in throw .network("offline") }
            $0.products = { _ in page }
            $0.categories = { _ in categories }
            $0.userCart = { _ in nil }
        }
        let store = makeStore(api)
        await startFailsOffline(store)
        // The store answers again; `r` starts the session, not only the product list.
        api.set { $0.session = { _ in Fixtures.guest } }
        await store.send(.catalog(.view(.refresh))) {
            $0.session = .starting
            $0.inFlight = [.session]
        }
        await store.receive(.session(.response(.started(Fixtures.guest)))) {
            $0.session = .ready(Fixtures.guest)
            $0.inFlight = [.products, .categories, .cart]
            $0.catalog.isLoading = true
        }
        await store.receive(.catalog(.response(.pageLoaded(page: 1, products: page.products, nextPage: nil, total: 1))))
        {
            $0.inFlight = [.categories, .cart]
            $0.catalog.isLoading = false
            $0.catalog.products = page.products
            $0.catalog.nextPage = nil
            $0.catalog.totalRecords = 1
        }
        await store.receive(.catalog(.response(.categoriesLoaded([])))) { $0.inFlight = [.cart] }
        await store.receive(.cart(.response(.loaded(nil)))) {
            $0.inFlight = []
            $0.cart.isLoaded = true
        }
        await store.finish()
        #expect(api.count("session") == 2)
        #expect(api.count("userCart") == 1)
    }

    @Test func selectionNearTheEndLoadsTheNextPageAndStaysInside() async throws {
        let next = try Fixtures.productsPage(["c"], next: nil)
        let api = StubAPI {
            $0.products = { query in
                #expect(query.page == 2)
                return next
            }
        }
        var state = guestState()
        state.catalog.products = (0..<3).map { Fixtures.product("p\($0)") }
        state.catalog.nextPage = 2
        let store = makeStore(api, state: state)
        await store.send(.moveSelection(by: -1)) {
            $0.catalog.isLoading = true
            $0.inFlight = [.products]
        }
        await store.receive(.catalog(.response(.pageLoaded(page: 2, products: next.products, nextPage: nil, total: 1))))
        {
            $0.catalog.products += next.products
            $0.catalog.isLoading = false
            $0.catalog.nextPage = nil
            $0.catalog.totalRecords = 1
            $0.inFlight = []
        }
        await store.send(.moveSelection(by: 10)) { $0.catalog.selectedIndex = 3 }
        // No more pages: nothing is loaded.
        await store.send(.catalog(.view(.loadMore)))
        await store.finish()
    }

    @Test func pageFailureStopsLoadingWithANotice() async {
        let api = StubAPI { $0.products = { _ throws(APIError) in throw .timeout } }
        let store = makeStore(api, state: guestState())
        await store.send(.catalog(.view(.loadMore))) {
            $0.catalog.isLoading = true
            $0.inFlight = [.products]
        }
        await store.receive(.catalog(.response(.pageFailed(.timeout)))) {
            $0.catalog.isLoading = false
            $0.inFlight = []
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        await store.finish()
    }

    @Test func choosingACategoryReloadsFromPageOne() async throws {
        let page = try Fixtures.productsPage(["k"], next: nil)
        let api = StubAPI {
            $0.products = { query in
                #expect(query.categoryId == "k1")
                #expect(query.page == 1)
                return page
            }
        }
        var state = guestState()
        state.catalog.products = [Fixtures.product("old")]
        state.catalog.nextPage = nil
        let store = makeStore(api, state: state)
        await store.send(.catalog(.view(.chooseCategory("k1")))) {
            $0.catalog.categoryID = "k1"
            $0.catalog.products = []
            $0.catalog.nextPage = 1
            $0.catalog.isLoading = true
            $0.inFlight = [.products]
        }
        await store.receive(.catalog(.response(.pageLoaded(page: 1, products: page.products, nextPage: nil, total: 1))))
        {
            $0.catalog.products = page.products
            $0.catalog.isLoading = false
            $0.catalog.nextPage = nil
            $0.catalog.totalRecords = 1
            $0.inFlight = []
        }
        await store.send(.catalog(.view(.chooseCategory("k1"))))
        await store.finish()
    }

    @Test func categoriesFailureIsANotice() async {
        let store = makeStore(StubAPI(), state: guestState())
        await store.send(.catalog(.response(.categoriesFailed(.timeout)))) {
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        await store.finish()
    }

    @Test func searchIsDebouncedAndOnlyTheLastQueryIsSent() async throws {
        let clock = TestClock()
        let result = try Fixtures.searchResult(["k1", "k2"])
        let api = StubAPI {
            $0.search = { request in
                #expect(request.query == "ku")
                return result
            }
        }
        let store = makeStore(api, clock: clock, state: guestState())
        await store.send(.edit(.searchQuery, .insert("k"))) {
            $0.form[.searchQuery] = "k"
            $0.catalog.searchGeneration = 1
            $0.inFlight = [.search]
        }
        await store.advance(clock, by: .milliseconds(200))
        await store.send(.edit(.searchQuery, .insert("u"))) {
            $0.form[.searchQuery] = "ku"
            $0.catalog.searchGeneration = 2
        }
        await store.advance(clock, by: .milliseconds(200))
        await store.expectNoReceived()
        #expect(api.count("search") == 0)
        await store.advance(clock, by: .milliseconds(100))
        await store.receive(.catalog(.response(.searchAnswered(generation: 2, query: "ku", items: result.skus)))) {
            $0.catalog.results = result.skus
            $0.catalog.resultsQuery = "ku"
            $0.inFlight = []
        }
        #expect(api.count("search") == 1)
        // Enter opens the selected result.
        await store.send(.moveSelection(by: 1)) { $0.catalog.selectedIndex = 1 }
        await store.finish()
    }

    @Test func staleSearchAnswersAreDropped() async {
        var state = guestState()
        state.catalog.searchGeneration = 3
        state.form[.searchQuery] = "silk"
        state.inFlight = [.search]
        let store = makeStore(StubAPI(), state: state)
        await store.send(
            .catalog(.response(.searchAnswered(generation: 2, query: "sil", items: [Fixtures.catalogItem("x")]))))
        await store.send(.catalog(.response(.searchFailed(generation: 2, .timeout))))
        await store.send(.catalog(.response(.searchFailed(generation: 3, .timeout)))) {
            $0.inFlight = []
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        await store.finish()
    }

    @Test func clearingTheSearchCancelsItAndEmptiesResults() async {
        let clock = TestClock()
        var state = guestState()
        state.catalog.results = [Fixtures.catalogItem("x")]
        state.catalog.resultsQuery = "x"
        state.form[.searchQuery] = "x"
        let store = makeStore(StubAPI(), clock: clock, state: state)
        await store.send(.edit(.searchQuery, .backspace)) {
            $0.form[.searchQuery] = ""
            $0.catalog.searchGeneration = 1
            $0.catalog.results = []
            $0.catalog.resultsQuery = ""
        }
        await store.send(.setField(.searchQuery, "y")) {
            $0.form[.searchQuery] = "y"
            $0.catalog.searchGeneration = 2
            $0.inFlight = [.search]
        }
        await store.send(.catalog(.view(.clearSearch))) {
            $0.form[.searchQuery] = ""
            $0.catalog.searchGeneration = 3
            $0.inFlight = []
        }
        await store.advance(clock, by: .seconds(1))
        await store.finish()
    }

    @Test func refreshReloadsTheFirstPage() async throws {
        let page = try Fixtures.productsPage(["n"], next: nil)
        let api = StubAPI { $0.products = { _ in page } }
        var state = guestState()
        state.catalog.products = [Fixtures.product("o")]
        state.catalog.selectedIndex = 0
        state.catalog.nextPage = nil
        let store = makeStore(api, state: state)
        await store.send(.catalog(.view(.refresh))) {
            $0.catalog.products = []
            $0.catalog.nextPage = 1
            $0.catalog.isLoading = true
            $0.inFlight = [.products]
        }
        await store.receive(.catalog(.response(.pageLoaded(page: 1, products: page.products, nextPage: nil, total: 1))))
        {
            $0.catalog.products = page.products
            $0.catalog.isLoading = false
            $0.catalog.nextPage = nil
            $0.catalog.totalRecords = 1
            $0.inFlight = []
        }
        await store.finish()
    }

    @Test func aProductThatCannotBeReadIsDroppedAndCountedNotTheWholePage() async throws {
        // One product with a price that is not a number: the page keeps the other, and names the dropped one.
        let page: ProductsPage = try Fixtures.decode(
            #"{"products":[{"id":"p1","name":"Tea"},{"id":"p2","name":"Kettle","pricing":{"selling_price":"free"}}],"pagination":{"total_records":2,"next_page":2}}"#
        )
        #expect(page.products.map(\.id) == ["p1"])
        #expect(page.dropped.map(\.id) == ["p2"])
        #expect(page.dropped.first?.path == "products[1].pricing.selling_price")
        var state = State()
        state.catalog.isLoading = true
        let store = makeStore(StubAPI(), state: state)
        await store.send(
            .catalog(
                .response(
                    .pageLoaded(page: 1, products: page.products, nextPage: 2, total: 2, unreadable: page.dropped)))
        ) {
            $0.catalog.isLoading = false
            $0.catalog.products = page.products
            $0.catalog.nextPage = 2
            $0.catalog.totalRecords = 2
            $0.catalog.unreadable = page.dropped
        }
        // A later page adds its own; a reload (page 1) starts the count again.
        await store.send(
            .catalog(.response(.pageLoaded(page: 2, products: [], nextPage: nil, total: 2, unreadable: page.dropped)))
        ) {
            $0.catalog.nextPage = nil
            $0.catalog.unreadable = page.dropped + page.dropped
        }
        await store.send(.catalog(.response(.pageLoaded(page: 1, products: page.products, nextPage: nil, total: 1)))) {
            $0.catalog.totalRecords = 1
            $0.catalog.unreadable = []
        }
    }
}
