import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

@MainActor @Suite struct WishlistTests {
    /// The notice names what a save or removal did; when that cannot be told (several changes, a list not read
    /// before and no product shown), it says the wishlist was updated.
    @Test func theWishlistNoticeNamesWhatChanged() {
        let p1 = Fixtures.catalogItem("p1")
        let p2 = Fixtures.catalogItem("p2")
        let p3 = Fixtures.catalogItem("p3")
        #expect(
            Reducer.wishlistChange(before: [p1], after: [p1, p2], shown: nil) == "Saved Product p2 to the wishlist.")
        #expect(
            Reducer.wishlistChange(before: [p1, p2], after: [p2], shown: nil) == "Removed Product p1 from the wishlist."
        )
        #expect(Reducer.wishlistChange(before: [p1], after: [p2, p3], shown: nil) == "Wishlist updated.")
        #expect(
            Reducer.wishlistChange(before: nil, after: [p1, p2], shown: Fixtures.line("p2"))
                == "Saved Product p2 to the wishlist.")
        #expect(Reducer.wishlistChange(before: nil, after: [p1, p2], shown: nil) == "Wishlist updated.")
    }

    @Test func loadAddRemoveAndFailures() async {
        let one = [Fixtures.catalogItem("p1")]
        let api = StubAPI {
            $0.wishlist = { _ in one }
            $0.addToWishlist = { _ in one + [Fixtures.catalogItem("p2")] }
            $0.removeFromWishlist = { line in
                #expect(line == Fixtures.line("p1"))
                return [Fixtures.catalogItem("p2")]
            }
        }
        let store = makeStore(api, state: memberState())
        await store.send(.navigate(.wishlist)) {
            $0.route = [.catalog, .wishlist]
            $0.inFlight = [.wishlist]
        }
        await store.receive(.wishlist(.response(.loaded(one)))) {
            $0.wishlist.items = one
            $0.wishlist.isLoaded = true
            $0.inFlight = []
        }
        await store.send(.wishlist(.view(.add(Fixtures.line("p1"))))) {
            $0.notice = Notice(.info, "Already in the wishlist.")
        }
        await store.send(.wishlist(.view(.add(Fixtures.line("p2"))))) {
            $0.notice = nil
            $0.inFlight = [.wishlist]
        }
        await store.receive(.wishlist(.response(.updated(one + [Fixtures.catalogItem("p2")])))) {
            $0.wishlist.items = one + [Fixtures.catalogItem("p2")]
            $0.inFlight = []
            $0.notice = Notice(.success, "Saved Product p2 to the wishlist.")
        }
        await store.send(.wishlist(.view(.removeSelected))) {
            $0.notice = nil
            $0.inFlight = [.wishlist]
        }
        await store.receive(.wishlist(.response(.updated([Fixtures.catalogItem("p2")])))) {
            $0.wishlist.items = [Fixtures.catalogItem("p2")]
            $0.inFlight = []
            $0.notice = Notice(.success, "Removed Product p1 from the wishlist.")
        }
        await store.send(.wishlist(.response(.failed(.timeout)))) {
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        await store.finish()
    }

    @Test func moveToCartAddsOptimisticallyAndRemovesFromTheWishlist() async {
        let item = Fixtures.catalogItem("p2")
        let cartAfter = Fixtures.cart([Fixtures.item("p1", quantity: 1), Fixtures.item("p2", quantity: 1)])
        let api = StubAPI {
            $0.setItem = { input in
                #expect(input.1 == CartItemUpdate(productId: "p2", variantId: nil, quantity: 1))
                return cartAfter
            }
            $0.removeFromWishlist = { _ in [] }
        }
        var state = memberState()
        state.route = [.catalog, .wishlist]
        state.wishlist.items = [item, Fixtures.catalogItem("gone", stock: false)]
        let store = makeStore(api, state: state)
        await store.send(.moveSelection(by: 1)) { $0.wishlist.selectedIndex = 1 }
        await store.send(.select) { $0.notice = Notice(.error, "Product gone is out of stock.") }
        await store.send(.moveSelection(by: -1)) {
            $0.notice = nil
            $0.wishlist.selectedIndex = 0
        }
        let preview = CartItem(
            productId: "p2", variantId: nil, productName: "Product p2", quantity: 1, sellingPrice: Fixtures.rupees(500))
        await store.send(.wishlist(.view(.moveSelectedToCart))) {
            $0.wishlist.movingToCart = [Fixtures.line("p2"): 0]
            $0.cart.pending[Fixtures.line("p2")] = PendingLine(quantity: 1, preview: preview)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(Fixtures.line("p2"), 1))
            $0.inFlight = [.cart]
        }
        // It leaves the wishlist once the cart holds it, and the notice says so.
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, cartAfter)))) {
            $0.cart.server = cartAfter
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.wishlist.movingToCart = [:]
            $0.notice = Notice(.success, "Moved Product p2 to the cart.")
            $0.inFlight = [.wishlist]
        }
        await store.receive(.wishlist(.response(.loaded([])))) {
            $0.wishlist.items = []
            $0.wishlist.isLoaded = true
            $0.inFlight = []
        }
        await store.finish()
    }
}

