import Foundation
import Sandbox
import ShopCore
import StorefrontAPI
import Testing

/// Export a cart from one sandbox visitor and import it as another, over real HTTP.
@Suite struct CartSnapshotTests {
    typealias Harness = SandboxSite

    @Test func exportedCartImportsAsAnotherVisitorWithEqualTotals() async throws {
        let harness = try await Harness()
        let alice = harness.visitor()
        let bob = harness.visitor()
        let cart = try await harness.cartWithCouponAndGiftCard(alice)
        #expect(cart.couponCode == "WELCOME10")
        #expect(cart.giftCardAmount > .zero)

        let data = try CartSnapshot(cart: cart, store: "sandbox", withPII: false).encoded()
        let report = try await CartImport.run(try CartSnapshot.decode(data), api: .live(bob))

        #expect(report.isIdentical, "\(report.summary)")
        #expect(report.cart.toBePaid == cart.toBePaid)
        #expect(report.cart.grandTotal == cart.grandTotal)
        #expect(report.cart.couponCode == "WELCOME10")
        #expect(report.cart.id != cart.id)
        let aliceCart = try await alice.userCart(userID: nil)
        #expect(aliceCart?.toBePaid == cart.toBePaid, "the export changed the source cart")
        await harness.close()
    }

    /// The exported totals are the rows the cart screen shows, and they add up: `total_tax` already holds the
    /// shipping tax, so shipping is its amount before tax (it was exported with its tax, counting that tax twice).
    @Test func theExportedTotalsAddUpLikeTheCartScreen() async throws {
        let harness = try await Harness()
        let cart = try await harness.cartWithCouponAndGiftCard(harness.visitor())
        #expect(cart.shippingAmountIncludingTax != cart.shippingAmount, "a cart whose shipping is taxed")
        let totals = CartSnapshot(cart: cart, store: "sandbox", withPII: false).totals
        let added = totals.subtotal - totals.discounts + totals.tax + totals.shipping - totals.credit - totals.giftCard
        #expect(added == totals.toBePaid, "\(totals.named)")
        let screen = Totals(cart: cart).rows
        #expect(screen.first { $0.kind == .shipping }?.amount == totals.shipping)
        #expect(screen.first { $0.kind == .tax }?.amount == totals.tax)
        await harness.close()
    }

    /// A file of format 1 (shipping written with its tax) still imports with equal totals.
    @Test func aFormatOneSnapshotStillImportsWithEqualTotals() async throws {
        let harness = try await Harness()
        let cart = try await harness.cartWithCouponAndGiftCard(harness.visitor())
        var snapshot = CartSnapshot(cart: cart, store: "sandbox", withPII: false)
        snapshot.version = 1
        snapshot.totals.shipping = cart.shippingAmountIncludingTax
        let report = try await CartImport.run(
            try CartSnapshot.decode(snapshot.encoded()), api: .live(harness.visitor()))
        #expect(report.isIdentical, "\(report.summary)")
        await harness.close()
    }

