import Foundation
import Logging
import Testing

@testable import StorefrontAPI

/// Loyalty points (`GET /customers/{user_id}/loyalty`, as the vendor documents) and the credit balance (a
/// sandbox extension on the user) as the sandbox tells them, and a refused redemption in words (the field's wire
/// name stays in the log).
@Suite("Balances and field names against the sandbox", .timeLimit(.minutes(5)))
struct BalancesSandboxTests {
    @Test("the demo customer's balances, and 'At most 500' named in words")
    func balancesAndRefusalInWords() async throws {
        try await SandboxHarness.with { harness in
            let capture = LogCapture()
            let client = StorefrontClient(
                configuration: ClientConfiguration(
                    baseURL: harness.server.baseURL, apiKey: "sandbox-test-key", debugMode: true,
                    timeout: .seconds(10), retryBaseDelay: .milliseconds(10)),
                tokenStore: MemoryTokenStore(nil), logger: capture.logger(level: .info))
            let challenge = try await client.login(.phone, identifier: SandboxHarness.demoPhone)
            _ = try await client.verifyOTP(try harness.otp(challenge), challenge: challenge)
            // Points as the vendor answers them; credit on the user, a sandbox extension (SANDBOX.md).
            let loyalty = try await client.loyalty()
            #expect(loyalty.balance == 500)
            #expect(loyalty.redeemable == 500)
            let user = try await client.user()
            #expect(user.creditBalance == Money(minorUnits: 75_000))

            let cart = try await client.createCart(items: [
                CartItemUpdate(productId: SandboxHarness.earbuds, variantId: nil, quantity: 1)
            ])
            let refused = await outcome { () async throws(APIError) in
                try await client.redeemLoyaltyPoints(cartID: cart.id, points: 600)
            }
            guard case .failure(let error) = refused else {
                Issue.record("600 points were redeemed from a balance of 500")
                return
            }
            #expect(error.message == "Loyalty points to redeem: At most 500")
            #expect(!error.message.contains("loyalty_point_redeemed"))
            let log = capture.text
            #expect(log.contains("field=loyalty_point_redeemed"))
            #expect(log.contains("code=INSUFFICIENT_LOYALTY_POINTS"))
        }
    }

    @Test("loyalty details only for the token's own user; a guest reads its own none")
    func loyaltyOnlyForItsOwnUser() async throws {
        try await SandboxHarness.with { harness in
            let client = harness.client
            let guest = try await client.session().userId
            #expect(try await client.loyalty().balance == 0)
            _ = try await harness.loginDemo()
            let refused = await outcome { () async throws(APIError) in
                _ = try await client.get("/customers/\(guest)/loyalty", as: LoyaltyContent.self)
            }
            #expect(refused.failure?.status == 403)
            let raw = try await client.get(
                "/customers/\(try await client.session().userId)/loyalty", as: LoyaltyContent.self)
            #expect(raw.loyaltyPointBalance?.value == 500)
            #expect(raw.loyalty?.loyaltyPointBalance?.value == 500)

            // The same points the carts and orders use: 200 redeemed on an order, given back when it is cancelled.
            let cart = try await client.createCart(items: [CartSandboxTests.line(SandboxHarness.earbuds, 1)])
            _ = try await client.setAddress(
                cartID: cart.id, .new(billing: SandboxHarness.address(), shipping: SandboxHarness.address()))
            let options = try await client.fulfillmentOptions(cartID: cart.id, pincode: "560001")
            let method = try #require(options.deliver?.allMethods.first)
            _ = try await client.setFulfillmentPreference(cartID: cart.id, .delivery(methodID: method.id))
            _ = try await client.redeemLoyaltyPoints(cartID: cart.id, points: 200)
            let created = try await client.createOrder(
                cartID: cart.id, paymentMethod: .juspayHostedPage(returnURL: "https://shop.example.com/paid"))
            #expect(try await client.loyalty().balance == 300)
            let after = try await client.get(
                "/customers/\(try await client.session().userId)/loyalty", as: LoyaltyContent.self)
            #expect(after.loyalty?.loyaltyPointRedeemed?.value == 200)
            _ = try await client.cancelOrder(
                orderNumber: created.order.orderNumber, OrderCancel(cancellationReason: "Changed my mind"))
            #expect(try await client.loyalty().balance == 500)
        }
    }

    @Test(
        "field names in words",
        arguments: [
            ("coupon_code", "Coupon code"), ("credit_balance_used", "Credit to use"),
            ("loyalty_point_redeemed", "Loyalty points to redeem"), ("content.cart_items[0].unit_price", "Unit price"),
            ("business.gstin", "GSTIN"),
        ])
    func fieldNames(_ field: String, _ words: String) {
        let error = APIError.http(
            status: 400, code: "VALIDATION_ERROR", message: "Validation failed",
            details: [FieldIssue(field: field, message: "Is invalid")])
        #expect(error.message == "\(words): Is invalid")
    }
}
