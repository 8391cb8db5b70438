import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

/// A support view (`storefront support cart --user-id ID`) reads another user's cart with a token that may
/// only read carts and the catalog: what would show the viewer's own data is refused before any request.
@MainActor @Suite struct SupportViewTests {
    /// Intents that open the viewer's own screens, and the screen they are sent from.
    nonisolated static let outside: [(Action, Route)] = [
        (.navigate(.wishlist), .cart),
        (.navigate(.orders), .cart),
        (.navigate(.orderDetail(orderNumber: "ORD-1")), .cart),
        (.navigate(.account), .cart),
        (.navigate(.login), .cart),
        (.navigate(.register), .catalog),
        (.navigate(.coupons), .cart),
        (.navigate(.checkout(.address)), .cart),
        (.navigate(.profile), .catalog),
        (.navigate(.notifications), .catalog),
        (.navigate(.payment(orderNumber: "ORD-1")), .cart),
        (.checkout(.view(.start)), .cart),
        (.select, .cart),
        (.wishlist(.view(.load)), .catalog),
        (.orders(.view(.load)), .catalog),
        (.orders(.view(.open(orderNumber: "ORD-1"))), .catalog),
        (.coupons(.view(.load)), .cart),
        (.account(.view(.loadPreferences)), .catalog),
    ]

    /// Another user's cart, seen with a support token (which is not signed in as anyone).
    static func supportState(on route: Route, readOnly: ReadOnlyMode = ReadOnlyMode(cartOwner: "customer-42"))
        -> State
    {
        var state = State()
        state.session = .ready(
            TokenClaims(userId: "support", isAnonymous: false, isLoggedIn: false, expiresAt: nil, role: "support"))
        state.readOnly = readOnly
        state.cart.server = Fixtures.cart([Fixtures.item("p1", quantity: 2)])
        state.cart.isLoaded = true
        state.route = route == .cart ? [.cart] : [.cart, route]
        return state
    }

    @Test(arguments: outside)
    func theViewersOwnScreensAreRefusedWithANoticeAndNoRequest(_ action: Action, on route: Route) async {
        let api = StubAPI()
        let state = Self.supportState(on: route)
        let store = makeStore(api, state: state)
        await store.send(action) { $0.notice = Notice(.error, Reducer.supportViewNotice) }
        await store.finish()
        #expect(api.calls == [])
        #expect(store.state.route == state.route)
    }

    @Test(arguments: outside)
    func plainReadOnlyDoesNotApplyTheSupportScope(_ action: Action, on route: Route) {
        var state = Self.supportState(on: route, readOnly: ReadOnlyMode())
        state.session = .ready(Fixtures.member)
        #expect(!Reducer.outsideSupportView(action, in: state))
        state.readOnly = nil
        #expect(!Reducer.outsideSupportView(action, in: state))
    }

    @Test func theCatalogProductsAndTheCustomersCartStayOpen() async {
        let product = Fixtures.product("p1")
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 2)])
        let api = StubAPI {
            $0.product = { _ in product }
            $0.userCart = { userID in
                #expect(userID == "customer-42")
                return cart
            }
        }
        let state = Self.supportState(on: .cart)
        for action in [
            Action.navigate(.catalog), .navigate(.product(id: "p1")), .navigate(.cart), .moveSelection(by: 1),
        ] {
            #expect(!Reducer.outsideSupportView(action, in: state), "\(action)")
        }
        let store = makeStore(api, state: state)
        await store.send(.navigate(.catalog)) { $0.route = [.cart, .catalog] }
        await store.send(.navigate(.product(id: "p1"))) {
            $0.route = [.cart, .catalog, .product(id: "p1")]
            $0.product.id = "p1"
            $0.inFlight = [.product]
        }
        await store.receive(.product(.response(.loaded(product, variants: [])))) {
            $0.inFlight = []
            $0.product.product = product
            $0.product.quantity = 1
        }
        // The customer's cart is fresh: opening it again (back to the root of this view) reads nothing; the
        // refresh key reads that user's cart.
        await store.send(.navigate(.cart)) { $0.route = [.cart] }
        await store.send(.cart(.view(.load))) { $0.inFlight = [.cart] }
        await store.receive(.cart(.response(.loaded(cart)))) { $0.inFlight = [] }
        await store.finish()
        #expect(api.calls.count == 2)
        #expect(store.state.notice == nil)
    }

    @Test func plainReadOnlyStillOpensTheWishlistAndTheOrders() async throws {
        let items = [Fixtures.catalogItem("p1")]
        let page: OrdersPage = try Fixtures.decode(
            #"{"orders":[{"order_number":"A"}],"pagination":{"next_page":null}}"#)
        let api = StubAPI {
            $0.wishlist = { _ in items }
            $0.orders = { _ in page }
        }
        var state = memberState()
        state.readOnly = ReadOnlyMode()
        state.route = [.cart]
        let store = makeStore(api, state: state)
        await store.send(.navigate(.wishlist)) {
            $0.route = [.cart, .wishlist]
            $0.inFlight = [.wishlist]
        }
        await store.receive(.wishlist(.response(.loaded(items)))) {
            $0.inFlight = []
            $0.wishlist.items = items
            $0.wishlist.isLoaded = true
        }
        await store.send(.navigate(.orders)) {
            $0.route = [.cart, .wishlist, .orders]
            $0.inFlight = [.orders]
        }
        await store.receive(.orders(.response(.loaded(page: 1, orders: page.orders, nextPage: nil)))) {
            $0.inFlight = []
            $0.orders.orders = page.orders
            $0.orders.nextPage = nil
        }
        await store.finish()
        #expect(api.calls.count == 2)
        #expect(store.state.notice == nil)
    }
}
