import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

/// An intent that read-only mode must refuse, on the screen where it is pressed, and the words of its notice.
struct Refusal: Sendable, CustomTestStringConvertible {
    var action: Action
    var route: Route
    var what: String

    init(_ action: Action, on route: Route = .cart, _ what: String) {
        self.action = action
        self.route = route
        self.what = what
    }

    var testDescription: String { "\(action) on \(route)" }
}

@MainActor @Suite struct ReadOnlyTests {
    nonisolated static let refusals: [Refusal] = [
        Refusal(.cart(.view(.incrementSelected)), "changing quantities"),
        Refusal(.cart(.view(.decrementSelected)), "changing quantities"),
        Refusal(.cart(.view(.setQuantity(Fixtures.line("p1"), 3, preview: nil))), "changing quantities"),
        Refusal(.cart(.view(.removeSelected)), "removing lines"),
        Refusal(.cart(.view(.undoRemove)), "changing quantities"),
        Refusal(.cart(.view(.moveSelectedToWishlist)), "moving lines to the wishlist"),
        Refusal(.cart(.view(.moveToWishlist(Fixtures.line("p1")))), "moving lines to the wishlist"),
        Refusal(.cart(.view(.applyGiftCard)), "gift cards"),
        Refusal(.cart(.view(.removeGiftCard)), "gift cards"),
        Refusal(.cart(.view(.redeemLoyaltyPoints)), "loyalty points"),
        Refusal(.cart(.view(.removeLoyaltyPoints)), "loyalty points"),
        Refusal(.cart(.view(.redeemCreditBalance)), "credit balance"),
        Refusal(.cart(.view(.removeCreditBalance)), "credit balance"),
        Refusal(.select, "checkout"),
        Refusal(.navigate(.coupons), "coupons, gift cards, points and credit"),
        Refusal(.coupons(.view(.apply(code: "WELCOME10"))), on: .coupons, "coupons"),
        Refusal(.coupons(.view(.applyTyped)), on: .coupons, "coupons"),
        Refusal(.coupons(.view(.applySelected)), on: .coupons, "coupons"),
        Refusal(.coupons(.view(.remove)), on: .coupons, "coupons"),
        Refusal(.select, on: .coupons, "coupons"),
        Refusal(.product(.view(.addToCart)), on: .product(id: "p1"), "adding to the cart"),
        Refusal(.select, on: .product(id: "p1"), "adding to the cart"),
        Refusal(.product(.view(.addToWishlist)), on: .product(id: "p1"), "the wishlist"),
        Refusal(.wishlist(.view(.add(Fixtures.line("p1")))), on: .wishlist, "the wishlist"),
        Refusal(.wishlist(.view(.remove(Fixtures.line("p1")))), on: .wishlist, "the wishlist"),
        Refusal(.wishlist(.view(.removeSelected)), on: .wishlist, "the wishlist"),
        Refusal(.wishlist(.view(.moveToCart(Fixtures.line("p1")))), on: .wishlist, "the wishlist"),
        Refusal(.wishlist(.view(.moveSelectedToCart)), on: .wishlist, "the wishlist"),
        Refusal(.select, on: .wishlist, "the wishlist"),
        Refusal(.checkout(.view(.start)), "checkout"),
        Refusal(.navigate(.checkout(.address)), "checkout"),
        Refusal(.checkout(.view(.chooseAddress)), on: .checkout(.address), "checkout"),
        Refusal(.checkout(.view(.newAddress)), on: .checkout(.address), "checkout"),
        Refusal(.checkout(.view(.saveAddress)), on: .addressForm, "saving addresses"),
        Refusal(.checkout(.view(.skipBusiness)), on: .checkout(.business), "checkout"),
        Refusal(.checkout(.view(.submitBusiness)), on: .checkout(.business), "checkout"),
        Refusal(.checkout(.view(.chooseDelivery)), on: .checkout(.delivery), "checkout"),
        Refusal(.checkout(.view(.placeOrder)), on: .checkout(.review), "placing orders"),
        Refusal(.select, on: .checkout(.review), "placing orders"),
        Refusal(.payment(.view(.retry)), on: .payment(orderNumber: "ORD-1"), "payment"),
        Refusal(.orders(.view(.pay)), on: .orderDetail(orderNumber: "ORD-1"), "payment"),
        Refusal(.orders(.view(.requestCancel)), on: .orderDetail(orderNumber: "ORD-1"), "cancelling orders"),
        Refusal(.orders(.view(.confirmCancel)), on: .orderDetail(orderNumber: "ORD-1"), "cancelling orders"),
        Refusal(.navigate(.login), on: .catalog, "signing in"),
        Refusal(.session(.view(.requestOTP)), on: .login, "signing in"),
        Refusal(.session(.view(.resendOTP)), on: .otp, "signing in"),
        Refusal(.session(.view(.submitOTP)), on: .otp, "signing in"),
        Refusal(.session(.view(.submitRegistration)), on: .register, "signing in"),
        Refusal(.session(.view(.loginWithPassword)), on: .login, "signing in"),
        Refusal(.session(.view(.logout)), on: .account, "signing out"),
        Refusal(.session(.view(.requestLogout)), on: .account, "signing out"),
        Refusal(.session(.view(.registerWithPassword)), on: .login, "signing in"),
        Refusal(.navigate(.profile), on: .account, "account changes"),
        Refusal(.account(.view(.editProfile)), on: .account, "account changes"),
        Refusal(.account(.view(.saveProfile)), on: .profile, "account changes"),
        Refusal(.account(.view(.togglePreference(.promotional, .email))), on: .notifications, "account changes"),
        Refusal(.account(.view(.toggleSelectedPreference)), on: .notifications, "account changes"),
        Refusal(.account(.view(.savePreferences)), on: .notifications, "account changes"),
        Refusal(.account(.view(.changePassword)), on: .changePassword, "account changes"),
        Refusal(.account(.view(.forgotPassword)), on: .forgotPassword, "password reset"),
        Refusal(.account(.view(.submitReset)), on: .resetPassword, "password reset"),
        Refusal(.account(.view(.requestDeactivation)), on: .account, "account changes"),
        Refusal(.account(.view(.confirmDeactivation)), on: .account, "account changes"),
    ]

