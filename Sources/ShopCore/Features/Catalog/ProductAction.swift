import StorefrontAPI

/// The types of ``ProductAction``: what the user asks, what effects answer and what it tells its parent.
public enum ProductFeature {
    /// What the user asked for.
    public enum View: Equatable, Sendable, Codable {
        case open(id: String)
        case selectVariant(Int)
        case changeQuantity(by: Int)
        case addToCart
        case addToWishlist
    }

    /// What an effect answered.
    public enum Response: Equatable, Sendable, Codable {
        case loaded(Product, variants: [Variant])
        case failed(id: String, APIError)
    }

    /// What the product tells its parent, which routes it (`DelegateRouting.swift`).
    public enum Delegate: Equatable, Sendable, Codable {
        /// Put `quantity` of the product shown into the cart (`preview` draws it until the cart answers).
        case addToCart(LineID, quantity: Int, preview: CartItem)
        /// Save the product shown to the wishlist.
        case addToWishlist(LineID)
    }
}
