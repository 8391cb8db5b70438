import StorefrontAPI

/// The parent's side of the features' `delegate` actions. A feature says what happened or what it needs of
/// another (the wishlist: "put this in the cart"; the cart: "a coupon changed") with ``tellParent(_:_:_:)``, and
/// the root reducer decides here which feature acts on it: no feature calls another feature's reducer.
extension Reducer {
    /// Hands a feature's `delegate` action to the root reducer, which routes it at once, within this reduction:
    /// what the feature did and what the other feature does about it are one step (one state the screen draws),
    /// settled once, by the action that started it (a notice that goes with a move keeps going with it).
    static func tellParent(_ state: inout State, _ action: Action, _ environment: ShopEnvironment) -> Effect {
        reduceAction(&state, action, environment)
    }

    /// Routes a feature's `delegate` action to the feature that acts on it (``reduce(into:action:environment:)``
    /// sends only those here).
    static func route(_ state: inout State, _ action: Action, _ environment: ShopEnvironment) -> Effect {
        switch action {
        case .session(.delegate(let delegate)):
            switch delegate {
            case .signedIn: return reduceWishlist(&state, .view(.load), environment)
            case .restoredSignedIn: return reduceOrders(&state, .view(.load), environment)
            }
        case .product(.delegate(.addToCart(let line, let quantity, let preview))),
            .wishlist(.delegate(.moveToCart(let line, let quantity, let preview))):
            return reduceCart(&state, .view(.setQuantity(line, quantity, preview: preview)), environment)
        case .product(.delegate(.addToWishlist(let line))):
            return reduceWishlist(&state, .view(.add(line)), environment)
        case .cart(.delegate(let delegate)):
            switch delegate {
            case .readyForCheckout: return reduceCheckout(&state, .view(.start), environment)
            case .couponChanged: return reduceCoupons(&state, .view(.load), environment)
            case .lineSettled(let line, let failure):
                return wishlistMoveSettled(&state, line, failure: failure, environment)
            case .addressesSet: return addressSetOnCart(&state, environment)
            case .deliverySet: return deliverySetOnCart(&state, environment)
            }
        case .payment(.delegate(.leftForOrder)):
            return reduceOrders(&state, .view(.load), environment)
        default:
            return .none
        }
    }
}
