import StorefrontAPI

/// Everything that can happen: intents from keys and answers from effects. `Codable` for the action log.
///
/// The app's own cases (moves, Enter, typing, screens) are intents; each feature's action says by its type
/// whether it is one (``FeatureAction``).
public enum Action: Equatable, Sendable, Codable {
    /// Starts (or restores) the session, then loads the catalog and the cart.
    case appStarted
    /// Moves the selection of the list on screen.
    case moveSelection(by: Int)
    /// Enter on the list on screen: opens the product, the order, chooses the address...
    case select
    /// Edits a text input.
    case edit(Field, TextEdit)
    /// Replaces a text input.
    case setField(Field, String)
    case dismissNotice
    /// Pushes a screen (loading what it shows).
    case navigate(Route)
    /// Pops a screen.
    case back

    case session(SessionAction)
    case catalog(CatalogAction)
    case product(ProductAction)
    case cart(CartAction)
    case wishlist(WishlistAction)
    case coupons(CouponsAction)
    case checkout(CheckoutAction)
    case payment(PaymentAction)
    case orders(OrdersAction)
    case account(AccountAction)
    /// Typing focus, the `?` help, key stamps (``UIAction``).
    case ui(UIAction)
}

// Each feature's action: what the user asked (`view`), what an effect answered (`response`) and, for those that
// have something to tell, what it tells its parent (`delegate`). Their types are in each feature's folder.
public typealias SessionAction = FeatureAction<SessionFeature.View, SessionFeature.Response, SessionFeature.Delegate>
public typealias CatalogAction = FeatureAction<CatalogFeature.View, CatalogFeature.Response, Never>
public typealias ProductAction = FeatureAction<ProductFeature.View, ProductFeature.Response, ProductFeature.Delegate>
public typealias CartAction = FeatureAction<CartFeature.View, CartFeature.Response, CartFeature.Delegate>
public typealias WishlistAction = FeatureAction<
    WishlistFeature.View, WishlistFeature.Response, WishlistFeature.Delegate
>
public typealias CouponsAction = FeatureAction<CouponsFeature.View, CouponsFeature.Response, Never>
public typealias CheckoutAction = FeatureAction<CheckoutFeature.View, CheckoutFeature.Response, Never>
public typealias PaymentAction = FeatureAction<PaymentFeature.View, PaymentFeature.Response, PaymentFeature.Delegate>
public typealias OrdersAction = FeatureAction<OrdersFeature.View, OrdersFeature.Response, Never>
public typealias AccountAction = FeatureAction<AccountFeature.View, AccountFeature.Response, Never>

extension Action {
    /// Where the action comes from, by its type: the user (the app's own cases and features' `view` actions) or
    /// an effect (features' `response` and `delegate` actions). The recorder writes it.
    public var origin: ActionOrigin {
        switch self {
        case .appStarted, .moveSelection, .select, .edit, .setField, .dismissNotice, .navigate, .back, .ui: .intent
        case .session(let action): action.origin
        case .catalog(let action): action.origin
        case .product(let action): action.origin
        case .cart(let action): action.origin
        case .wishlist(let action): action.origin
        case .coupons(let action): action.origin
        case .checkout(let action): action.origin
        case .payment(let action): action.origin
        case .orders(let action): action.origin
        case .account(let action): action.origin
        }
    }
}
