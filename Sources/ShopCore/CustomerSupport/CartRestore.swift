import Foundation
import StorefrontAPI

/// Makes a cart's parts (lines, coupon, gift card, loyalty points, credit, addresses) what another answer or a
/// snapshot had: the last steps of an import, putting a cart back after a failed one, and replay's starting cart.
enum CartRestore {
    /// Everything of a cart but its lines.
    struct Extras {
        var couponCode: String?
        var giftCardCode: String?
        var loyaltyPoints: Int
        var credit: Money
        /// Both, or nil: the addresses are left as they are.
        var addresses: (billing: Address, shipping: Address)?

        init(_ snapshot: CartSnapshot) {
            couponCode = snapshot.couponCode
            giftCardCode = snapshot.giftCardCode
            loyaltyPoints = snapshot.loyaltyPointsRedeemed
            credit = snapshot.creditBalanceUsed
            // Masked addresses are not addresses: only an export with personal data sets them.
            if snapshot.containsPersonalData, let billing = snapshot.billingAddress,
                let shipping = snapshot.shippingAddress
            {
                addresses = (billing, shipping)
            }
        }

        init(_ cart: Cart) {
            couponCode = cart.couponCode
            giftCardCode = cart.giftCardCode
            loyaltyPoints = cart.loyaltyPointsRedeemed
            credit = cart.creditBalanceUsed
            if let billing = cart.billingAddress, let shipping = cart.shippingAddress {
                addresses = (billing, shipping)
            }
        }
    }

    /// The same place and person, whatever the ids the store gave them.
    static func sameAddress(_ left: Address?, _ right: Address?) -> Bool {
        var left = left
        var right = right
        left?.id = nil
        right?.id = nil
        return left == right
    }

    /// Changes what differs between `cart` and `wanted`, in the order the store prices them (coupon, gift card,
    /// points, credit, addresses). `step` names each change before it is sent (for the failure's message).
    /// Stops at the first refusal, unless `bestEffort`, which goes on with the next part.
    static func apply(
        _ wanted: Extras, to cart: Cart, api: ShopAPI, bestEffort: Bool = false,
        step: (String) -> Void = { _ in }
    ) async throws(APIError) -> Cart {
        var current = cart
        func change(_ name: String, _ call: (String) async throws(APIError) -> Cart) async throws(APIError) {
            step(name)
            do {
                current = try await call(current.id)
            } catch {
                if !bestEffort { throw error }
            }
        }
        if current.couponCode != wanted.couponCode {
            if let code = current.couponCode {
                try await change("removal of coupon \(code)") { id throws(APIError) in
                    try await api.removeCoupon(cartID: id)
                }
            }
            if let code = wanted.couponCode {
                try await change("coupon \(code)") { id throws(APIError) in
                    try await api.applyCoupon(cartID: id, code: code)
                }
            }
        }
        if current.giftCardCode != wanted.giftCardCode {
            if current.giftCardCode != nil {
                try await change("removal of the gift card") { id throws(APIError) in
                    try await api.removeGiftCard(cartID: id)
                }
            }
            if let code = wanted.giftCardCode {
                try await change("gift card") { id throws(APIError) in
                    try await api.redeemGiftCard(cartID: id, code: code)
                }
            }
        }
        if current.loyaltyPointsRedeemed != wanted.loyaltyPoints {
            if current.loyaltyPointsRedeemed > 0 {
                try await change("removal of the loyalty points") { id throws(APIError) in
                    try await api.removeLoyaltyPoints(cartID: id)
                }
            }
            if wanted.loyaltyPoints > 0 {
                try await change("loyalty points") { id throws(APIError) in
                    try await api.redeemLoyaltyPoints(cartID: id, points: wanted.loyaltyPoints)
                }
            }
        }
        if current.creditBalanceUsed != wanted.credit {
            if current.creditBalanceUsed > .zero {
                try await change("removal of the credit balance") { id throws(APIError) in
                    try await api.removeCreditBalance(cartID: id)
                }
            }
            if wanted.credit > .zero {
                try await change("credit balance") { id throws(APIError) in
                    try await api.redeemCreditBalance(cartID: id, amount: wanted.credit)
                }
            }
        }
        if let (billing, shipping) = wanted.addresses,
            !sameAddress(current.billingAddress, billing) || !sameAddress(current.shippingAddress, shipping)
        {
            try await change("address") { id throws(APIError) in
                try await api.setAddress(cartID: id, .new(billing: billing, shipping: shipping))
            }
        }
        return current
    }

    /// Puts the session's cart back as `previous` was (nil: no cart), as far as the store allows; the parts
    /// that still differ, in words (empty when it is as it was).
    static func restore(_ previous: Cart?, api: ShopAPI) async -> [String] {
        let wantedLines = previous?.cartItems.filter { !$0.isFreeItem } ?? []
        var current = (try? await api.userCart(userID: nil)) ?? nil
        if current == nil, !wantedLines.isEmpty {
            current = try? await api.createCart(items: wantedLines.map { update($0, quantity: $0.quantity) })
        }
        if var cart = current {
            for line in cart.cartItems
            where !line.isFreeItem && !wantedLines.contains(where: { $0.lineID == line.lineID }) {
                if let answer = try? await api.setItem(cartID: cart.id, update(line, quantity: 0)) { cart = answer }
            }
            for line in wantedLines where cart.line(line.lineID)?.quantity != line.quantity {
                if let answer = try? await api.setItem(cartID: cart.id, update(line, quantity: line.quantity)) {
                    cart = answer
                }
            }
            if let previous { _ = try? await apply(Extras(previous), to: cart, api: api, bestEffort: true) }
        }
        let after = (try? await api.userCart(userID: nil)) ?? nil
        return differences(from: previous, to: after)
    }

    private static func update(_ line: CartItem, quantity: Int) -> CartItemUpdate {
        CartItemUpdate(productId: line.productId, variantId: line.variantId, quantity: quantity)
    }

    /// How `now` differs from `was`, part by part, in words.
    static func differences(from was: Cart?, to now: Cart?) -> [String] {
        var result: [String] = []
        let wasLines = was?.cartItems.filter { !$0.isFreeItem } ?? []
        let nowLines = now?.cartItems.filter { !$0.isFreeItem } ?? []
        for line in wasLines where now?.line(line.lineID)?.quantity != line.quantity {
            result.append("\(line.displayName) × \(line.quantity) (now × \(now?.line(line.lineID)?.quantity ?? 0))")
        }
        for line in nowLines where !wasLines.contains(where: { $0.lineID == line.lineID }) {
            result.append("\(line.displayName) (now × \(line.quantity), before none)")
        }
        let before = was.map(Extras.init)
        let after = now.map(Extras.init)
        if before?.couponCode != after?.couponCode {
            result.append("the coupon (\(before?.couponCode ?? "none") before, \(after?.couponCode ?? "none") now)")
        }
        if before?.giftCardCode != after?.giftCardCode { result.append("the gift card") }
        if (before?.loyaltyPoints ?? 0) != (after?.loyaltyPoints ?? 0) {
            result.append("loyalty points (\(before?.loyaltyPoints ?? 0) before, \(after?.loyaltyPoints ?? 0) now)")
        }
        if (before?.credit ?? .zero) != (after?.credit ?? .zero) {
            result.append(
                "credit (\((before?.credit ?? .zero).formatted()) before, \((after?.credit ?? .zero).formatted()) now)")
        }
        if !sameAddress(was?.billingAddress, now?.billingAddress)
            || !sameAddress(was?.shippingAddress, now?.shippingAddress)
        {
            result.append("the addresses")
        }
        return result
    }
}
