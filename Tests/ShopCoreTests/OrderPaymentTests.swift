import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

/// An order left unpaid (esc, `q`, `s` then esc on the payment screen) is paid again or cancelled from its
/// detail, and the app's start says how many orders await payment.
@MainActor @Suite struct OrderPaymentTests {
    nonisolated static let juspayOrder: JuspayOrder = try! Fixtures.decode(
        #"{"id":"ordeh_1","order_id":"ORD-1","status":"NEW","payment_links":{"web":"https://pay.example/j1"}}"#)

    static func order(_ payment: StorefrontAPI.PaymentState = .pending, status: OrderStatus = .pending) -> Order {
        var order = Fixtures.order()
        order.paymentStatus = payment
        order.status = status
        order.isCancellationAllowed = status == .pending || status == .confirmed
        return order
    }

    /// The detail of `order`, opened from the orders list, after its payment screen was left.
    static func detailState(_ order: Order) -> State {
        var state = memberState(cart: nil)
        state.route = [.catalog, .orders, .orderDetail(orderNumber: order.orderNumber)]
        state.orders.orders = [order]
        state.orders.detail = order
        state.checkout.placement = .placed
        state.checkout.order = order
        state.payment.orderNumber = order.orderNumber
        state.payment.link = "https://pay.example/j1"
        state.payment.phase = .stopped
        return state
    }

    /// `p` on the detail: the payment screen, setting up.
    static func pay(_ store: TestStore) async {
        await store.send(.orders(.view(.pay))) {
            $0.payment = PaymentState()
            $0.payment.orderNumber = "ORD-1"
            $0.payment.amount = Fixtures.rupees(1000)
            $0.payment.phase = .settingUp
            $0.payment.message = "Preparing the payment…"
            $0.inFlight = [.paymentSetup]
            $0.route = [.catalog, .orders, .orderDetail(orderNumber: "ORD-1"), .payment(orderNumber: "ORD-1")]
        }
    }

    /// Juspay create-order answered: its link, polled.
    static func juspayOrderReady(_ store: TestStore) async {
        await store.receive(.payment(.response(.juspayOrderReady(Self.juspayOrder)))) {
            $0.payment.juspayOrder = Self.juspayOrder
            $0.payment.link = "https://pay.example/j1"
            $0.payment.linkSource = .juspayOrder
            $0.payment.message = "Open the link (or scan the QR code) to pay."
            $0.payment.phase = .awaiting
            $0.inFlight = [.paymentPolling]
        }
    }

    @Test func anUnpaidOrderIsPaidFromItsDetailWithTheJuspayOrderAgain() async {
        let api = StubAPI {
            $0.createJuspayCustomer = { _ in try! Fixtures.decode(#"{"id":"cst_1"}"#) }
            $0.createJuspayOrder = { input in
                #expect(input.0 == "ORD-1")
                return Self.juspayOrder
            }
        }
        let store = makeStore(api, state: Self.detailState(Self.order()))
        await Self.pay(store)
        await Self.juspayOrderReady(store)
        #expect(
            api.calls == [
                "createJuspayCustomer(())", "createJuspayOrder((\"ORD-1\", \"\(ShopPolicy.test.paymentReturnURL)\"))",
            ])
        await FewestRequestsTests.stopPolling(store)
    }

    @Test func aFailedOrderIsPaidFromItsDetailThroughAPaymentRetry() async {
        let info = PaymentInfo(
            id: nil, status: nil, orderId: nil, paymentLinks: PaymentLinks(web: "https://pay.example/retry"))
        let api = StubAPI {
            $0.retryPayment = { input in
                #expect(input.0 == "ORD-1")
                return info
            }
        }
        let store = makeStore(api, state: Self.detailState(Self.order(.failed)))
        await Self.pay(store)
        await store.receive(.payment(.response(.retried(info)))) {
            $0.payment.link = "https://pay.example/retry"
            $0.payment.linkSource = .retry
            $0.payment.message = "Open the link (or scan the QR code) to pay."
            $0.payment.phase = .awaiting
            $0.inFlight = [.paymentPolling]
        }
        await FewestRequestsTests.stopPolling(store)
    }

    @Test func aRefusedRetryFallsBackToJuspayCreateOrderOnEnter() async {
        let api = StubAPI {
            $0.retryPayment = { _ throws(APIError) in
                throw .http(status: 409, code: nil, message: "A payment is still in progress.", details: [])
            }
            $0.createJuspayCustomer = { _ in try! Fixtures.decode(#"{"id":"cst_1"}"#) }
            $0.createJuspayOrder = { _ in Self.juspayOrder }
        }
        let store = makeStore(api, state: Self.detailState(Self.order(.failed)))
        await Self.pay(store)
        let refusal = APIError.http(status: 409, code: nil, message: "A payment is still in progress.", details: [])
        await store.receive(.payment(.response(.retryFailed(refusal)))) {
            $0.payment.phase = .setupFailed
            $0.payment.message = "Retry failed: \(refusal.message)"
            $0.inFlight = []
        }
        // Said once, on the payment screen's status line ("Retry failed: …"), not again as a notice.
        #expect(store.state.notice == nil)
        #expect(store.state.payment.isRetryAvailable)
        await store.send(.select) {
            $0.payment.phase = .settingUp
            $0.payment.message = "Preparing the payment…"
            $0.inFlight = [.paymentSetup]
        }
        await Self.juspayOrderReady(store)
        await FewestRequestsTests.stopPolling(store)
    }

    @Test func aPaidOrderHasNothingToPayAndAShippedOneCannotBeCancelled() async {
        let api = StubAPI()
        let store = makeStore(api, state: Self.detailState(Self.order(.success, status: .shipped)))
        await store.send(.orders(.view(.pay))) {
            $0.notice = Notice(.error, "Order ORD-1 has nothing to pay.")
        }
        await store.send(.orders(.view(.requestCancel))) {
            $0.notice = Notice(.error, "Order ORD-1 can no longer be cancelled.")
        }
        await store.finish()
        #expect(api.calls.isEmpty)
    }

    /// A paid order cancelled: the notice says where the money goes (the cancellation asks for the original
    /// payment method), not only what stock and balances are released. (How it is asked: the test below.)
    @Test func cancellingAPaidOrderSaysTheAmountPaidGoesBack() async {
        let paid = Self.order(.success, status: .confirmed)
        var cancelled = paid
        cancelled.status = .cancelled
        var state = Self.detailState(paid)
        state.payment = PaymentState()
        state.checkout = CheckoutState()
        let store = makeStore(StubAPI(), state: state)
        let amount = paid.toBePaid.formatted()
        await store.send(.orders(.response(.cancelled(cancelled)))) {
            $0.orders.detail = cancelled
            $0.orders.orders = [cancelled]
            $0.notice = Notice(
                .success, "Order ORD-1 cancelled; the \(amount) paid goes back to the original payment method.")
        }
        #expect(paid.refundOnCancel == paid.toBePaid && paid.toBePaid > .zero)
        #expect(Self.order(.pending).refundOnCancel == nil)
        await store.finish()
    }

    @Test func cancellingAsksFirstThenReleasesTheOrderAndItsPayment() async {
        let cancelled = {
            var order = Self.order()
            order.status = .cancelled
            order.isCancellationAllowed = false
            return order
        }()
        let api = StubAPI {
            $0.cancelOrder = { input in
                #expect(input.0 == "ORD-1")
                #expect(input.1 == OrderCancel(cancellationReason: Reducer.cancellationReason))
                return cancelled
            }
        }
        let store = makeStore(api, state: Self.detailState(Self.order()))
        // Asked, then kept (esc).
        await store.send(.orders(.view(.requestCancel))) { $0.orders.confirmingCancel = true }
        await store.send(.back) { $0.orders.confirmingCancel = false }
        #expect(store.state.currentRoute == .orderDetail(orderNumber: "ORD-1"))
        // Asked, then confirmed (enter).
        await store.send(.orders(.view(.requestCancel))) { $0.orders.confirmingCancel = true }
        await store.send(.select) {
            $0.orders.confirmingCancel = false
            $0.inFlight = [.cancelOrder]
        }
        await store.receive(.orders(.response(.cancelled(cancelled)))) {
            $0.inFlight = []
            $0.orders.detail = cancelled
            $0.orders.orders = [cancelled]
            $0.payment = PaymentState()
            $0.checkout = CheckoutState()
            $0.notice = Notice(
                .success, "Order ORD-1 cancelled; what it held (stock, points, credit) is released.")
        }
        #expect(store.state.orders.awaitingPaymentText == nil)
        // Nothing left to pay or cancel.
        await store.send(.orders(.view(.pay))) { $0.notice = Notice(.error, "Order ORD-1 has nothing to pay.") }
        await store.finish()
    }

    @Test func aRestoredSessionSaysHowManyOrdersAwaitPayment() async throws {
        let paid = {
            var order = Self.order(.success, status: .confirmed)
            order.orderNumber = "ORD-0"
            return order
        }()
        let unpaid = Self.order()
        let page: OrdersPage = try Fixtures.decode(#"{"orders":[],"pagination":{"next_page":null}}"#)
        let api = StubAPI {
            FewestRequestsTests.emptyCatalog(&$0)
            $0.userCart = { _ in nil }
            $0.user = { _ in Fixtures.asha }
            $0.orders = { input in
                #expect(input.0 == 1)
                var answer = page
                answer.orders = [unpaid, paid]
                return answer
            }
        }
        let store = makeStore(api)
        await store.send(.session(.response(.started(Fixtures.member)))) {
            $0.session = .ready(Fixtures.member)
            $0.catalog.isLoading = true
            $0.orders.announceAwaiting = true
            $0.inFlight = [.products, .categories, .cart, .profile, .orders]
        }
        await store.receive(.catalog(.response(.pageLoaded(page: 1, products: [], nextPage: nil, total: 0)))) {
            $0.catalog.isLoading = false
            $0.catalog.nextPage = nil
            $0.inFlight.remove(.products)
        }
        await store.receive(.catalog(.response(.categoriesLoaded([])))) { $0.inFlight.remove(.categories) }
        await store.receive(.cart(.response(.loaded(nil)))) {
            $0.cart.isLoaded = true
            $0.inFlight.remove(.cart)
        }
        await store.receive(.session(.response(.userLoaded(Fixtures.asha)))) {
            $0.user = Fixtures.asha
            $0.inFlight.remove(.profile)
        }
        await store.receive(.orders(.response(.loaded(page: 1, orders: [unpaid, paid], nextPage: nil)))) {
            $0.inFlight = []
            $0.orders.orders = [unpaid, paid]
            $0.orders.nextPage = nil
            $0.orders.announceAwaiting = false
            $0.notice = Notice(.info, "1 order awaiting payment: o opens your orders.")
        }
        await store.finish()
        #expect(store.state.orders.awaitingPaymentText == "1 order awaiting payment")
    }
}
