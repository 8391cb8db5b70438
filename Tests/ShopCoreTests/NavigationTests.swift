import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

@MainActor @Suite struct NavigationTests {
    @Test func routeStackBackAndTitles() async {
        let store = makeStore(StubAPI(), state: guestState())
        await store.send(.back)
        await store.send(.navigate(.catalog))
        await store.send(.navigate(.login)) { $0.route = [.catalog, .login] }
        await store.send(.navigate(.login))
        #expect(store.state.routeTitles == ["Catalog", "Log in"])
        #expect(store.state.breadcrumbs.isEmpty)
        // The login screen's list is the channel: phone → email → WhatsApp → phone.
        await store.send(.moveSelection(by: 1)) { $0.auth.channel = .email }
        await store.send(.moveSelection(by: 1)) { $0.auth.channel = .whatsapp }
        await store.send(.moveSelection(by: 1)) { $0.auth.channel = .phone }
        await store.send(.moveSelection(by: -1)) { $0.auth.channel = .whatsapp }
        await store.send(.navigate(.register)) { $0.route.append(.register) }
        await store.send(.navigate(.forgotPassword)) { $0.route.append(.forgotPassword) }
        await store.send(.back) { $0.route.removeLast() }
        await store.send(.back) { $0.route.removeLast() }
        await store.send(.back) { $0.route.removeLast() }
        await store.finish()
    }

