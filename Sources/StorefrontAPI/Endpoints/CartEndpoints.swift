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
        let content: CartContent = try await send("POST", "/carts/\(cartID)/items", body: update)
        return content.cart
    }

    public func setAddress(cartID: String, _ update: CartAddressUpdate) async throws(APIError) -> Cart {
        let content: CartContent = try await send("POST", "/carts/\(cartID)/address", body: update)
        return content.cart
    }

    public func applyCoupon(cartID: String, code: String) async throws(APIError) -> Cart {
        struct Body: Encodable, Sendable { var couponCode: String }
        let content: CartContent = try await send("POST", "/carts/\(cartID)/coupon", body: Body(couponCode: code))
        return content.cart
    }

    public func removeCoupon(cartID: String) async throws(APIError) -> Cart {
        let content: CartContent = try await send(
            "DELETE", "/carts/\(cartID)/coupon", body: Optional<EmptyContent>.none)
        return content.cart
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
        let content: CartContent = try await send(
            "POST", "/carts/\(cartID)/loyalty-points", body: Body(loyaltyPointRedeemed: points))
        return content.cart
    }

    public func removeLoyaltyPoints(cartID: String) async throws(APIError) -> Cart {
        let content: CartContent = try await send(
            "DELETE", "/carts/\(cartID)/loyalty-points", body: Optional<EmptyContent>.none)
        return content.cart
    }

    public func redeemCreditBalance(cartID: String, amount: Money) async throws(APIError) -> Cart {
        struct Body: Encodable, Sendable { var creditBalanceUsed: Money }
        let content: CartContent = try await send(
            "POST", "/carts/\(cartID)/credit-balance", body: Body(creditBalanceUsed: amount))
        return content.cart
    }

    public func removeCreditBalance(cartID: String) async throws(APIError) -> Cart {
        let content: CartContent = try await send(
            "DELETE", "/carts/\(cartID)/credit-balance", body: Optional<EmptyContent>.none)
        return content.cart
    }

    public func redeemGiftCard(cartID: String, code: String) async throws(APIError) -> Cart {
        struct Body: Encodable, Sendable { var giftCardCode: String }
        let content: CartContent = try await send(
            "POST", "/carts/\(cartID)/gift-card", body: Body(giftCardCode: code))
        return content.cart
    }

    public func removeGiftCard(cartID: String) async throws(APIError) -> Cart {
        let content: CartContent = try await send(
            "DELETE", "/carts/\(cartID)/gift-card", body: Optional<EmptyContent>.none)
        return content.cart
    }

    public func setFulfillmentPreference(cartID: String, _ preference: FulfillmentPreferenceUpdate)
        async throws(APIError) -> Cart
    {
        let content: CartContent = try await send(
            "POST", "/carts/\(cartID)/fulfillment-preference", body: preference)
        return content.cart
    }
}
