import Foundation

extension StorefrontClient {
    public func wishlist() async throws(APIError) -> [CatalogItem] {
        let id = try await userID()
        let content: WishlistContent = try await get("/wishlist/\(id)")
        return content.products
    }

    public func addToWishlist(_ line: LineID) async throws(APIError) -> [CatalogItem] {
        try await changeWishlist("POST", line)
    }

    public func removeFromWishlist(_ line: LineID) async throws(APIError) -> [CatalogItem] {
        try await changeWishlist("DELETE", line)
    }

    /// `METHOD /wishlist/{user_id}` with the line's `{product_id, variant_id}`; answers the whole wishlist.
    private func changeWishlist(_ method: String, _ line: LineID) async throws(APIError) -> [CatalogItem] {
        let id = try await userID()
        let content: WishlistContent = try await send(
            method, "/wishlist/\(id)", body: WishlistBody(productId: line.productId, variantId: line.variantId))
        return content.products
    }
}

/// `{product_id, variant_id}` with an explicit null variant.
struct WishlistBody: Encodable, Sendable {
    var productId: String
    var variantId: String?

    private enum CodingKeys: String, CodingKey { case productId, variantId }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(productId, forKey: .productId)
        try container.encodeOrNull(variantId, forKey: .variantId)
    }
}
