import Foundation
import ShopTestSupport
import StorefrontAPI
import Synchronization
import Testing

@testable import ShopCore

/// On the payment screen, polling.
func awaitingState() -> State {
    var state = memberState(cart: nil)
    state.route = [.catalog, .payment(orderNumber: "ORD-1")]
    state.checkout.placement = .placed
    state.checkout.order = Fixtures.order()
    state.payment.orderNumber = "ORD-1"
    state.payment.link = "https://pay.example/j1"
    return state
}

@MainActor @Suite struct PaymentTests {
    @Test func aFailedPaymentIsRetriedWithANewLink() async throws {
        let clock = TestClock()
        let statuses = Mutex<[PaymentStatus]>([
            PaymentStatus(status: .failed, isRetryAvailable: true), PaymentStatus(status: .success),
        ])
        let api = StubAPI {
            $0.paymentStatus = { _ in statuses.withLock { $0.removeFirst() } }
            $0.retryPayment = { input in
                #expect(input.0 == "ORD-1")
                return PaymentInfo(
                    id: nil, status: nil, orderId: nil, paymentLinks: PaymentLinks(web: "https://pay.example/retry"))
            }
        }
        var state = awaitingState()
        state.payment.phase = .stopped
        let store = makeStore(api, clock: clock, state: state)
        await store.send(.payment(.view(.checkAgain))) {
            $0.payment.phase = .awaiting
            $0.inFlight = [.paymentPolling]
        }
        await store.advance(clock, by: .seconds(3))
        let failed = PaymentStatus(status: .failed, isRetryAvailable: true)
        // The spent link (and so its QR code) goes, and the failure is said once: by the payment screen's status
        // line, not again by a message and a notice.
        await store.receive(.payment(.response(.statusPolled(attempt: 1, failed)))) {
            $0.payment.polls = 1
            $0.payment.status = failed
            $0.payment.phase = .failed
            $0.payment.link = nil
            $0.inFlight = []
        }
        #expect(store.state.payment.isRetryAvailable)
        await store.send(.select) {
            $0.notice = nil
            $0.payment.phase = .settingUp
            $0.inFlight = [.paymentSetup]
        }
        let info = PaymentInfo(
            id: nil, status: nil, orderId: nil, paymentLinks: PaymentLinks(web: "https://pay.example/retry"))
        await store.receive(.payment(.response(.retried(info)))) {
            $0.payment.link = "https://pay.example/retry"
            $0.payment.linkSource = .retry
            $0.inFlight = [.paymentPolling]
            $0.payment.phase = .awaiting
            $0.payment.polls = 0
            $0.payment.message = "Open the link (or scan the QR code) to pay."
        }
        await store.advance(clock, by: .seconds(3))
        await store.receive(.payment(.response(.statusPolled(attempt: 1, PaymentStatus(status: .success))))) {
            $0.payment.polls = 1
            $0.payment.status = PaymentStatus(status: .success)
            $0.payment.phase = .paid
            $0.payment.message = nil
            $0.inFlight = []
            $0.notice = Notice(.success, "Payment received. Thank you!")
        }
        await store.finish()
    }

    @Test func pollingGivesUpAfterTheLimitAndCanCheckAgainOrStop() async {
        let clock = TestClock()
        let api = StubAPI {
            $0.paymentStatus = { _ in PaymentStatus(status: .pending) }
        }
        var state = awaitingState()
        state.payment.phase = .timedOut
        let store = makeStore(api, clock: clock, state: state)
        await store.send(.select) {
            $0.payment.phase = .awaiting
            $0.inFlight = [.paymentPolling]
        }
        await store.advance(clock, by: .seconds(3))
        await store.receive(.payment(.response(.statusPolled(attempt: 1, PaymentStatus(status: .pending))))) {
            $0.payment.polls = 1
            $0.payment.status = PaymentStatus(status: .pending)
            $0.payment.message = "Waiting for the payment…"
        }
        // The network drops for one poll: it keeps polling.
        api.set { $0.paymentStatus = { _ throws(APIError) in throw .timeout } }
        await store.advance(clock, by: .seconds(3))
        await store.receive(.payment(.response(.pollFailed(attempt: 2, .timeout)))) {
            $0.payment.polls = 2
            $0.payment.message = "Could not check the payment (\(APIError.timeout.message)) Still trying."
        }
        api.set { $0.paymentStatus = { _ in PaymentStatus(status: .pending) } }
        await store.advance(clock, by: .seconds(3))
        await store.receive(.payment(.response(.statusPolled(attempt: 3, PaymentStatus(status: .pending))))) {
            $0.payment.polls = 3
            $0.payment.message = "Waiting for the payment…"
        }
        await store.receive(.payment(.response(.timedOut))) {
            $0.payment.phase = .timedOut
            $0.inFlight = []
            $0.payment.message = "No payment seen in 2 minutes. Press Enter to check again."
        }
        // Check again, then leave the screen: polling stops.
        await store.send(.payment(.view(.checkAgain))) {
            $0.payment.phase = .awaiting
            $0.payment.polls = 0
            $0.inFlight = [.paymentPolling]
        }
        await store.send(.back) {
            $0.route = [.catalog]
            $0.payment.phase = .stopped
            $0.payment.message = "Stopped checking. Press Enter to check again."
            $0.inFlight = []
        }
        await store.advance(clock, by: .seconds(10))
        await store.expectNoReceived()
        #expect(api.count("paymentStatus") == 3)
        await store.finish()
    }

