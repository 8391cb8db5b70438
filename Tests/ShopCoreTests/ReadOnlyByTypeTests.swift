import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

/// Read-only mode classifies by type: only what the user asks (`view`) can be refused, and every `view` case that
/// would change something is among the refusals that ``ReadOnlyTests`` sends (with a notice and no request).
/// The classification itself (``Reducer/mutation(_:in:)``) switches over each feature's `View` without a
/// `default:`, so a new view case does not compile until it is classified.
@MainActor @Suite struct ReadOnlyByTypeTests {
    nonisolated static let line = Fixtures.line("p1")

    /// One action of every `view` case of every feature.
    nonisolated static let everyView: [Action] =
        [
            SessionAction.View.chooseChannel(.email), .requestOTP, .resendOTP, .submitOTP, .submitRegistration,
            .loginWithPassword, .togglePasswordLogin, .registerWithPassword, .requestLogout, .cancelLogout, .logout,
        ].map { .session(.view($0)) }
        + [
            CatalogAction.View.loadMore, .refresh,
            .savedCopyRead(SavedCatalog(products: [], totalRecords: 0, categories: [])),
            .chooseCategory("tea"), .clearSearch,
        ].map { .catalog(.view($0)) }
        + [
            ProductAction.View.open(id: "p1"), .selectVariant(0), .changeQuantity(by: 1), .addToCart, .addToWishlist,
        ].map { .product(.view($0)) }
        + [
            CartAction.View.load, .markStale, .setQuantity(line, 3, preview: nil), .incrementSelected,
            .decrementSelected, .removeSelected, .undoRemove, .moveSelectedToWishlist, .moveToWishlist(line),
            .applyGiftCard, .removeGiftCard, .redeemLoyaltyPoints, .removeLoyaltyPoints, .redeemCreditBalance,
            .removeCreditBalance,
        ].map { .cart(.view($0)) }
        + [
            WishlistAction.View.load, .add(line), .remove(line), .removeSelected, .moveToCart(line),
            .moveSelectedToCart,
        ].map { .wishlist(.view($0)) }
        + [
            CouponsAction.View.load, .apply(code: "WELCOME10"), .applyTyped, .applySelected, .remove,
        ].map { .coupons(.view($0)) }
        + [
            CheckoutAction.View.start, .chooseAddress, .newAddress, .saveAddress, .skipBusiness, .submitBusiness,
            .chooseDelivery, .placeOrder,
        ].map { .checkout(.view($0)) }
        + [
            PaymentAction.View.toggleDetail, .stopPolling, .checkAgain, .retry, .done,
        ].map { .payment(.view($0)) }
        + [
            OrdersAction.View.load, .loadMore, .open(orderNumber: "ORD-1"), .pay, .requestCancel, .confirmCancel,
            .dismissCancel,
        ].map { .orders(.view($0)) }
        + [
            AccountAction.View.editProfile, .saveProfile, .loadPreferences, .togglePreference(.promotional, .email),
            .toggleSelectedPreference, .savePreferences, .changePassword, .forgotPassword, .submitReset,
            .requestDeactivation, .confirmDeactivation, .cancelDeactivation,
        ].map { .account(.view($0)) }

    /// Answers of every feature: never changes, never refused, whatever their case.
    nonisolated static let someResponses: [Action] = [
        .session(.response(.started(Fixtures.member))), .session(.response(.cooldownTick)),
        .catalog(.response(.categoriesLoaded([]))), .product(.response(.failed(id: "p1", .timeout))),
        .cart(.response(.loaded(nil))), .cart(.response(.mutationFailed(sequence: 1, .timeout))),
        .wishlist(.response(.updated([]))), .coupons(.response(.failed(.timeout))),
        .checkout(.response(.addressesLoaded([]))), .payment(.response(.timedOut)),
        .orders(.response(.failed(.timeout))), .account(.response(.passwordChanged)),
    ]

    @Test(arguments: everyView)
    func everyViewCaseThatWouldChangeSomethingIsAmongTheRefusals(_ action: Action) {
        #expect(action.origin == .intent)
        let refusal = ReadOnlyTests.refusals.first { $0.action == action }
        let state = ReadOnlyTests.readOnlyState(on: refusal?.route ?? .cart)
        if let what = Reducer.mutation(action, in: state) {
            #expect(refusal?.what == what, "\(action) changes \(what) but is not among the refusals")
        } else {
            #expect(refusal == nil)
        }
    }

    @Test func everyRefusalIsAViewOrAnAppIntent() {
        for refusal in ReadOnlyTests.refusals {
            #expect(refusal.action.origin == .intent, "\(refusal.action)")
        }
    }

    @Test(arguments: someResponses)
    func answersAreNeverRefused(_ action: Action) {
        #expect(action.origin == .answer)
        var state = ReadOnlyTests.readOnlyState(on: .cart)
        #expect(Reducer.mutation(action, in: state) == nil)
        #expect(!Reducer.refusedAsReadOnly(&state, action))
        state.readOnly = ReadOnlyMode(cartOwner: "customer-42")
        #expect(!Reducer.refusedAsReadOnly(&state, action))
        #expect(state.notice == nil)
    }
}
