import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

@MainActor @Suite struct ProductTests {
    static func variant(_ id: String, stock: Bool, quantity: Int? = nil, isDefault: Bool = false) -> Variant {
        var variant = Variant(
            id: id, name: "Size \(id)", stockAvailable: stock,
            pricing: Pricing(
                listingPrice: Fixtures.rupees(800), sellingPrice: Fixtures.rupees(700), maxOrderQuantity: 5))
        variant.stockQuantity = quantity
        variant.isDefault = isDefault
        return variant
    }

    /// The search lists variants ("Shirt (S)", "Shirt (L)"): Enter on one opens the product with that variant
    /// chosen, not the default (opened from the plain list, the default: the test above).
    @Test func aSearchResultOpensOnItsOwnVariant() async {
        let product = {
            var product = Fixtures.product("shirt")
            product.hasVariant = true
            return product
        }()
        let variants = [
            Self.variant("S", stock: true, isDefault: true), Self.variant("M", stock: false),
            Self.variant("L", stock: true),
        ]
        let api = StubAPI {
            $0.product = { _ in product }
            $0.variants = { _ in variants }
        }
        var state = memberState()
        state.form[.searchQuery] = "shirt"
        state.catalog.resultsQuery = "shirt"
        state.catalog.results = ["S", "M", "L"].map {
            var item = Fixtures.catalogItem("shirt")
            item.variantId = $0
            return item
        }
        state.catalog.selectedIndex = 1
        let store = makeStore(api, state: state)
        await store.send(.select) {
            $0.route = [.catalog, .product(id: "shirt")]
            $0.product.id = "shirt"
            $0.product.preferredVariantID = "M"
            $0.inFlight = [.product]
        }
        await store.receive(.product(.response(.loaded(product, variants: variants)))) {
            $0.product.product = product
            $0.product.variants = variants
            $0.product.selectedVariantIndex = 1  // M, out of stock as the result said, not the default S
            $0.product.preferredVariantID = nil
            $0.inFlight = []
        }
        await store.finish()
    }

    @Test func openingAProductWithVariantsPicksAPurchasableOneAndKeepsWithinStock() async {
        let product = {
            var product = Fixtures.product("shirt")
            product.hasVariant = true
            return product
        }()
        let variants = [Self.variant("S", stock: false, isDefault: true), Self.variant("M", stock: true, quantity: 2)]
        let api = StubAPI {
            $0.product = { id in
                #expect(id == "shirt")
                return product
            }
            $0.variants = { _ in variants }
            $0.setItem = { input in
                var item = Fixtures.item("shirt", quantity: input.1.quantity, price: 700)
                item.variantId = input.1.variantId
                return Fixtures.cart([item])
            }
        }
        let store = makeStore(api, state: memberState())
        await store.send(.navigate(.product(id: "shirt"))) {
            $0.route = [.catalog, .product(id: "shirt")]
            $0.product.id = "shirt"
            $0.inFlight = [.product]
        }
        await store.receive(.product(.response(.loaded(product, variants: variants)))) {
            $0.product.product = product
            $0.product.variants = variants
            $0.product.selectedVariantIndex = 1
            $0.inFlight = []
        }
        #expect(store.state.product.maxQuantity == 2)
        await store.send(.product(.view(.changeQuantity(by: 5)))) {
            $0.product.quantity = 2
            $0.notice = Notice(.info, "Only 2 can be ordered.")
        }
        // The out-of-stock size cannot be added.
        await store.send(.moveSelection(by: -1)) {
            $0.notice = nil
            $0.product.selectedVariantIndex = 0
            $0.product.quantity = 1
        }
        await store.send(.product(.view(.addToCart))) { $0.notice = Notice(.error, "Product shirt is out of stock.") }
        await store.send(.product(.view(.selectVariant(1)))) {
            $0.notice = nil
            $0.product.selectedVariantIndex = 1
        }
        await store.send(.product(.view(.selectVariant(9))))
        let line = LineID(productId: "shirt", variantId: "M")
        let preview = CartItem(
            productId: "shirt", variantId: "M", productName: "Product shirt · Size M", quantity: 1,
            sellingPrice: Fixtures.rupees(700))
        await store.send(.product(.view(.addToCart))) {
            $0.notice = Notice(.success, "Added Product shirt to the cart.")
            $0.cart.pending[line] = PendingLine(quantity: 1, preview: preview)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(line, 1))
            $0.inFlight = [.cart]
        }
        var answeredItem = Fixtures.item("shirt", quantity: 1, price: 700)
        answeredItem.variantId = "M"
        let answered = Fixtures.cart([answeredItem])
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, answered)))) {
            $0.cart.server = answered
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        #expect(store.state.cartCount == 1)
        #expect(store.state.cartAmount == Fixtures.rupees(700))
        await store.finish()
    }

    @Test func addingMoreThanTheLimitIsCappedAndAnOutOfStockProductIsRefused() async {
        var state = memberState(cart: Fixtures.cart([Fixtures.item("p1", quantity: 3)]))
        state.route = [.catalog, .product(id: "p1")]
        state.product.id = "p1"
        state.product.product = Fixtures.product("p1", max: 3)
        let store = makeStore(StubAPI(), state: state)
        await store.send(.product(.view(.addToCart))) {
            $0.notice = Notice(.info, "Only 3 can be ordered; the cart has 3.")
        }
        var soldOut = memberState()
        soldOut.product.id = "p2"
        soldOut.product.product = Fixtures.product("p2", stock: false)
        let soldOutStore = makeStore(StubAPI(), state: soldOut)
        await soldOutStore.send(.product(.view(.addToCart))) {
            $0.notice = Notice(.error, "Product p2 is out of stock.")
        }
        await store.finish()
        await soldOutStore.finish()
    }

    @Test func aProductThatFailsToLoadShowsANoticeAndLateAnswersForAnotherAreIgnored() async {
        let api = StubAPI {
            $0.product = { _ throws(APIError) in throw .http(status: 404, code: nil, message: "", details: []) }
        }
        let store = makeStore(api, state: guestState())
        await store.send(.product(.view(.open(id: "gone")))) {
            $0.product.id = "gone"
            $0.inFlight = [.product]
        }
        await store.receive(
            .product(.response(.failed(id: "gone", .http(status: 404, code: nil, message: "", details: []))))
        ) {
            $0.inFlight = []
            $0.notice = Notice(.error, APIError.http(status: 404, code: nil, message: "", details: []).message)
        }
        await store.send(.product(.response(.loaded(Fixtures.product("other"), variants: []))))
        await store.send(.product(.response(.failed(id: "other", .timeout))))
        await store.finish()
    }

    @Test func addToWishlistFromTheProductPage() async {
        let api = StubAPI { $0.addToWishlist = { _ in [Fixtures.catalogItem("p1")] } }
        var state = memberState()
        state.product.id = "p1"
        state.product.product = Fixtures.product("p1")
        let store = makeStore(api, state: state)
        await store.send(.product(.view(.addToWishlist))) { $0.inFlight = [.wishlist] }
        await store.receive(.wishlist(.response(.updated([Fixtures.catalogItem("p1")])))) {
            $0.wishlist.items = [Fixtures.catalogItem("p1")]
            $0.wishlist.isLoaded = true
            $0.inFlight = []
            $0.notice = Notice(.success, "Saved Product p1 to the wishlist.")
        }
        await store.finish()
    }

    /// `s` then `w` at once: opening the wishlist while the save is on its way waits for the save's answer (the
    /// whole wishlist) instead of reading it again, which cancelled the save (the journey in tmux once showed "Your
    /// wishlist is empty." after saving a product).
    @Test func openingTheWishlistWhileASaveIsOnItsWayKeepsTheSave() async {
        // The save answers only once the wishlist has been opened.
        let (opened, open) = AsyncStream<Void>.makeStream()
        let api = StubAPI {
            $0.addToWishlist = { _ in
                for await _ in opened { break }
                return [Fixtures.catalogItem("p1")]
            }
        }
        var state = memberState()
        state.product.id = "p1"
        state.product.product = Fixtures.product("p1")
        let store = makeStore(api, state: state)
        await store.send(.product(.view(.addToWishlist))) { $0.inFlight = [.wishlist] }
        await store.send(.navigate(.wishlist)) { $0.route.append(.wishlist) }
        open.yield()
        await store.receive(.wishlist(.response(.updated([Fixtures.catalogItem("p1")])))) {
            $0.wishlist.items = [Fixtures.catalogItem("p1")]
            $0.wishlist.isLoaded = true
            $0.inFlight = []
            $0.notice = Notice(.success, "Saved Product p1 to the wishlist.")
        }
        await store.finish()
    }
}

