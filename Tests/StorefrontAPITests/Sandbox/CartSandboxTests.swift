import Foundation
import Testing

@testable import StorefrontAPI

/// The cart and wishlist endpoint groups over real HTTP against the sandbox.
@Suite("Carts and wishlist against the sandbox", .timeLimit(.minutes(5)))
struct CartSandboxTests {
    static func line(_ product: String, _ quantity: Int) -> CartItemUpdate {
        CartItemUpdate(productId: product, variantId: nil, quantity: quantity)
    }

    @Test("create, read, set and remove items, user cart, delete")
    func lifecycle() async throws {
        try await SandboxHarness.with { harness in
            let client = harness.client
            #expect(try await client.userCart() == nil)
            let created = try await client.createCart(items: [Self.line(SandboxHarness.earbuds, 1)])
            #expect(created.cartItems.map(\.productId) == [SandboxHarness.earbuds])
            #expect(created.subtotal > .zero)

            let two = try await client.setItem(cartID: created.id, Self.line(SandboxHarness.earbuds, 2))
            #expect(two.line(LineID(productId: SandboxHarness.earbuds, variantId: nil))?.quantity == 2)
            let withMouse = try await client.setItem(cartID: created.id, Self.line(SandboxHarness.mouse, 1))
            #expect(withMouse.cartItems.count == 2)
            let removed = try await client.setItem(cartID: created.id, Self.line(SandboxHarness.mouse, 0))
            #expect(removed.cartItems.map(\.productId) == [SandboxHarness.earbuds])
            #expect(removed.toBePaid == removed.grandTotal)

            #expect(try await client.cart(id: created.id) == removed)
            #expect(try await client.userCart()?.id == created.id)

            try await client.deleteCart(id: created.id)
            #expect(try await client.userCart() == nil)

            _ = try await client.createCart(items: [Self.line(SandboxHarness.mouse, 1)])
            try await client.deleteUserCart()
            #expect(try await client.userCart()?.cartItems.isEmpty ?? true)
        }
    }

    @Test("coupons: available, evaluate, apply, remove; promotions listed")
    func coupons() async throws {
        try await SandboxHarness.with { harness in
            let client = harness.client
            let cart = try await client.createCart(items: [Self.line(SandboxHarness.earbuds, 1)])
            let available = try await client.availableCoupons()
            #expect(available.contains { $0.couponCode.contains("WELCOME10") })
            #expect(!(try await client.availablePromotions()).isEmpty)
            let evaluation = try await client.evaluateCoupons(cartID: cart.id)
            #expect(evaluation.applicableCoupons.contains { $0.code == "WELCOME10" })

            let discounted = try await client.applyCoupon(cartID: cart.id, code: "WELCOME10")
            #expect(discounted.couponCode == "WELCOME10")
            #expect(discounted.couponDiscountAmount > .zero)
            #expect(discounted.grandTotal < cart.grandTotal)
            let plain = try await client.removeCoupon(cartID: cart.id)
            #expect(plain.couponCode == nil)
            #expect(plain.grandTotal == cart.grandTotal)

            let bad = await outcome { () async throws(APIError) in
                try await client.applyCoupon(cartID: cart.id, code: "NOPE")
            }
            #expect(bad.failure?.status == 400 || bad.failure?.status == 404)
        }
    }

    @Test("loyalty points, credit balance and gift card reduce to_be_paid, exactly, and come off again")
    func payingWithBalances() async throws {
        try await SandboxHarness.with { harness in
            try await harness.loginDemo()
            let client = harness.client
            let cart = try await client.createCart(items: [Self.line(SandboxHarness.earbuds, 1)])

            let points = try await client.redeemLoyaltyPoints(cartID: cart.id, points: 100)
            #expect(points.loyaltyPointsRedeemed == 100)
            #expect(points.toBePaid < cart.toBePaid)
            #expect(try await client.removeLoyaltyPoints(cartID: cart.id).toBePaid == cart.toBePaid)

            let credit = try await client.redeemCreditBalance(cartID: cart.id, amount: Money(minorUnits: 10_050))
            #expect(credit.creditBalanceUsed == Money(minorUnits: 10_050))
            #expect(credit.toBePaid == cart.toBePaid - Money(minorUnits: 10_050))
            #expect(try await client.removeCreditBalance(cartID: cart.id).toBePaid == cart.toBePaid)

            let gift = try await client.redeemGiftCard(cartID: cart.id, code: "GIFT250")
            #expect(gift.giftCardCode == "GIFT250")
            #expect(gift.giftCardAmount == Money(minorUnits: 25_000))
            #expect(gift.toBePaid == cart.toBePaid - Money(minorUnits: 25_000))
            let back = try await client.removeGiftCard(cartID: cart.id)
            #expect(back.giftCardCode == nil)
            #expect(back.toBePaid == cart.toBePaid)

            let tooMuch = await outcome { () async throws(APIError) in
                try await client.redeemLoyaltyPoints(cartID: cart.id, points: 1_000_000)
            }
            #expect(tooMuch.failure?.status == 400)
            #expect(tooMuch.failure?.code == "INSUFFICIENT_LOYALTY_POINTS")
        }
    }

    @Test("cart address: new addresses, then saved ones")
    func address() async throws {
        try await SandboxHarness.with { harness in
            try await harness.loginDemo()
            let client = harness.client
            let cart = try await client.createCart(items: [Self.line(SandboxHarness.mouse, 1)])
            let withNew = try await client.setAddress(
                cartID: cart.id, .new(billing: SandboxHarness.address(), shipping: SandboxHarness.address()))
            #expect(withNew.shippingAddress?.pincode == "560001")
            let saved = try #require(try await client.addresses().first)
            let savedID = try #require(saved.id)
            let withSaved = try await client.setAddress(
                cartID: cart.id, .saved(billingAddressId: savedID, shippingAddressId: savedID))
            #expect(withSaved.shippingAddress?.pincode == saved.pincode)
        }
    }

    @Test("wishlist: add, list, remove")
    func wishlist() async throws {
        try await SandboxHarness.with { harness in
            let client = harness.client
            #expect(try await client.wishlist().isEmpty)
            let line = LineID(productId: SandboxHarness.earbuds, variantId: nil)
            let added = try await client.addToWishlist(line)
            #expect(added.map(\.productId) == [SandboxHarness.earbuds])
            _ = try await client.addToWishlist(LineID(productId: SandboxHarness.mouse, variantId: nil))
            #expect(try await client.wishlist().count == 2)
            let left = try await client.removeFromWishlist(line)
            #expect(left.map(\.productId) == [SandboxHarness.mouse])
        }
    }
}
