import Foundation
import Logging
import Testing

@testable import StorefrontAPI

/// Loyalty points and credit balance as the sandbox tells them, and a refused redemption in words (the field's
/// wire name stays in the log).
@Suite("Balances and field names against the sandbox", .timeLimit(.minutes(2)))
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
            let user = try await client.user()
            #expect(user.loyaltyPoints == 500)
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
