import Foundation
import Testing

@testable import StorefrontAPI

/// The support client against the sandbox: sign-in with the support key, reads of another user's cart, and a
/// session that is never refreshed, replaced or written to the customer's token file.
@Suite("Support client against the sandbox", .timeLimit(.minutes(5)))
struct SupportSandboxTests {
    static let key = "api-support-key-5d1e"

    @Test func supportReadsAnotherUsersCartWithATokenKeptInMemory() async throws {
        try await SandboxHarness.with({ $0.supportKey = Self.key }) { harness in
            let customer = harness.client
            let cart = try await customer.createCart(items: [
                CartItemUpdate(productId: SandboxHarness.earbuds, variantId: nil, quantity: 2)
            ])
            let userID = try await customer.session().userId
            let tokenFile = harness.directory.appendingPathComponent("state/tokens.json")
            let customerTokens = try Data(contentsOf: tokenFile)

            let minted = try await customer.supportSignIn(supportKey: Self.key)
            #expect(minted.role == "support")
            #expect(minted.expiresIn == 600)
            let support = customer.supportClient(token: minted.accessToken)
            #expect(await support.peekSession()?.isSupport == true)
            let seen = try #require(try await support.userCart(userID: userID))
            #expect(seen.id == cart.id)
            #expect(seen.toBePaid == cart.toBePaid)

            // Changes are refused by the server, and the refusal does not turn into a new (guest) session.
            do throws(APIError) {
                _ = try await support.setItem(
                    cartID: cart.id, CartItemUpdate(productId: SandboxHarness.earbuds, variantId: nil, quantity: 5))
                Issue.record("a support token changed a cart")
            } catch {
                #expect(error.status == 403)
                #expect(error.message.contains("read-only"))
            }
            #expect(await support.currentTokens()?.accessToken == minted.accessToken)
            #expect(try await customer.userCart()?.cartItems.first?.quantity == 2)
            // The customer's session and its file are untouched.
            #expect(try Data(contentsOf: tokenFile) == customerTokens)
            #expect(try await customer.session().userId == userID)

            // An unknown user is an error of its own, not "no cart".
            do throws(APIError) {
                _ = try await support.userCart(userID: "NOSUCHUSER")
                Issue.record("an unknown user answered a cart")
            } catch {
                #expect(error.code == "USER_NOT_FOUND")
            }
        }
    }

    @Test func aWrongKeyIsRefusedAndAnExpiredSupportTokenIsNotRenewed() async throws {
        try await SandboxHarness.with({ $0.supportKey = Self.key }) { harness in
            do throws(APIError) {
                _ = try await harness.client.supportSignIn(supportKey: "wrong")
                Issue.record("a wrong key minted a token")
            } catch {
                #expect(error.status == 401)
            }
            let minted = try await harness.client.supportSignIn(supportKey: Self.key)
            let support = harness.client.supportClient(token: minted.accessToken)
            // The client's clock moves past the token's expiry: it fails instead of starting a guest session.
            let late = StorefrontClient(
                configuration: harness.client.configuration, supportToken: minted.accessToken,
                now: { Date().addingTimeInterval(3600) })
            do throws(APIError) {
                _ = try await late.userCart(userID: "anyone")
                Issue.record("an expired support token was used")
            } catch {
                #expect(error.code == "TOKEN_EXPIRED")
            }
            #expect(await late.currentTokens()?.accessToken == minted.accessToken)
            #expect(try await support.userCart(userID: try await harness.client.session().userId) == nil)
        }
    }
}
