import Foundation

extension StorefrontClient {
    /// Creates a cart; the API refuses empty carts, so it takes the first items.
    public func createCart(items: [CartItemUpdate]) async throws(APIError) -> Cart {
        struct Body: Encodable, Sendable { var items: [CartItemUpdate] }
        let content: CartContent = try await send("POST", "/carts", body: Body(items: items))
        return content.cart
    }

    public func cart(id: String) async throws(APIError) -> Cart {
        let content: CartContent = try await get("/carts/\(id)")
        return content.cart
    }

    public func deleteCart(id: String) async throws(APIError) {
        let _: EmptyContent = try await send("DELETE", "/carts/\(id)", body: Optional<EmptyContent>.none)
    }

    /// The session user's cart, or nil when there is none yet (404).
    public func userCart(userID: String? = nil) async throws(APIError) -> Cart? {
        let id: String
        if let userID { id = userID } else { id = try await self.userID() }
        do {
            let content: CartContent = try await get("/carts/users/\(id)")
            return content.cart
        } catch .http(status: 404, let code, _, _) where code != "USER_NOT_FOUND" {
            // No cart yet. (A support token asking for an unknown user gets USER_NOT_FOUND, thrown as it is.)
            return nil
        }
    }

    public func deleteUserCart(userID: String? = nil) async throws(APIError) {
        let id: String
        if let userID { id = userID } else { id = try await self.userID() }
        let _: EmptyContent = try await send("DELETE", "/carts/users/\(id)", body: Optional<EmptyContent>.none)
    }

    /// Sets a line's quantity (0 removes it).
    public func setItem(cartID: String, _ update: CartItemUpdate) async throws(APIError) -> Cart {
        try await changeCart("POST", cartID, "items", body: update)
    }

    public func setAddress(cartID: String, _ update: CartAddressUpdate) async throws(APIError) -> Cart {
        try await changeCart("POST", cartID, "address", body: update)
    }

    public func applyCoupon(cartID: String, code: String) async throws(APIError) -> Cart {
        struct Body: Encodable, Sendable { var couponCode: String }
        return try await changeCart("POST", cartID, "coupon", body: Body(couponCode: code))
    }

    public func removeCoupon(cartID: String) async throws(APIError) -> Cart {
        try await changeCart("DELETE", cartID, "coupon", body: Optional<EmptyContent>.none)
    }

    public func evaluateCoupons(cartID: String) async throws(APIError) -> CouponEvaluation {
        try await get("/carts/\(cartID)/evaluate-coupons")
    }

    public func availableCoupons() async throws(APIError) -> [Coupon] {
        let content: CouponsContent = try await get("/carts/available-coupons")
        return content.coupons
    }

    public func availablePromotions() async throws(APIError) -> [Promotion] {
        let content: PromotionsContent = try await get("/carts/available-promotions")
        return content.promotions
    }

    public func redeemLoyaltyPoints(cartID: String, points: Int) async throws(APIError) -> Cart {
        struct Body: Encodable, Sendable { var loyaltyPointRedeemed: Int }
        return try await changeCart("POST", cartID, "loyalty-points", body: Body(loyaltyPointRedeemed: points))
    }

    public func removeLoyaltyPoints(cartID: String) async throws(APIError) -> Cart {
        try await changeCart("DELETE", cartID, "loyalty-points", body: Optional<EmptyContent>.none)
    }

    public func redeemCreditBalance(cartID: String, amount: Money) async throws(APIError) -> Cart {
        struct Body: Encodable, Sendable { var creditBalanceUsed: Money }
        return try await changeCart("POST", cartID, "credit-balance", body: Body(creditBalanceUsed: amount))
    }

    public func removeCreditBalance(cartID: String) async throws(APIError) -> Cart {
        try await changeCart("DELETE", cartID, "credit-balance", body: Optional<EmptyContent>.none)
    }

    public func redeemGiftCard(cartID: String, code: String) async throws(APIError) -> Cart {
        struct Body: Encodable, Sendable { var giftCardCode: String }
        return try await changeCart("POST", cartID, "gift-card", body: Body(giftCardCode: code))
    }

    public func removeGiftCard(cartID: String) async throws(APIError) -> Cart {
        try await changeCart("DELETE", cartID, "gift-card", body: Optional<EmptyContent>.none)
    }

    public func setFulfillmentPreference(cartID: String, _ preference: FulfillmentPreferenceUpdate)
        async throws(APIError) -> Cart
    {
        try await changeCart("POST", cartID, "fulfillment-preference", body: preference)
    }

    /// `METHOD /carts/{cartID}/{part}` with `body`; every such change answers the whole cart.
    private func changeCart<Body: Encodable & Sendable>(
        _ method: String, _ cartID: String, _ part: String, body: Body?
    ) async throws(APIError) -> Cart {
        let content: CartContent = try await send(method, "/carts/\(cartID)/\(part)", body: body)
        return content.cart
    }
}