    /// A signed-in member's cart, read-only, with every form filled so that a change would otherwise be sent.
    static func readOnlyState(on route: Route) -> State {
        var state = memberState()
        state.readOnly = ReadOnlyMode()
        state.route = route == .catalog ? [.catalog] : [.catalog, route]
        for field in [Field.giftCardCode, .couponCode] { state.form[field] = "GIFT250" }
        state.form[.loyaltyPoints] = "100"
        state.form[.creditAmount] = "50.00"
        state.form[.loginIdentifier] = "9876543210"
        state.form[.otp] = "123456"
        state.form[.password] = "secret-password"
        state.product.id = "p1"
        state.product.product = Fixtures.product("p1")
        state.wishlist.items = [CatalogItem(productId: "p1", variantId: nil, productName: "Product p1", pricing: nil)]
        state.wishlist.isLoaded = true
        state.auth.challenge = Fixtures.challenge
        state.auth.triesLeft = 3
        state.account.confirmingDeactivation = route == .account
        return state
    }

    @Test(arguments: refusals)
    func everyChangeIsRefusedWithANoticeAndNoRequest(_ refusal: Refusal) async {
        let api = StubAPI()
        let store = makeStore(api, state: Self.readOnlyState(on: refusal.route))
        await store.send(refusal.action) {
            $0.notice = Notice(.error, "Read-only: \(refusal.what) is disabled")
        }
        await store.finish()
        #expect(api.calls == [])
    }

    @Test(arguments: refusals)
    func withoutReadOnlyTheSameIntentIsAChange(_ refusal: Refusal) {
        var state = Self.readOnlyState(on: refusal.route)
        #expect(Reducer.mutation(refusal.action, in: state) == refusal.what)
        state.readOnly = nil
        #expect(!Reducer.refusedAsReadOnly(&state, refusal.action))
        #expect(state.notice == nil)
    }

    @Test func readsMovesAndAnswersAreNotChanges() {
        let state = Self.readOnlyState(on: .cart)
        let reads: [Action] = [
            .appStarted, .moveSelection(by: 1), .back, .dismissNotice, .navigate(.cart), .navigate(.catalog),
            .navigate(.wishlist), .navigate(.product(id: "p1")), .navigate(.orders), .setField(.searchQuery, "tea"),
            .cart(.view(.load)), .cart(.response(.loaded(nil))), .catalog(.view(.loadMore)), .orders(.view(.load)),
            .coupons(.view(.load)),
            .product(.view(.changeQuantity(by: 1))), .session(.response(.started(Fixtures.member))),
            .cart(.response(.mutationSucceeded(sequence: 1, Fixtures.cart([])))),
        ]
        for action in reads {
            #expect(Reducer.mutation(action, in: state) == nil, "\(action)")
        }
        // A guest cannot even open the screens that need signing in.
        var guest = state
        guest.session = .ready(Fixtures.guest)
        #expect(Reducer.mutation(.navigate(.orders), in: guest) == "signing in")
    }

    @Test func aSupportViewLoadsTheNamedUsersCartAndStillMovesTheSelection() async {
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 1), Fixtures.item("p2", quantity: 3)])
        let api = StubAPI {
            $0.userCart = { userID in
                #expect(userID == "customer-42")
                return cart
            }
        }
        var state = State()
        state.session = .ready(TokenClaims(userId: "support", isAnonymous: false, isLoggedIn: false, expiresAt: nil))
        state.readOnly = ReadOnlyMode(cartOwner: "customer-42")
        state.route = [.cart]
        let store = makeStore(api, state: state)
        await store.send(.cart(.view(.load))) { $0.inFlight = [.cart] }
        await store.receive(.cart(.response(.loaded(cart)))) {
            $0.inFlight = []
            $0.cart.server = cart
            $0.cart.isLoaded = true
        }
        await store.send(.moveSelection(by: 1)) { $0.cart.selectedIndex = 1 }
        await store.send(.cart(.view(.incrementSelected))) {
            $0.notice = Notice(.error, "Read-only: changing quantities is disabled")
        }
        await store.finish()
        #expect(api.calls.count == 1)
        #expect(api.calls.first?.contains("customer-42") == true)
        #expect(store.state.cartCount == 4)
    }
}
