import Foundation

extension StorefrontClient {
    // MARK: Wishlist

    public func wishlist() async throws(APIError) -> [CatalogItem] {
        let id = try await userID()
        let content: WishlistContent = try await get("/wishlist/\(id)")
        return content.products
    }

    public func addToWishlist(_ line: LineID) async throws(APIError) -> [CatalogItem] {
        let id = try await userID()
        let content: WishlistContent = try await send(
            "POST", "/wishlist/\(id)",
            body: CartItemUpdate(
                productId: line.productId, variantId: line.variantId,
                quantity: 1
            ).wishlistBody)
        return content.products
    }

    public func removeFromWishlist(_ line: LineID) async throws(APIError) -> [CatalogItem] {
        let id = try await userID()
        let content: WishlistContent = try await send(
            "DELETE", "/wishlist/\(id)",
            body: CartItemUpdate(
                productId: line.productId, variantId: line.variantId,
                quantity: 0
            ).wishlistBody)
        return content.products
    }

    // MARK: Customers

    public func createCustomer(_ customer: CustomerCreate) async throws(APIError) -> CustomerDetail {
        let content: CustomerContent = try await send("POST", "/customers", body: customer)
        return content.customerDetail
    }

    public func addresses(page: Int = 1, limit: Int = 50) async throws(APIError) -> [Address] {
        let id = try await userID()
        let content: AddressesContent = try await get(
            "/customers/\(id)/addresses",
            query: [URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "limit", value: String(limit))])
        return content.addresses
    }

    /// The signed-in customer's loyalty points (`GET /customers/{user_id}/loyalty`).
    public func loyalty() async throws(APIError) -> LoyaltyDetails {
        let id = try await userID()
        let content: LoyaltyContent = try await get("/customers/\(id)/loyalty")
        return content.details
    }

    public func createAddress(_ address: Address) async throws(APIError) -> Address {
        let id = try await userID()
        let content: AddressContent = try await send("POST", "/customers/\(id)/addresses", body: address)
        return content.address
    }

    // MARK: Fulfillment

    public func checkServiceability(cartID: String, pincode: String) async throws(APIError) -> Serviceability {
        struct Body: Encodable, Sendable {
            var deliveryPincode: String
            var cartId: String
            var fulfillmentType = "delivery"
        }
        return try await send(
            "POST", "/fulfillment/serviceability", body: Body(deliveryPincode: pincode, cartId: cartID))
    }

    public func fulfillmentOptions(cartID: String, pincode: String) async throws(APIError) -> FulfillmentOptions {
        struct Body: Encodable, Sendable {
            var deliveryPincode: String
            var cartId: String
        }
        return try await send(
            "POST", "/shipping/fulfillment-options", body: Body(deliveryPincode: pincode, cartId: cartID))
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
        if let variantId {
            try container.encode(variantId, forKey: .variantId)
        } else {
            try container.encodeNil(forKey: .variantId)
        }
    }
}

extension CartItemUpdate {
    var wishlistBody: WishlistBody { WishlistBody(productId: productId, variantId: variantId) }
}
