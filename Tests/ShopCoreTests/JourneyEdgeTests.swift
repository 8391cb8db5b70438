import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

/// The edges of the journey of issue #14: Enter in the coupon list after a refused code, moving a wishlist product
/// into a full cart, undo of a removed line, the log-out confirmation, and notices that end with their action.
@MainActor @Suite struct JourneyEdgeTests {
    static let save10 = EvaluatedCoupon(name: "Save 10", couponCode: ["SAVE10"], estimatedDiscount: Fixtures.rupees(50))
    nonisolated static let withSave10: CouponEvaluation = try! Fixtures.decode(
        #"{"applicable_coupons":[{"name":"Save 10","coupon_code":["SAVE10"],"estimated_discount":50}]}"#)
    nonisolated static let noCoupons: CouponEvaluation = try! Fixtures.decode("{}")

    @Test func enterAppliesTheHighlightedCouponAfterATypedCodeWasRefused() async {
        let refused = APIError.http(status: 400, code: "INVALID_COUPON", message: "Coupon expired", details: [])
        let applied = Fixtures.cart([Fixtures.item("p1", quantity: 1)], coupon: "SAVE10")
        let api = StubAPI {
            $0.applyCoupon = { input throws(APIError) in
                if input.1 == "OLD1" { throw refused }
                return applied
            }
            $0.evaluateCoupons = { _ in Self.withSave10 }
        }
        var state = memberState()
        state.route = [.catalog, .coupons]
        state.coupons.applicable = [Self.save10]
        let store = makeStore(api, state: state)
        await store.send(.edit(.couponCode, .insert("old1"))) { $0.form[.couponCode] = "old1" }
        await store.send(.select) {
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .applyCoupon("OLD1"))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationFailed(sequence: 1, refused)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.coupons.rejection = "Coupon expired"
            $0.coupons.rejectedCode = "OLD1"
            $0.notice = Notice(.error, "Coupon OLD1 was not applied: Coupon expired")
        }
        #expect(!store.state.entersTypedCoupon)
        // Enter on the highlighted SAVE10: SAVE10 is applied, not OLD1 again.
        await store.send(.select) {
            $0.notice = nil
            $0.coupons.rejection = nil
            $0.cart.sequence = 2
            $0.cart.inFlight = CartRequest(sequence: 2, command: .applyCoupon("SAVE10"))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 2, applied)))) {
            $0.cart.server = applied
            $0.cart.inFlight = nil
            $0.inFlight = [.coupons]
            $0.coupons.rejectedCode = nil
            $0.form[.couponCode] = ""
            $0.notice = Notice(.success, "Coupon SAVE10 applied: you save ₹0.00.")
        }
        await store.receive(.coupons(.response(.evaluated(applicable: [Self.save10], inapplicable: [])))) {
            $0.inFlight = []
        }
        await store.finish()
    }

    @Test func aTypedCodeChangedAfterARefusalIsAppliedByEnter() {
        var state = memberState()
        state.coupons.applicable = [Self.save10]
        state.form[.couponCode] = "OLD1"
        state.coupons.rejectedCode = "OLD1"
        #expect(!state.entersTypedCoupon)
        state.form[.couponCode] = "OLD2"
        #expect(state.entersTypedCoupon)
        // Without a list to choose from, Enter tries the typed code again.
        state.form[.couponCode] = "OLD1"
        state.coupons.applicable = []
        #expect(state.entersTypedCoupon)
    }

    @Test func movingToAFullCartKeepsTheProductInTheWishlist() async {
        var full = Fixtures.item("p2", quantity: 3)
        full.maxOrderQuantity = 3
        var state = memberState(cart: Fixtures.cart([full]))
        state.route = [.catalog, .wishlist]
        state.wishlist.items = [Fixtures.catalogItem("p2")]
        state.wishlist.isLoaded = true
        let store = makeStore(StubAPI(), state: state)
        await store.send(.select) {
            $0.notice = Notice(
                .error,
                "Not moved: the cart already holds 3 of Product p2, the most per order. It stays in the wishlist.")
        }
        await store.finish()
    }

    @Test func aRefusedAddLeavesTheWishlistAsItWas() async {
        let refused = APIError.http(
            status: 400, code: "VALIDATION_ERROR", message: "",
            details: [FieldIssue(field: "quantity", message: "At most 3 per order")])
        let api = StubAPI { $0.setItem = { _ throws(APIError) in throw refused } }
        var state = memberState(cart: Fixtures.cart([Fixtures.item("p2", quantity: 3)]))
        state.route = [.catalog, .wishlist]
        state.wishlist.items = [Fixtures.catalogItem("p2")]
        state.wishlist.isLoaded = true
        let store = makeStore(api, state: state)
        let preview = CartItem(
            productId: "p2", variantId: nil, productName: "Product p2", quantity: 4, sellingPrice: Fixtures.rupees(500))
        await store.send(.select) {
            $0.wishlist.movingToCart = [Fixtures.line("p2"): 3]
            $0.cart.pending[Fixtures.line("p2")] = PendingLine(quantity: 4, preview: preview)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(Fixtures.line("p2"), 4))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationFailed(sequence: 1, refused)))) {
            $0.cart.inFlight = nil
            $0.cart.pending = [:]
            $0.inFlight = []
            $0.wishlist.movingToCart = [:]
            $0.notice = Notice(
                .error,
                "Product p2 was not moved to the cart (Quantity: At most 3 per order); it stays in the wishlist."
            )
        }
        #expect(store.state.wishlist.items == [Fixtures.catalogItem("p2")])
        await store.finish()
    }

    @Test func removedLinesComeBackWithU() async {
        let two = Fixtures.cart([Fixtures.item("p1", quantity: 1), Fixtures.item("p2", quantity: 2)])
        let one = Fixtures.cart([Fixtures.item("p2", quantity: 2)])
        let api = StubAPI {
            $0.setItem = { input in input.1.quantity == 0 ? one : two }
        }
        var state = memberState(cart: two)
        state.route = [.catalog, .cart]
        let store = makeStore(api, state: state)
        // `-` at quantity 1 removes the line, and says how to undo.
        await store.send(.cart(.view(.decrementSelected))) {
            $0.cart.lastRemoved = RemovedLine(item: Fixtures.item("p1", quantity: 1), quantity: 1)
            $0.notice = Notice(.info, "Removed Product p1. u undo")
            $0.cart.pending[Fixtures.line("p1")] = PendingLine(quantity: 0, preview: nil)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(Fixtures.line("p1"), 0))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, one)))) {
            $0.cart.server = one
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        await store.send(.cart(.view(.undoRemove))) {
            $0.cart.lastRemoved = nil
            $0.notice = Notice(.info, "Put Product p1 back.")
            $0.cart.pending[Fixtures.line("p1")] = PendingLine(
                quantity: 1, preview: Fixtures.item("p1", quantity: 1))
            $0.cart.sequence = 2
            $0.cart.inFlight = CartRequest(sequence: 2, command: .setQuantity(Fixtures.line("p1"), 1))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 2, two)))) {
            $0.cart.server = two
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        // `d` too; and a second undo has nothing left to do.
        await store.send(.cart(.view(.removeSelected))) {
            $0.notice = Notice(.info, "Removed Product p1. u undo")
            $0.cart.lastRemoved = RemovedLine(item: Fixtures.item("p1", quantity: 1), quantity: 1)
            $0.cart.pending[Fixtures.line("p1")] = PendingLine(quantity: 0, preview: nil)
            $0.cart.sequence = 3
            $0.cart.inFlight = CartRequest(sequence: 3, command: .setQuantity(Fixtures.line("p1"), 0))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 3, one)))) {
            $0.cart.server = one
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        await store.finish()
    }

    @Test func logOutAsksFirst() async {
        var state = memberState()
        state.route = [.catalog, .account]
        let store = makeStore(StubAPI(), state: state)
        await store.send(.session(.view(.requestLogout))) { $0.account.confirmingLogout = true }
        // Esc keeps the session.
        await store.send(.back) { $0.account.confirmingLogout = false }
        await store.send(.session(.view(.requestLogout))) { $0.account.confirmingLogout = true }
        await store.send(.session(.view(.cancelLogout))) { $0.account.confirmingLogout = false }
        #expect(store.state.isSignedIn)
        await store.finish()
    }

    @Test func enterOnTheLogOutQuestionLogsOut() async {
        let api = StubAPI {
            $0.logout = { _ in nil }
            $0.session = { _ in Fixtures.guest }
            $0.userCart = { _ in nil }
        }
        var state = memberState()
        state.route = [.catalog, .account]
        let store = makeStore(api, state: state)
        await store.send(.session(.view(.requestLogout))) { $0.account.confirmingLogout = true }
        await store.send(.select) {
            $0.account.confirmingLogout = false
            $0.inFlight = [.logout]
        }
        await store.receive(.session(.response(.signedOut(Fixtures.guest)))) {
            $0.session = .ready(Fixtures.guest)
            $0.user = nil
            $0.cart = CartState()
            $0.route = [.catalog]
            $0.inFlight = [.cart]
            $0.notice = Notice(.info, "Signed out.")
        }
        await store.receive(.cart(.response(.loaded(nil)))) {
            $0.inFlight = []
            $0.cart.isLoaded = true
        }
        await store.finish()
    }

    @Test func theOrderLimitNoticeEndsWithTheNextAction() async {
        var item = Fixtures.item("p1", quantity: 2)
        item.maxOrderQuantity = 2
        var state = memberState(cart: Fixtures.cart([item, Fixtures.item("p2", quantity: 1)]))
        state.route = [.catalog, .cart]
        let store = makeStore(StubAPI(), state: state)
        await store.send(.cart(.view(.incrementSelected))) { $0.notice = Notice(.info, "Only 2 can be ordered.") }
        // Moving to another line is another action: the limit of the first no longer applies.
        await store.send(.moveSelection(by: 1)) {
            $0.cart.selectedIndex = 1
            $0.notice = nil
        }
        await store.finish()
    }

    @Test func answersAndTypingKeepTheNotice() async {
        var state = memberState()
        state.route = [.catalog, .coupons]
        state.notice = Notice(.error, "Coupon OLD1 was not applied: Coupon expired")
        let store = makeStore(StubAPI(), state: state)
        await store.send(.edit(.couponCode, .insert("N"))) { $0.form[.couponCode] = "N" }
        await store.send(.coupons(.response(.evaluated(applicable: [], inapplicable: []))))
        #expect(store.state.notice != nil)
        await store.finish()
    }

    @Test func theCouponsScreenReadsLoyaltyAndStartsWithTheMostPointsAndCredit() async {
        let details = LoyaltyDetails(balance: 500, redeemable: 400)
        let api = StubAPI {
            $0.evaluateCoupons = { _ in Self.noCoupons }
            $0.loyalty = { _ in details }
        }
        var state = memberState(cart: Fixtures.cart([Fixtures.item("p1", quantity: 2, price: 600)]))
        state.user?.creditBalance = Fixtures.rupees(5000)
        let store = makeStore(api, state: state)
        await store.send(.navigate(.coupons)) {
            $0.route = [.catalog, .coupons]
            // No more credit than is to be paid (₹1,200.00).
            $0.form[.creditAmount] = "1200.00"
            $0.inFlight = [.coupons]
        }
        await store.receive(.coupons(.response(.evaluated(applicable: [], inapplicable: [])))) { $0.inFlight = [] }
        // The points come from the store's loyalty answer: the redeemable ones, not the whole balance.
        await store.receive(.account(.response(.loyaltyLoaded(details)))) {
            $0.account.loyalty = details
            $0.form[.loyaltyPoints] = "400"
        }
        #expect(api.count("loyalty") == 1)
        await store.finish()
    }

    @Test func aGuestOnTheCouponsScreenReadsNoLoyalty() async {
        let api = StubAPI()
        let store = makeStore(api, state: guestState())
        await store.send(.navigate(.coupons)) { $0.route = [.catalog, .coupons] }
        await store.finish()
        #expect(api.count("loyalty") == 0)
    }

    @Test func aLoyaltyReadThatFailsShowsNoBalanceAndNoNotice() async {
        let api = StubAPI {
            $0.evaluateCoupons = { _ in Self.noCoupons }
            $0.loyalty = { _ throws(APIError) in
                throw .http(status: 404, code: "NOT_FOUND", message: "No loyalty", details: [])
            }
        }
        var state = memberState(cart: Fixtures.cart([Fixtures.item("p1", quantity: 1, price: 600)]))
        state.account.loyalty = LoyaltyDetails(balance: 90)
        let store = makeStore(api, state: state)
        await store.send(.navigate(.coupons)) {
            $0.route = [.catalog, .coupons]
            $0.inFlight = [.coupons]
        }
        await store.receive(.coupons(.response(.evaluated(applicable: [], inapplicable: [])))) { $0.inFlight = [] }
        await store.receive(.account(.response(.loyaltyLoaded(nil)))) { $0.account.loyalty = nil }
        #expect(store.state.notice == nil)
        #expect(store.state.form[.loyaltyPoints].isEmpty)
        await store.finish()
    }

    @Test func passwordModeLogsInWithEnterAndRegistersWithAPassword() async {
        let challenge = OTPChallenge(otpToken: "tok-9", otpAction: "register", otp: "654321")
        let api = StubAPI {
            $0.register = { input in
                #expect(input.0 == nil)
                #expect(input.1.email == "new@example.com")
                #expect(input.1.password == "longenough1")
                return challenge
            }
        }
        var state = guestState()
        state.route = [.catalog, .login]
        let store = makeStore(api, state: state)
        await store.send(.session(.view(.togglePasswordLogin))) { $0.auth.usePassword = true }
        #expect(Reducer.selectAction(store.state) == .session(.view(.loginWithPassword)))
        await store.send(.setField(.loginIdentifier, "new@example.com")) {
            $0.form[.loginIdentifier] = "new@example.com"
        }
        await store.send(.session(.view(.registerWithPassword))) {
            $0.form[.registerEmail] = "new@example.com"
            $0.route = [.catalog, .login, .register]
        }
        await store.send(.setField(.password, "short")) { $0.form[.password] = "short" }
        await store.send(.select) { $0.auth.message = "The password needs at least 8 characters." }
        await store.send(.setField(.password, "longenough1")) { $0.form[.password] = "longenough1" }
        await store.send(.select) {
            $0.auth.purpose = .register
            $0.auth.message = nil
            $0.inFlight = [.login, .register]
        }
        await store.receive(.session(.response(.otpSent(challenge)))) {
            $0.inFlight = []
            $0.auth.challenge = challenge
            $0.auth.triesLeft = 3
            $0.auth.resendCooldown = 2
            $0.route = [.catalog, .login, .register, .otp]
        }
        await store.send(.back) {
            $0.route = [.catalog, .login, .register]
            $0.form[.password] = ""
            $0.auth.resendCooldown = 0
        }
        await store.finish()
    }

    @Test func forgotPasswordStartsFromTheLoginIdentifier() async {
        var state = guestState()
        state.route = [.catalog, .login]
        state.form[.loginIdentifier] = "asha@example.com"
        let store = makeStore(StubAPI(), state: state)
        await store.send(.navigate(.forgotPassword)) {
            $0.route = [.catalog, .login, .forgotPassword]
            $0.form[.resetIdentifier] = "asha@example.com"
        }
        await store.finish()
    }
}