@MainActor @Suite struct OrdersTests {
    @Test func historyPagesAndDetail() async throws {
        let first: OrdersPage = try Fixtures.decode(
            #"{"orders":[{"order_number":"A"},{"order_number":"B"},{"order_number":"C"}],"pagination":{"next_page":2}}"#
        )
        let second: OrdersPage = try Fixtures.decode(
            #"{"orders":[{"order_number":"D"}],"pagination":{"next_page":null}}"#)
        var detail = first.orders[1]
        detail.status = .shipped
        let answer = detail
        let api = StubAPI {
            $0.orders = { input in input.0 == 1 ? first : second }
            $0.order = { number in
                #expect(number == "B")
                return answer
            }
        }
        var state = memberState()
        state.route = [.catalog, .account]
        let store = makeStore(api, state: state)
        await store.send(.navigate(.orders)) {
            $0.route.append(.orders)
            $0.inFlight = [.orders]
        }
        await store.receive(.orders(.response(.loaded(page: 1, orders: first.orders, nextPage: 2)))) {
            $0.orders.orders = first.orders
            $0.orders.nextPage = 2
            $0.inFlight = []
        }
        await store.send(.moveSelection(by: 1)) {
            $0.orders.selectedIndex = 1
            $0.inFlight = [.orders]
        }
        await store.receive(.orders(.response(.loaded(page: 2, orders: second.orders, nextPage: nil)))) {
            $0.orders.orders = first.orders + second.orders
            $0.orders.nextPage = nil
            $0.inFlight = []
        }
        await store.send(.orders(.view(.loadMore)))
        await store.send(.select) {
            $0.route.append(.orderDetail(orderNumber: "B"))
            $0.orders.detail = first.orders[1]
            $0.inFlight = [.orderDetail]
        }
        await store.receive(.orders(.response(.detailLoaded(answer)))) {
            $0.orders.detail = answer
            $0.inFlight = []
        }
        await store.send(.back) { $0.route = [.catalog, .account, .orders] }
        await store.send(.orders(.response(.detailLoaded(answer))))
        await store.send(.orders(.response(.failed(.timeout)))) { $0.notice = Notice(.error, APIError.timeout.message) }
        await store.send(.orders(.response(.detailFailed(.network("x"))))) {
            $0.notice = Notice(.error, APIError.network("x").message)
        }
        await store.finish()
    }
}
