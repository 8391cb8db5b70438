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
        case .checkout(.start), .wishlist(.load), .coupons(.load), .orders(.load), .orders(.loadMore),
            .orders(.open), .account(.loadPreferences):
            return true
        default:
            return false
        }
    }

    /// The screens of a support view: the catalog, products and the customer's cart.
    static func inSupportView(_ route: Route) -> Bool { route.isInSupportView }

    /// What `action` would change, in words ("changing quantities"), or nil when it changes nothing on the
    /// server: reads, moves, typing, and the answers of effects.
    public static func mutation(_ action: Action, in state: State) -> String? {
        switch action {
        case .select:
            return selectAction(state).flatMap { mutation($0, in: state) }
        case .navigate(let route):
            return mutation(navigatingTo: route, in: state)
        case .appStarted, .moveSelection, .edit, .setField, .dismissNotice, .back, .ui:
            return nil
        case .session(let action):
            return mutation(action)
        case .catalog:
            return nil
        case .orders(let action):
            switch action {
            case .pay: return "payment"
            case .requestCancel, .confirmCancel: return "cancelling orders"
            case .load, .loadMore, .loaded, .failed, .open, .detailLoaded, .detailFailed, .dismissCancel, .cancelled,
                .cancelFailed:
                return nil
            }
        case .product(let action):
            switch action {
            case .addToCart: return "adding to the cart"
            case .addToWishlist: return "the wishlist"
            case .open, .loaded, .failed, .selectVariant, .changeQuantity: return nil
            }
        case .cart(let action):
            return mutation(action)
        case .wishlist(let action):
            switch action {
            case .add, .remove, .removeSelected, .moveToCart, .moveSelectedToCart: return "the wishlist"
            case .load, .loaded, .failed, .updated: return nil
            }
        case .coupons(let action):
            switch action {
            case .apply, .applyTyped, .applySelected, .remove: return "coupons"
            case .load, .evaluated, .failed: return nil
            }
        case .checkout(let action):
            return mutation(action)
        case .payment(let action):
            switch action {
            case .retry: return "payment"
            case .linkReady, .juspayOrderReady, .toggleDetail, .setupFailed, .statusPolled, .pollFailed, .timedOut,
                .stopPolling, .checkAgain, .retried,
                .retryFailed, .done:
                return nil
            }
        case .account(let action):
            return mutation(action)
        }
    }

    static func mutation(navigatingTo route: Route, in state: State) -> String? {
        if route.requiresSignIn && !state.isSignedIn { return "signing in" }
        return route.readOnlyChange
    }

    static func mutation(_ action: SessionAction) -> String? {
        switch action {
        case .requestOTP, .resendOTP, .submitOTP, .submitRegistration, .loginWithPassword, .registerWithPassword:
            "signing in"
        case .logout, .requestLogout: "signing out"
        case .chooseChannel, .togglePasswordLogin, .cancelLogout, .started, .startedAsNewGuest, .startFailed, .otpSent,
            .otpRequestFailed, .accountNotFound,
            .cooldownTick,
            .otpRejected, .signedIn, .signInFailed, .userLoaded, .signedOut, .logoutFailed, .expired:
            nil
        }
    }

    static func mutation(_ action: CartAction) -> String? {
        switch action {
        case .setQuantity, .incrementSelected, .decrementSelected: "changing quantities"
        case .removeSelected: "removing lines"
        case .undoRemove: "changing quantities"
        case .moveSelectedToWishlist, .moveToWishlist: "moving lines to the wishlist"
        case .applyGiftCard, .removeGiftCard: "gift cards"
        case .redeemLoyaltyPoints, .removeLoyaltyPoints: "loyalty points"
        case .redeemCreditBalance, .removeCreditBalance: "credit balance"
        case .load, .markStale, .loaded, .loadFailed, .movedToWishlist, .moveToWishlistFailed, .mutationSucceeded,
            .mutationFailed:
            nil
        }
    }

    static func mutation(_ action: CheckoutAction) -> String? {
        switch action {
        case .start, .chooseAddress, .newAddress, .skipBusiness, .submitBusiness, .chooseDelivery: "checkout"
        case .saveAddress: "saving addresses"
        case .placeOrder: "placing orders"
        case .addressesLoaded, .addressesFailed, .addressSaved, .addressFailed, .businessSaved, .businessFailed,
            .serviceabilityChecked, .pincodeChecked, .deliveryFailed, .orderPlaced, .orderFailed:
            nil
        }
    }

    static func mutation(_ action: AccountAction) -> String? {
        switch action {
        case .editProfile, .saveProfile, .togglePreference, .toggleSelectedPreference, .savePreferences,
            .changePassword, .requestDeactivation, .confirmDeactivation:
            "account changes"
        case .forgotPassword, .submitReset: "password reset"
        case .profileSaved, .loadPreferences, .preferencesLoaded, .preferencesSaved, .passwordChanged,
            .resetOTPSent, .passwordReset, .cancelDeactivation, .deactivated, .loyaltyLoaded, .failed:
            nil
        }
    }
}
