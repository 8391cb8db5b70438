import StorefrontAPI

/// The types of ``WishlistAction``: what the user asks, what effects answer and what it tells its parent.
public enum WishlistFeature {
    /// What the user asked for.
    public enum View: Equatable, Sendable, Codable {
        case load
        case add(LineID)
        case remove(LineID)
        case removeSelected
        case moveToCart(LineID)
        case moveSelectedToCart
    }

    /// What an effect answered.
    public enum Response: Equatable, Sendable, Codable {
        case loaded([CatalogItem])
        case failed(APIError)
        case updated([CatalogItem])
    }

    /// What the wishlist tells its parent, which routes it (`DelegateRouting.swift`).
    public enum Delegate: Equatable, Sendable, Codable {
        /// Put `quantity` of a wishlist product into the cart; it leaves the wishlist once the cart holds it.
        case moveToCart(LineID, quantity: Int, preview: CartItem)
    }
}