    @Test func answersAfterPollingStoppedAreIgnoredAndAnExpiredSessionStopsIt() async {
        var state = awaitingState()
        state.payment.phase = .stopped
        let api = StubAPI {
            $0.session = { _ in Fixtures.guest }
            $0.userCart = { _ in nil }
        }
        let store = makeStore(api, state: state)
        await store.send(.payment(.response(.statusPolled(attempt: 5, PaymentStatus(status: .success)))))
        await store.send(.payment(.response(.pollFailed(attempt: 5, .timeout))))
        await store.send(.payment(.response(.timedOut)))
        await store.send(.payment(.view(.stopPolling)))
        await store.send(.payment(.view(.retry))) {
            $0.payment.phase = .awaiting
            $0.inFlight = [.paymentPolling]
        }
        await store.send(.payment(.response(.pollFailed(attempt: 1, .signedOut)))) {
            $0.payment.phase = .stopped
            $0.payment.polls = 1
            $0.user = nil
            $0.inFlight = [.session]
            $0.notice = Notice(.error, APIError.signedOut.message)
        }
        await store.receive(.session(.response(.expired(Fixtures.guest)))) {
            $0 = {
                var expected = State()
                expected.session = .ready(Fixtures.guest)
                expected.route = [.catalog, .login]
                expected.notice = Notice(.error, APIError.signedOut.message)
                // The guest minted by the client's refresh path has no cart on the server: known empty.
                expected.cart.isLoaded = true
                return expected
            }()
        }
        await store.finish()
    }

    @Test func aFailedRetryAndAFailureWithoutRetry() async {
        var state = awaitingState()
        state.payment.phase = .failed
        state.payment.status = PaymentStatus(status: .failed, isRetryAvailable: false)
        let api = StubAPI { $0.retryPayment = { _ throws(APIError) in throw .timeout } }
        let store = makeStore(api, state: state)
        await store.send(.payment(.view(.retry))) { $0.notice = Notice(.error, "This payment cannot be retried.") }
        await store.send(.payment(.view(.checkAgain))) { $0.notice = nil }
        await store.send(.payment(.response(.retryFailed(.timeout)))) {
            $0.payment.message = "Retry failed: \(APIError.timeout.message)"
            $0.notice = nil  // said once, on the payment screen's status line (#14 item 9)
        }
        await store.send(.payment(.response(.linkReady(nil)))) {
            $0.payment.message = "Open the link (or scan the QR code) to pay."
            $0.payment.phase = .awaiting
            $0.inFlight = [.paymentPolling]
        }
        await store.send(.payment(.view(.stopPolling))) {
            $0.notice = nil
            $0.payment.phase = .stopped
            $0.payment.message = "Stopped checking. Press Enter to check again."
            $0.inFlight = []
        }
        var noLink = awaitingState()
        noLink.payment.link = nil
        let noLinkStore = makeStore(StubAPI(), state: noLink)
        await noLinkStore.send(.payment(.response(.linkReady(nil)))) {
            $0.payment.phase = .setupFailed
            $0.payment.message = "The payment page is not available. Retry."
        }
        await store.finish()
        await noLinkStore.finish()
    }

    @Test func doneShowsTheOrder() async throws {
        let order = Fixtures.order()
        let page: OrdersPage = try Fixtures.decode(#"{"orders":[{"order_number":"ORD-1"}]}"#)
        let api = StubAPI {
            $0.orders = { _ in page }
            $0.order = { _ in order }
        }
        var state = awaitingState()
        state.payment.phase = .paid
        let store = makeStore(api, state: state)
        await store.send(.select) {
            $0.checkout = CheckoutState()
            $0.payment = PaymentState()
            $0.route = [.catalog, .orders, .orderDetail(orderNumber: "ORD-1")]
            $0.inFlight = [.orders, .orderDetail]
        }
        await store.receive(.orders(.response(.loaded(page: 1, orders: page.orders, nextPage: nil)))) {
            $0.orders.orders = page.orders
            $0.orders.nextPage = nil
            $0.inFlight = [.orderDetail]
        }
        await store.receive(.orders(.response(.detailLoaded(order)))) {
            $0.orders.detail = order
            $0.inFlight = []
        }
        await store.send(.payment(.view(.done)))
        await store.finish()
    }
}
