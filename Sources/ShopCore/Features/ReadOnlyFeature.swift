import StorefrontAPI

/// Read-only mode (`storefront support cart`, `storefront --readonly`): every intent that would change the
/// cart, the wishlist, the account or the session is refused here, before any feature sees it, with the notice
/// "Read-only: <what> is disabled", and sends no request. A support view (another user's cart) is narrower
/// still: what would read the viewer's own data (wishlist, orders, account, signing in, checkout) is refused
/// with ``supportViewNotice``.
extension Reducer {
    /// The notice of a support view's refusal.
    public static let supportViewNotice = "Support view: only this customer's cart and the catalog"

    /// Refuses `action` in read-only mode: the notice, and true when it must not go further.
    static func refusedAsReadOnly(_ state: inout State, _ action: Action) -> Bool {
        guard state.readOnly != nil else { return false }
        if outsideSupportView(action, in: state) {
            state.notice = Notice(.error, supportViewNotice)
            return true
        }
        guard let what = mutation(action, in: state) else { return false }
        state.notice = Notice(.error, "Read-only: \(what) is disabled")
        return true
    }

    /// True in a support view (``ReadOnlyMode/cartOwner`` set) for an intent that would show or load the
    /// viewer's own data rather than the customer's cart or the catalog; false outside a support view.
    public static func outsideSupportView(_ action: Action, in state: State) -> Bool {
        guard state.readOnly?.cartOwner != nil else { return false }
        switch action {
        case .select:
            return selectAction(state).map { outsideSupportView($0, in: state) } ?? false
        case .navigate(let route):
            return !inSupportView(route)
        case .checkout(.view(.start)), .wishlist(.view(.load)), .coupons(.view(.load)), .orders(.view(.load)),
            .orders(.view(.loadMore)),
            .orders(.view(.open)), .account(.view(.loadPreferences)):
            return true
        default:
            return false
        }
    }

    /// The screens of a support view: the catalog, products and the customer's cart.
    static func inSupportView(_ route: Route) -> Bool { route.isInSupportView }

    /// What `action` would change, in words ("changing quantities"), or nil when it changes nothing on the
    /// server: reads, moves, typing, and (by their type) the answers of effects and what features tell their
    /// parent.
    public static func mutation(_ action: Action, in state: State) -> String? {
        switch action {
        case .select:
            return selectAction(state).flatMap { mutation($0, in: state) }
        case .navigate(let route):
            return mutation(navigatingTo: route, in: state)
        case .appStarted, .moveSelection, .edit, .setField, .dismissNotice, .back, .ui:
            return nil
        // Only what the user asks can change anything; what effects answered and what features tell their parent
        // follow from an intent that was let through (their type says so: no list of answers here).
        case .session(let action): return action.view.flatMap(mutation)
        case .catalog: return nil
        case .product(let action): return action.view.flatMap(mutation)
        case .cart(let action): return action.view.flatMap(mutation)
        case .wishlist(let action): return action.view.flatMap(mutation)
        case .coupons(let action): return action.view.flatMap(mutation)
        case .checkout(let action): return action.view.flatMap(mutation)
        case .payment(let action): return action.view.flatMap(mutation)
        case .orders(let action): return action.view.flatMap(mutation)
        case .account(let action): return action.view.flatMap(mutation)
        }
    }

    static func mutation(navigatingTo route: Route, in state: State) -> String? {
        if route.requiresSignIn && !state.isSignedIn { return "signing in" }
        return route.readOnlyChange
    }

    static func mutation(_ action: SessionAction.View) -> String? {
        switch action {
        case .requestOTP, .resendOTP, .submitOTP, .submitRegistration, .loginWithPassword, .registerWithPassword:
            "signing in"
        case .logout, .requestLogout: "signing out"
        case .chooseChannel, .togglePasswordLogin, .cancelLogout: nil
        }
    }

    static func mutation(_ action: ProductAction.View) -> String? {
        switch action {
        case .addToCart: "adding to the cart"
        case .addToWishlist: "the wishlist"
        case .open, .selectVariant, .changeQuantity: nil
        }
    }

    static func mutation(_ action: CartAction.View) -> String? {
        switch action {
        case .setQuantity, .incrementSelected, .decrementSelected: "changing quantities"
        case .removeSelected: "removing lines"
        case .undoRemove: "changing quantities"
        case .moveSelectedToWishlist, .moveToWishlist: "moving lines to the wishlist"
        case .applyGiftCard, .removeGiftCard: "gift cards"
        case .redeemLoyaltyPoints, .removeLoyaltyPoints: "loyalty points"
        case .redeemCreditBalance, .removeCreditBalance: "credit balance"
        case .load, .markStale: nil
        }
    }

    static func mutation(_ action: WishlistAction.View) -> String? {
        switch action {
        case .add, .remove, .removeSelected, .moveToCart, .moveSelectedToCart: "the wishlist"
        case .load: nil
        }
    }

    static func mutation(_ action: CouponsAction.View) -> String? {
        switch action {
        case .apply, .applyTyped, .applySelected, .remove: "coupons"
        case .load: nil
        }
    }

    static func mutation(_ action: CheckoutAction.View) -> String? {
        switch action {
        case .start, .chooseAddress, .newAddress, .skipBusiness, .submitBusiness, .chooseDelivery: "checkout"
        case .saveAddress: "saving addresses"
        case .placeOrder: "placing orders"
        }
    }

    static func mutation(_ action: PaymentAction.View) -> String? {
        switch action {
        case .retry: "payment"
        case .toggleDetail, .stopPolling, .checkAgain, .done: nil
        }
    }

    static func mutation(_ action: OrdersAction.View) -> String? {
        switch action {
        case .pay: "payment"
        case .requestCancel, .confirmCancel: "cancelling orders"
        case .load, .loadMore, .open, .dismissCancel: nil
        }
    }

    static func mutation(_ action: AccountAction.View) -> String? {
        switch action {
        case .editProfile, .saveProfile, .togglePreference, .toggleSelectedPreference, .savePreferences,
            .changePassword, .requestDeactivation, .confirmDeactivation:
            "account changes"
        case .forgotPassword, .submitReset: "password reset"
        case .loadPreferences, .cancelDeactivation: nil
        }
    }
}
