import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

/// The back stack stays short (like lazygit and tig): a screen already in it is popped back to, the catalog
/// returns to the root, and a chain of product pages is capped.
@MainActor @Suite struct RouteStackTests {
    @Test func aTopLevelScreenAlreadyInTheStackIsPoppedBackTo() async {
        let api = StubAPI { $0.wishlist = { _ in [] } }
        var state = guestState()
        state.cart.isLoaded = true
        let store = makeStore(api, state: state)
        await store.send(.navigate(.cart)) { $0.route = [.catalog, .cart] }
        await store.send(.navigate(.wishlist)) {
            $0.route = [.catalog, .cart, .wishlist]
            $0.inFlight = [.wishlist]
        }
        await store.receive(.wishlist(.response(.loaded([])))) {
            $0.inFlight = []
            $0.wishlist.isLoaded = true
        }
        await store.send(.navigate(.login)) { $0.route = [.catalog, .cart, .wishlist, .login] }
        // `c` again: back to the cart, with what was under it; not a fifth screen.
        await store.send(.navigate(.cart)) { $0.route = [.catalog, .cart] }
        await store.send(.back) { $0.route = [.catalog] }
        await store.send(.back)
        // Pressing c, w, c, w… a hundred times leaves a stack of three.
        for _ in 0..<50 {
            await store.send(.navigate(.cart)) { $0.route = [.catalog, .cart] }
            await store.send(.navigate(.wishlist)) {
                $0.route = [.catalog, .cart, .wishlist]
                $0.inFlight = [.wishlist]
            }
            await store.receive(.wishlist(.response(.loaded([])))) { $0.inFlight = [] }
        }
        #expect(store.state.route == [.catalog, .cart, .wishlist])
        await store.finish()
    }

    @Test func theCatalogReturnsToTheRootAndLeavingForgetsSecrets() async {
        var state = guestState()
        state.route = [.catalog, .cart, .login, .otp]
        state.auth.challenge = Fixtures.challenge
        state.auth.resendCooldown = 20
        state.form[.otp] = "123456"
        let store = makeStore(StubAPI(), state: state)
        // Leaving the OTP screen this way does what esc does there: the OTP is forgotten, the cooldown stops.
        await store.send(.navigate(.catalog)) {
            $0.route = [.catalog]
            $0.form[.otp] = ""
            $0.auth.resendCooldown = 0
        }
        await store.finish()
    }

    @Test func leavingAnAwaitedPaymentByAGlobalKeyStopsPolling() async {
        var state = awaitingState()
        state.route = [.catalog, .orders, .payment(orderNumber: "ORD-1")]
        state.payment.phase = .awaiting
        state.inFlight = [.paymentPolling]
        let store = makeStore(StubAPI(), state: state)
        await store.send(.navigate(.catalog)) {
            $0.route = [.catalog]
            $0.payment.phase = .stopped
            $0.inFlight = []
            $0.payment.message = "Stopped checking. Press Enter to check again."
        }
        await store.finish()
    }

    @Test func productPagesStackButAreCapped() {
        let environment = ShopEnvironment(api: StubAPI(), clock: TestClock(), policy: .test)
        var state = guestState()
        state.route = [.catalog, .cart]
        for index in 0..<100 {
            _ = Reducer.show(&state, .product(id: "p\(index)"), environment)
        }
        #expect(state.route.count == Reducer.routeLimit)
        // The root stays; the oldest above it went first.
        #expect(state.route.first == .catalog)
        #expect(state.route[1] == .product(id: "p\(100 - Reducer.routeLimit + 1)"))
        #expect(state.route.last == .product(id: "p99"))
        // A product page already in the stack is popped back to.
        _ = Reducer.show(&state, .product(id: "p80"), environment)
        #expect(state.route.last == .product(id: "p80"))
        #expect(state.route.count == Reducer.routeLimit - 19)
    }

    @Test func aLoginRedirectStillComesBackToWhereItWasAskedFor() async {
        var state = guestState()
        state.route = [.catalog, .login, .cart]
        let store = makeStore(StubAPI(), state: state)
        // A guest asking for orders is sent to log in; the login already in the stack is popped back to.
        await store.send(.navigate(.orders)) {
            $0.auth.afterLogin = .orders
            $0.route = [.catalog, .login]
        }
        await store.finish()
    }
}