    @Test func whatsAppLoginAndARestoredMemberSession() async throws {
        let api = StubAPI {
            $0.login = { input in
                #expect(input.0 == .whatsapp)
                return Fixtures.challenge
            }
        }
        var state = guestState()
        state.route = [.catalog, .login]
        state.auth.channel = .whatsapp
        state.form[.loginIdentifier] = "9876543210"
        state.auth.resendCooldown = 0
        let store = makeStore(
            api, state: state,
            policy: {
                var policy = ShopPolicy.test
                policy.otpResendCooldown = 0
                return policy
            }())
        await store.send(.session(.view(.requestOTP))) { $0.inFlight = [.login] }
        #expect(store.state.busyText == "Sending the OTP")
        await store.receive(.session(.response(.otpSent(Fixtures.challenge)))) {
            $0.inFlight = []
            $0.auth.challenge = Fixtures.challenge
            $0.auth.triesLeft = 3
            $0.route.append(.otp)
        }
        #expect(store.state.auth.canResend)
        await store.finish()

        // A member's tokens restored at start: the user is loaded too.
        let page = try Fixtures.productsPage([], next: nil)
        let restored = StubAPI {
            $0.products = { _ in page }
            $0.categories = { _ in try! Fixtures.decode(#"{"categories":[]}"#) }
            $0.userCart = { _ in nil }
            $0.user = { _ in Fixtures.asha }
            $0.orders = { _ in try! Fixtures.decode(#"{"orders":[]}"#) }
        }
        let start = makeStore(restored)
        await start.send(.session(.response(.started(Fixtures.member)))) {
            $0.session = .ready(Fixtures.member)
            $0.catalog.isLoading = true
            $0.orders.announceAwaiting = true
            $0.inFlight = [.products, .categories, .cart, .profile, .orders]
        }
        await start.receive(.catalog(.response(.pageLoaded(page: 1, products: [], nextPage: nil, total: 0)))) {
            $0.catalog.isLoading = false
            $0.catalog.nextPage = nil
            $0.inFlight.remove(.products)
        }
        await start.receive(.catalog(.response(.categoriesLoaded([])))) { $0.inFlight.remove(.categories) }
        await start.receive(.cart(.response(.loaded(nil)))) {
            $0.cart.isLoaded = true
            $0.inFlight.remove(.cart)
        }
        await start.receive(.session(.response(.userLoaded(Fixtures.asha)))) {
            $0.user = Fixtures.asha
            $0.inFlight = [.orders]
        }
        // No order awaits payment: no notice.
        await start.receive(.orders(.response(.loaded(page: 1, orders: [], nextPage: nil)))) {
            $0.inFlight = []
            $0.orders.nextPage = nil
            $0.orders.announceAwaiting = false
        }
        #expect(start.state.isSignedIn)
        #expect(!start.state.isBusy)
        #expect(start.state.busyText == nil)
        #expect(Route.orders.requiresSignIn && !Route.cart.requiresSignIn)
        await start.finish()
    }

    @Test func checkoutListsMoveAndEnterIsHarmlessWhereThereIsNothingToDo() async {
        var state = reviewState()
        state.checkout.addresses = [Fixtures.address("a1"), Fixtures.address("a2")]
        state.checkout.deliveryMethods = [standard, standard]
        state.route = [.catalog, .checkout(.address)]
        let store = makeStore(StubAPI { $0.order = { _ throws(APIError) in throw .network("offline") } }, state: state)
        await store.send(.moveSelection(by: 5)) { $0.checkout.selectedAddressIndex = 1 }
        await store.send(.navigate(.checkout(.delivery))) { $0.route.append(.checkout(.delivery)) }
        await store.send(.moveSelection(by: 1)) { $0.checkout.selectedDeliveryIndex = 1 }
        await store.send(.navigate(.orderDetail(orderNumber: "X"))) {
            $0.route.append(.orderDetail(orderNumber: "X"))
            $0.inFlight = [.orderDetail]
        }
        await store.receive(.orders(.response(.detailFailed(.network("offline"))))) {
            $0.inFlight = []
            $0.notice = Notice(.error, APIError.network("offline").message)
        }
        await store.send(.select) { $0.notice = nil }
        await store.finish()
    }

    @Test func aCartThatExpiredIsStartedAgain() async {
        let fresh = Fixtures.cart([Fixtures.item("p1", quantity: 2)], id: "c2")
        let api = StubAPI {
            $0.setItem = { _ throws(APIError) in
                throw .http(status: 404, code: "NOT_FOUND", message: "Cart not found", details: [])
            }
            $0.createCart = { items in
                #expect(items == [CartItemUpdate(productId: "p1", variantId: nil, quantity: 2)])
                return fresh
            }
        }
        let store = makeStore(api, state: memberState())
        let p1 = Fixtures.line("p1")
        await store.send(.cart(.view(.setQuantity(p1, 2, preview: nil)))) {
            $0.cart.pending[p1] = PendingLine(quantity: 2, preview: nil)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(p1, 2))
            $0.inFlight = [.cart]
        }
        await store.receive(
            .cart(
                .response(
                    .mutationFailed(
                        sequence: 1, .http(status: 404, code: "NOT_FOUND", message: "Cart not found", details: []))))
        ) {
            $0.cart.server = nil
            $0.notice = Notice(.info, "Your cart had expired; starting a new one.")
            $0.cart.sequence = 2
            $0.cart.inFlight = CartRequest(sequence: 2, command: .setQuantity(p1, 2))
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 2, fresh)))) {
            $0.cart.server = fresh
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        await store.finish()
    }

    @Test func wrappersOfListActions() async {
        let api = StubAPI {
            $0.addToWishlist = { _ in [] }
            $0.setItem = { _ throws(APIError) in throw .network("offline") }
            $0.notificationPreferences = { _ in
                NotificationPreferences(transactional: nil, promotional: nil, newsletter: nil)
            }
        }
        var state = memberState()
        state.wishlist.items = [Fixtures.catalogItem("w", stock: false)]
        let store = makeStore(api, state: state)
        await store.send(.wishlist(.view(.moveToCart(Fixtures.line("w"))))) {
            $0.notice = Notice(.error, "Product w is out of stock.")
        }
        await store.send(.wishlist(.view(.moveToCart(Fixtures.line("absent"))))) { $0.notice = nil }
        await store.send(.cart(.view(.moveToWishlist(Fixtures.line("p1"))))) { $0.inFlight = [.wishlist] }
        await store.receive(.cart(.response(.movedToWishlist(Fixtures.line("p1"), [])))) {
            $0.wishlist.items = []
            $0.wishlist.isLoaded = true
            $0.notice = Notice(.success, "Moved to the wishlist.")
            $0.cart.pending[Fixtures.line("p1")] = PendingLine(quantity: 0, preview: nil)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(Fixtures.line("p1"), 0))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationFailed(sequence: 1, .network("offline"))))) {
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.cart.isStale = true
            $0.inFlight = []
            $0.notice = Notice(
                .error, "Could not update Product p1: \(APIError.network("offline").message)")
        }
        await store.send(.coupons(.view(.applyTyped))) { $0.notice = nil }
        await store.send(.account(.view(.editProfile))) {
            $0.route.append(.profile)
            $0.form[.profileFirstName] = "Asha"
            $0.form[.profileLastName] = "Rao"
            $0.form[.profileEmail] = "asha@example.com"
            $0.form[.profilePhone] = "9876543210"
        }
        await store.send(.account(.view(.loadPreferences))) { $0.inFlight = [.notifications] }
        let none = NotificationPreferences(transactional: nil, promotional: nil, newsletter: nil)
        await store.receive(.account(.response(.preferencesLoaded(none)))) {
            $0.account.preferences = none
            $0.inFlight = []
        }
        await store.send(.account(.view(.toggleSelectedPreference))) {
            $0.account.preferences?.transactional = NotificationChannels(email: true, sms: false, whatsapp: false)
        }
        await store.send(.account(.view(.submitReset)))
        await store.finish()
    }

    @Test func thePolicyPollsEveryThreeSecondsForTwoMinutes() {
        let policy = ShopPolicy()
        #expect(policy.paymentPollInterval == .seconds(3))
        #expect(policy.paymentPollInterval * policy.paymentPollLimit == .seconds(120))
    }
}