    @Test func anUnknownProductImportsNothing() async throws {
        let harness = try await Harness()
        let alice = harness.visitor()
        let bob = harness.visitor()
        var snapshot = CartSnapshot(
            cart: try await harness.cartWithCouponAndGiftCard(alice), store: "sandbox", withPII: false)
        snapshot.lines.append(
            CartSnapshot.Line(
                productId: "no-such-product", variantId: nil, name: "Ghost", quantity: 1,
                sellingPrice: Money(minorUnits: 100)))
        await #expect(throws: CartImport.Failure.unknownProduct(name: "Ghost", id: "no-such-product")) {
            _ = try await CartImport.run(snapshot, api: .live(bob))
        }
        #expect(try await bob.userCart(userID: nil) == nil, "a cart was half-imported")
        await harness.close()
    }

    @Test func aRejectedCouponRollsTheImportBack() async throws {
        let harness = try await Harness()
        let alice = harness.visitor()
        let bob = harness.visitor()
        var snapshot = CartSnapshot(
            cart: try await harness.cartWithCouponAndGiftCard(alice), store: "sandbox", withPII: false)
        snapshot.couponCode = "EXPIRED50"
        do {
            _ = try await CartImport.run(snapshot, api: .live(bob))
            Issue.record("an expired coupon was accepted")
        } catch let failure as CartImport.Failure {
            guard case .rejected(let step, _, _) = failure else { throw failure }
            #expect(step.contains("coupon"))
        }
        let left = try await bob.userCart(userID: nil)
        #expect(left?.cartItems.isEmpty ?? true, "lines were left behind: \(left?.cartItems.map(\.productId) ?? [])")
        await harness.close()
    }

    @Test func aRefusedReplacePutsBackCouponGiftCardPointsCreditAndAddress() async throws {
        let harness = try await Harness()
        let customer = harness.client()
        let challenge = try await customer.login(.phone, identifier: "9876543210")
        _ = try await customer.verifyOTP(try #require(challenge.otp), challenge: challenge)
        var cart = try await harness.cartWithCouponAndGiftCard(customer)
        cart = try await customer.redeemLoyaltyPoints(cartID: cart.id, points: 100)
        cart = try await customer.redeemCreditBalance(cartID: cart.id, amount: Money(minorUnits: 5_000))
        let address = Address(
            firstName: "Asha", lastName: "Rao", phone: "9876543210", email: "asha@example.com",
            addressLine1: "12 MG Road", pincode: "560001", city: "Bengaluru", state: "Karnataka", country: "India")
        cart = try await customer.setAddress(cartID: cart.id, .new(billing: address, shipping: address))
        let before = try #require(try await customer.userCart(userID: nil))

        // The snapshot drops the coupon and gift card, halves the points and asks for more credit than there is:
        // the store refuses the credit after the rest has changed.
        var snapshot = CartSnapshot(cart: before, store: "sandbox", withPII: false)
        snapshot.couponCode = nil
        snapshot.giftCardCode = nil
        snapshot.loyaltyPointsRedeemed = 50
        snapshot.creditBalanceUsed = Money(minorUnits: 10_000_000)
        do {
            _ = try await CartImport.run(snapshot, api: .live(customer), replace: true)
            Issue.record("credit beyond the balance was accepted")
        } catch let failure as CartImport.Failure {
            guard case .rejected(let step, _, let notRestored) = failure else { throw failure }
            #expect(step == "credit balance")
            #expect(notRestored.isEmpty, "\(notRestored)")
            #expect(failure.errorDescription?.hasSuffix(". The cart was put back as it was.") == true)
        }
        let after = try #require(try await customer.userCart(userID: nil))
        #expect(after.couponCode == "WELCOME10")
        #expect(after.giftCardCode == before.giftCardCode)
        #expect(after.loyaltyPointsRedeemed == 100)
        #expect(after.creditBalanceUsed == Money(minorUnits: 5_000))
        #expect(after.shippingAddress?.addressLine1 == "12 MG Road")
        #expect(after.toBePaid == before.toBePaid)
        #expect(after.cartItems.map(\.quantity) == before.cartItems.map(\.quantity))
        await harness.close()
    }

    @Test func aStoreMessageWithoutAFullStopGetsOne() {
        let failure = CartImport.Failure.rejected(
            step: "line Millet Muesli",
            .http(status: 400, code: nil, message: "Only 30 left in stock", details: []))
        #expect(
            failure.errorDescription
                == "The store refused the line Millet Muesli: Only 30 left in stock. The cart was put back as it was.")
    }

    @Test func aChangedPriceIsReported() async throws {
        let harness = try await Harness()
        let alice = harness.visitor()
        let bob = harness.visitor()
        var snapshot = CartSnapshot(
            cart: try await harness.cartWithCouponAndGiftCard(alice), store: "sandbox", withPII: false)
        snapshot.lines[0].sellingPrice = snapshot.lines[0].sellingPrice + Money(minorUnits: 1_000)
        snapshot.totals.grandTotal = snapshot.totals.grandTotal + Money(minorUnits: 2_000)
        let report = try await CartImport.run(snapshot, api: .live(bob))
        #expect(!report.isIdentical)
        #expect(report.lineDifferences.count == 1)
        #expect(report.lineDifferences[0].contains("price"))
        #expect(report.totalDifferences.contains { $0.hasPrefix("grand total") })
        await harness.close()
    }

    @Test func personalDataIsMaskedUnlessAskedFor() throws {
        var cart = Cart(id: "c1")
        cart.shippingAddress = Address(
            firstName: "Asha", phone: "9876543210", email: "asha@example.com", addressLine1: "12 MG Road",
            pincode: "560001", city: "Bengaluru", state: "Karnataka")
        let masked = String(decoding: try CartSnapshot(cart: cart, store: "s", withPII: false).encoded(), as: UTF8.self)
        #expect(!masked.contains("Asha") && !masked.contains("9876543210") && !masked.contains("asha@example.com"))
        #expect(!masked.contains("MG Road"))
        #expect(masked.contains("560001"))
        let full = String(decoding: try CartSnapshot(cart: cart, store: "s", withPII: true).encoded(), as: UTF8.self)
        #expect(full.contains("Asha") && full.contains("9876543210"))
    }

    @Test func newerTruncatedAndForeignFilesAreRefusedClearly() throws {
        let snapshot = CartSnapshot(cart: Cart(id: "c1"), store: "s", withPII: false)
        var newer = snapshot
        newer.version = CartSnapshot.currentVersion + 1
        #expect(throws: CartSnapshot.ReadError.newerVersion(CartSnapshot.currentVersion + 1)) {
            _ = try CartSnapshot.decode(try newer.encoded())
        }
        let whole = try snapshot.encoded()
        #expect(throws: CartSnapshot.ReadError.self) { _ = try CartSnapshot.decode(whole.prefix(whole.count / 2)) }
        #expect(throws: CartSnapshot.ReadError.self) { _ = try CartSnapshot.decode(Data(#"{"hello": 1}"#.utf8)) }
        let message = CartSnapshot.ReadError.newerVersion(9).errorDescription ?? ""
        #expect(message.contains("Update storefront"))
    }
}

extension SandboxSite {
    /// A visitor of its own, as the app would be (no debug mode).
    func visitor() -> StorefrontClient { client(debugMode: false) }

    /// A cart over ₹500 with WELCOME10 and the ₹250 gift card.
    func cartWithCouponAndGiftCard(_ client: StorefrontClient) async throws -> Cart {
        let products = try await client.products(ProductQuery(page: 1, limit: 40)).products
        let simple = products.filter { !$0.hasVariant && $0.isPurchasable }
        let picked = Array(simple.prefix(2))
        try #require(picked.count == 2)
        var cart = try await client.createCart(
            items: [CartItemUpdate(productId: picked[0].id, variantId: nil, quantity: 2)])
        cart = try await client.setItem(
            cartID: cart.id, CartItemUpdate(productId: picked[1].id, variantId: nil, quantity: 2))
        if cart.subtotal < Money(minorUnits: 60_000) {
            cart = try await client.setItem(
                cartID: cart.id, CartItemUpdate(productId: picked[1].id, variantId: nil, quantity: 5))
        }
        cart = try await client.applyCoupon(cartID: cart.id, code: "WELCOME10")
        cart = try await client.redeemGiftCard(cartID: cart.id, code: "GIFT250")
        return cart
    }
}
