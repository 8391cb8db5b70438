import StorefrontAPI

public struct WishlistState: Equatable, Sendable {
    public var items: [CatalogItem] = []
    public var isLoaded = false
    public var selectedIndex = 0
    /// Products being moved to the cart, with the cart's quantity before: each leaves the wishlist only once the
    /// cart holds more of it.
    public var movingToCart: [LineID: Int] = [:]

    public init() {}

    public var selectedItem: CatalogItem? {
        items.indices.contains(selectedIndex) ? items[selectedIndex] : nil
    }

    public func contains(_ line: LineID) -> Bool {
        items.contains { $0.productId == line.productId && $0.variantId == line.variantId }
    }
}
