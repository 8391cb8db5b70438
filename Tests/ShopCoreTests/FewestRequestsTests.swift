import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

/// No request beyond the fewest the API allows (BENCHMARKS.md, "Journey"), without losing what the requests
/// were for: a cart is read when it may exist or may have changed, Juspay is asked when the order has no link.
@MainActor @Suite struct FewestRequestsTests {
    static func emptyCatalog(_ handlers: inout ShopAPI) {
        handlers.products = { _ in try! Fixtures.productsPage([], next: nil) }
        handlers.categories = { _ in try! Fixtures.decode(#"{"categories":[]}"#) }
    }

    /// The review state's order placed: the cart became the order, the payment screen shows.
    static func placed(_ order: Order, _ state: inout State) {
        state.checkout.placement = .placed
        state.checkout.order = order
        state.cart = CartState()
        state.cart.isLoaded = true
        state.payment.orderNumber = order.orderNumber
        state.route = [.catalog, .payment(orderNumber: order.orderNumber)]
        state.notice = Notice(.info, "Order \(order.orderNumber) placed; preparing the payment.")
    }

    static func awaitingPayment(at link: String, _ state: inout State) {
        state.payment.link = link
        state.payment.phase = .awaiting
        state.payment.message = "Open the link (or scan the QR code) to pay."
        state.inFlight = [.paymentPolling]
    }

    /// Ends the test's polling (it would run on the test clock) and the test.
    static func stopPolling(_ store: TestStore) async {
        await store.send(.payment(.view(.stopPolling))) {
            $0.notice = nil
            $0.payment.phase = .stopped
            $0.payment.message = "Stopped checking. Press Enter to check again."
            $0.inFlight = []
        }
        await store.finish()
    }

    @Test func aSessionRestoredAtStartReadsItsCart() async {
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        let api = StubAPI {
            Self.emptyCatalog(&$0)
            $0.peekSession = { Fixtures.guest }
            $0.session = { _ in Fixtures.guest }
            $0.userCart = { _ in cart }
        }
        let store = makeStore(api)
        await store.send(.appStarted) {
            $0.session = .starting
            $0.inFlight = [.session]
        }
        await store.receive(.session(.response(.started(Fixtures.guest)))) {
            $0.session = .ready(Fixtures.guest)
            $0.inFlight = [.products, .categories, .cart]
            $0.catalog.isLoading = true
        }
        await store.receive(.catalog(.response(.pageLoaded(page: 1, products: [], nextPage: nil, total: 0)))) {
            $0.inFlight = [.categories, .cart]
            $0.catalog.isLoading = false
            $0.catalog.nextPage = nil
        }
        await store.receive(.catalog(.response(.categoriesLoaded([])))) { $0.inFlight = [.cart] }
        await store.receive(.cart(.response(.loaded(cart)))) {
            $0.inFlight = []
            $0.cart.server = cart
            $0.cart.isLoaded = true
        }
        await store.finish()
        #expect(api.count("userCart") == 1)
    }

    @Test func aFreshCartIsNotReadAgainAStaleOneIs() async {
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        let api = StubAPI { $0.userCart = { _ in cart } }
        var state = guestState()
        state.cart.server = cart
        state.cart.isLoaded = true
        let store = makeStore(api, state: state)
        /// Opens the cart from the catalog when it is stale: it is read.
        func openAndRead() async {
            await store.send(.navigate(.cart)) {
                $0.route = [.catalog, .cart]
                $0.inFlight = [.cart]
            }
            await store.receive(.cart(.response(.loaded(cart)))) {
                $0.inFlight = []
                $0.cart.isStale = false
            }
        }
        // Fresh (the last answer was the whole cart): opening it sends nothing.
        await store.send(.navigate(.cart)) { $0.route = [.catalog, .cart] }
        await store.send(.back) { $0.route = [.catalog] }
        #expect(api.count("userCart") == 0)

        // Back from a long idle: the next opening reads it.
        await store.send(.cart(.view(.markStale))) { $0.cart.isStale = true }
        #expect(api.count("userCart") == 0)
        await openAndRead()
        #expect(api.count("userCart") == 1)

        // Stale while on the cart screen: read at once.
        await store.send(.cart(.view(.markStale))) {
            $0.cart.isStale = true
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.loaded(cart)))) {
            $0.inFlight = []
            $0.cart.isStale = false
        }
        // The refresh key reads it whenever asked.
        await store.send(.cart(.view(.load))) { $0.inFlight = [.cart] }
        await store.receive(.cart(.response(.loaded(cart)))) { $0.inFlight = [] }
        #expect(api.count("userCart") == 3)

        // A change with no answer may or may not have been made: stale. A refusal leaves the cart as it was.
        api.set { $0.setItem = { _ throws(APIError) in throw .timeout } }
        await store.send(.cart(.view(.incrementSelected))) {
            $0.cart.pending[Fixtures.line("p1")] = PendingLine(quantity: 2, preview: nil)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(Fixtures.line("p1"), 2))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationFailed(sequence: 1, .timeout)))) {
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.cart.isStale = true
            $0.inFlight = []
            $0.notice = Notice(.error, "Could not update Product p1: \(APIError.timeout.message)")
        }
        await store.send(.back) {
            $0.notice = nil
            $0.route = [.catalog]
        }
        await openAndRead()
        let refused = APIError.http(status: 400, code: "VALIDATION_ERROR", message: "Only 1 left", details: [])
        api.set { $0.setItem = { _ throws(APIError) in throw refused } }
        await store.send(.cart(.view(.incrementSelected))) {
            $0.cart.pending[Fixtures.line("p1")] = PendingLine(quantity: 2, preview: nil)
            $0.cart.sequence = 2
            $0.cart.inFlight = CartRequest(sequence: 2, command: .setQuantity(Fixtures.line("p1"), 2))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationFailed(sequence: 2, refused)))) {
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.notice = Notice(.error, "Could not update Product p1: Only 1 left")
        }
        await store.finish()
        #expect(api.count("userCart") == 4)
    }

    // Changed with the vendor contract (issue #13): the seeds specify Juspay customer and create-order after
    // `POST /orders`, so an order whose answer has a link asks Juspay too, and shows create-order's link.
    @Test func anOrderAsksJuspayCreateOrderEvenWithALinkInItsAnswerAndReadsNoCart() async throws {
        let created = try orderCreated()
        let customer = try juspayCustomer()
        let juspay = try juspayOrder()
        let api = StubAPI {
            $0.createOrder = { _ in created }
            $0.createJuspayCustomer = { _ in customer }
            $0.createJuspayOrder = { _ in juspay }
        }
        let store = makeStore(api, state: reviewState())
        await store.send(.checkout(.view(.placeOrder))) {
            $0.checkout.placement = .placing
            $0.inFlight = [.placeOrder]
        }
        await store.receive(
            .checkout(.response(.orderPlaced(created.order, paymentRequired: true, paymentInfo: created.paymentInfo)))
        ) {
            Self.placed(created.order, &$0)
            $0.payment.orderAnswerLink = "https://pay.example/hc"
            $0.payment.phase = .settingUp
            $0.payment.message = "Preparing the payment…"
            $0.inFlight = [.paymentSetup]
        }
        await store.receive(.payment(.response(.juspayOrderReady(juspay)))) {
            $0.payment.juspayOrder = juspay
            $0.payment.linkSource = .juspayOrder
            Self.awaitingPayment(at: "https://pay.example/j1", &$0)
        }
        await Self.stopPolling(store)
        #expect(api.count("createJuspayCustomer") == 1 && api.count("createJuspayOrder") == 1)
        #expect(api.count("userCart") == 0)
    }

    @Test func whenCreateOrderFailsTheOrdersOwnLinkIsShownAndSaysSo() async throws {
        let created = try orderCreated()
        let customer = try juspayCustomer()
        let api = StubAPI {
            $0.createOrder = { _ in created }
            $0.createJuspayCustomer = { _ in customer }
            $0.createJuspayOrder = { _ throws(APIError) in
                throw .http(status: 502, code: nil, message: "Juspay is down.", details: [])
            }
        }
        let store = makeStore(api, state: reviewState())
        await store.send(.checkout(.view(.placeOrder))) {
            $0.checkout.placement = .placing
            $0.inFlight = [.placeOrder]
        }
        await store.receive(
            .checkout(.response(.orderPlaced(created.order, paymentRequired: true, paymentInfo: created.paymentInfo)))
        ) {
            Self.placed(created.order, &$0)
            $0.payment.orderAnswerLink = "https://pay.example/hc"
            $0.payment.phase = .settingUp
            $0.payment.message = "Preparing the payment…"
            $0.inFlight = [.paymentSetup]
        }
        let failure = APIError.http(status: 502, code: nil, message: "Juspay is down.", details: [])
        await store.receive(.payment(.response(.setupFailed(failure)))) {
            Self.awaitingPayment(at: "https://pay.example/hc", &$0)
            $0.payment.linkSource = .orderAnswer
            $0.payment.message =
                "Juspay create-order failed (Juspay is down.) This is the link from the order's answer."
        }
        await Self.stopPolling(store)
        #expect(api.count("createJuspayOrder") == 1)
    }

    @Test func anOrderWhoseAnswerHasNoLinkAsksJuspay() async throws {
        let created: OrderCreated = try Fixtures.decode(
            #"{"order":{"order_number":"ORD-1","to_be_paid":1000},"payment_required":true}"#)
        let customer = try juspayCustomer()
        let juspay = try juspayOrder()
        let api = StubAPI {
            $0.createOrder = { _ in created }
            $0.createJuspayCustomer = { _ in customer }
            $0.createJuspayOrder = { input in
                #expect(input.0 == "ORD-1")
                return juspay
            }
        }
        let store = makeStore(api, state: reviewState())
        await store.send(.checkout(.view(.placeOrder))) {
            $0.checkout.placement = .placing
            $0.inFlight = [.placeOrder]
        }
        await store.receive(.checkout(.response(.orderPlaced(created.order, paymentRequired: true, paymentInfo: nil))))
        {
            Self.placed(created.order, &$0)
            $0.payment.phase = .settingUp
            $0.payment.message = "Preparing the payment…"
            $0.inFlight = [.paymentSetup]
        }
        await store.receive(.payment(.response(.juspayOrderReady(juspay)))) {
            $0.payment.juspayOrder = juspay
            $0.payment.linkSource = .juspayOrder
            Self.awaitingPayment(at: "https://pay.example/j1", &$0)
        }
        await Self.stopPolling(store)
        #expect(api.count("createJuspayCustomer") == 1 && api.count("createJuspayOrder") == 1)
        #expect(api.count("userCart") == 0)
    }
}
