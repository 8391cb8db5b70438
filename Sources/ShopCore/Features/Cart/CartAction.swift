import StorefrontAPI

/// The types of ``CartAction``: what the user asks, what effects answer and what it tells its parent.
public enum CartFeature {
    /// What the user asked for.
    public enum View: Equatable, Sendable, Codable {
        /// Reads the cart from the server (the refresh key; opening the cart does it only when stale).
        case load
        /// The cart may have changed elsewhere (the user was away a long while): the next opening reads it.
        case markStale
        /// Sets a line's quantity (0 removes it); `preview` draws a line that is not in the cart yet.
        case setQuantity(LineID, Int, preview: CartItem?)
        /// Changes the selected line by one step.
        case incrementSelected
        case decrementSelected
        case removeSelected
        /// Puts the line last removed back (``CartState/lastRemoved``).
        case undoRemove
        case moveSelectedToWishlist
        case moveToWishlist(LineID)
        /// Applies the `giftCardCode` field.
        case applyGiftCard
        case removeGiftCard
        /// Redeems the `loyaltyPoints` field.
        case redeemLoyaltyPoints
        case removeLoyaltyPoints
        /// Uses the `creditAmount` field.
        case redeemCreditBalance
        case removeCreditBalance
    }

    /// What an effect answered.
    public enum Response: Equatable, Sendable, Codable {
        case loaded(Cart?)
        case loadFailed(APIError)
        case movedToWishlist(LineID, [CatalogItem])
        case moveToWishlistFailed(LineID, APIError)
        case mutationSucceeded(sequence: Int, Cart)
        case mutationFailed(sequence: Int, APIError)
    }

    /// What the cart tells its parent, which routes it (`DelegateRouting.swift`).
    public enum Delegate: Equatable, Sendable, Codable {
        /// The signed-in cart is loaded and checkout waited for it (a guest who logged in to check out).
        case readyForCheckout
        /// A coupon was applied or removed: the coupons shown are evaluated against another cart.
        case couponChanged
        /// The cart answered a change of `line` (`failure`: it refused it).
        case lineSettled(LineID, failure: APIError?)
        /// The cart holds checkout's billing and shipping addresses now.
        case addressesSet
        /// The cart holds checkout's delivery (or pickup) choice now.
        case deliverySet
    }
}