@MainActor @Suite struct CouponTests {
    static let save10 = EvaluatedCoupon(name: "Save 10", couponCode: ["SAVE10"], estimatedDiscount: Fixtures.rupees(50))
    static let big = EvaluatedCoupon(
        name: "Big", couponCode: ["BIG500"], estimatedDiscount: nil, reason: "Order total below ₹5,000")

    @Test func listApplyAndRemove() async {
        let applied = Fixtures.cart([Fixtures.item("p1", quantity: 1)], coupon: "SAVE10")
        let plain = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        let evaluation: CouponEvaluation = try! Fixtures.decode(
            #"{"applicable_coupons":[{"name":"Save 10","coupon_code":["SAVE10"],"estimated_discount":50}],"inapplicable_coupons":[{"name":"Big","coupon_code":["BIG500"],"reason":"Order total below ₹5,000"}]}"#
        )
        let api = StubAPI {
            $0.evaluateCoupons = { _ in evaluation }
            $0.applyCoupon = { input in
                #expect(input.1 == "SAVE10")
                return applied
            }
            $0.removeCoupon = { _ in plain }
            $0.loyalty = { _ in LoyaltyDetails(balance: 0) }
        }
        let store = makeStore(api, state: memberState())
        await store.send(.navigate(.coupons)) {
            $0.route = [.catalog, .coupons]
            $0.inFlight = [.coupons]
        }
        // No points: nothing to prefill.
        await store.receive(.account(.response(.loyaltyLoaded(LoyaltyDetails(balance: 0))))) {
            $0.account.loyalty = LoyaltyDetails(balance: 0)
        }
        await store.receive(
            .coupons(
                .response(
                    .evaluated(applicable: evaluation.applicableCoupons, inapplicable: evaluation.inapplicableCoupons)))
        ) {
            $0.coupons.applicable = [Self.save10]
            $0.coupons.inapplicable = [Self.big]
            $0.inFlight = []
        }
        // The inapplicable one says why.
        await store.send(.moveSelection(by: 1)) { $0.coupons.selectedIndex = 1 }
        await store.send(.select) {
            $0.coupons.rejection = "Order total below ₹5,000"
            $0.notice = Notice(.error, "BIG500 does not apply: Order total below ₹5,000")
        }
        await store.send(.moveSelection(by: -1)) {
            $0.notice = nil
            $0.coupons.selectedIndex = 0
        }
        await store.send(.select) {
            $0.coupons.rejection = nil
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .applyCoupon("SAVE10"))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, applied)))) {
            $0.cart.server = applied
            $0.cart.inFlight = nil
            $0.inFlight = [.coupons]
            $0.notice = Notice(.success, "Coupon SAVE10 applied: you save ₹0.00.")
        }
        await store.receive(
            .coupons(
                .response(
                    .evaluated(applicable: evaluation.applicableCoupons, inapplicable: evaluation.inapplicableCoupons)))
        ) { $0.inFlight = [] }
        await store.send(.coupons(.view(.remove))) {
            $0.notice = nil
            $0.cart.sequence = 2
            $0.cart.inFlight = CartRequest(sequence: 2, command: .removeCoupon)
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 2, plain)))) {
            $0.cart.server = plain
            $0.cart.inFlight = nil
            $0.inFlight = [.coupons]
            $0.notice = Notice(.info, "Coupon removed.")
        }
        await store.receive(
            .coupons(
                .response(
                    .evaluated(applicable: evaluation.applicableCoupons, inapplicable: evaluation.inapplicableCoupons)))
        ) { $0.inFlight = [] }
        // No coupon: nothing to remove.
        await store.send(.coupons(.view(.remove))) { $0.notice = nil }
        await store.finish()
        // Read once on opening, not again when the coupons are evaluated anew.
        #expect(api.count("loyalty") == 1)
    }

    @Test func aTypedCouponThatIsRejectedSaysWhy() async {
        let rejected = APIError.http(status: 400, code: "VALIDATION_ERROR", message: "Coupon expired", details: [])
        let api = StubAPI { $0.applyCoupon = { _ throws(APIError) in throw rejected } }
        var state = memberState()
        state.route = [.catalog, .coupons]
        let store = makeStore(api, state: state)
        await store.send(.edit(.couponCode, .insert("old1"))) { $0.form[.couponCode] = "old1" }
        await store.send(.select) {
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .applyCoupon("OLD1"))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationFailed(sequence: 1, rejected)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.coupons.rejection = "Coupon expired"
            $0.coupons.rejectedCode = "OLD1"
            $0.notice = Notice(.error, "Coupon OLD1 was not applied: Coupon expired")
        }
        await store.send(.coupons(.response(.failed(.timeout)))) {
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        await store.send(.coupons(.view(.apply(code: "  ")))) { $0.notice = nil }
        await store.finish()
    }

    @Test func withoutACartThereAreNoCoupons() async {
        var state = guestState()
        state.coupons.applicable = [Self.save10]
        let store = makeStore(StubAPI(), state: state)
        await store.send(.coupons(.view(.load))) { $0.coupons.applicable = [] }
        await store.send(.coupons(.view(.applySelected)))
        await store.finish()
    }
}
