import Foundation
import Testing

@testable import Sandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `GET /support/users` (sandbox only): support finds a customer by phone, email, order number or user id, with
/// their cart's summary and last activity, and a guest whose cart moved to an account on sign-in says where.
@Suite("Support finds a customer over HTTP")
struct SupportFindHTTPTests {
    @Test func phoneEmailOrderAndUserIDFindTheSameCustomerWithTheirCart() async throws {
        try await TestSandbox.with({ $0.supportKey = SupportHTTPTests.key }) { sandbox in
            let (access, userId, cartId) = try await SupportHTTPTests.customerWithCart(sandbox)
            let support = try await SupportHTTPTests.supportToken(sandbox)
            for query in ["phone=%2B91%2098765%2043210", "email=DEMO@example.com", "user_id=\(userId)"] {
                let found = try await sandbox.get("/support/users?\(query)", token: support)
                #expect(found.status == 200, "\(query): \(found.text)")
                let user = found.content["users"][0]
                #expect(user["id"].string == userId, "\(query): \(found.text)")
                #expect(user["is_anonymous"].bool == false)
                #expect(user["phone"].string == "9876543210")
                #expect(user["cart"]["id"].string == cartId)
                #expect(user["cart"]["line_count"].int == 1)
                #expect(user["cart"]["item_count"].int == 2)
                #expect(user["last_activity_at"].string != nil)
            }
            let order = try await sandbox.demoOrder(token: access, userId: userId)
            let byOrder = try await sandbox.get("/support/users?order_number=\(order)", token: support)
            #expect(byOrder.content["users"][0]["id"].string == userId, "\(byOrder.text)")
            let nobody = try await sandbox.get("/support/users?phone=9000000001", token: support)
            #expect(nobody.status == 200)
            #expect(nobody.content["users"].array.isEmpty)
        }
    }

    @Test func aGuestWhoseCartMovedOnSignInSaysWhereItWent() async throws {
        try await TestSandbox.with({ $0.supportKey = SupportHTTPTests.key }) { sandbox in
            let guest = try await sandbox.anonymous()
            let product = try await sandbox.product("the-monsoon-library", token: guest.access)
            _ = try await sandbox.createCart(productId: product.id, quantity: 1, token: guest.access)
            let support = try await SupportHTTPTests.supportToken(sandbox)
            let before = try await sandbox.get("/support/users?user_id=\(guest.userId)", token: support)
            #expect(before.content["users"][0]["is_anonymous"].bool == true)
            #expect(before.content["users"][0]["cart"]["line_count"].int == 1)
            #expect(before.content["users"][0]["cart_moved_to"].isNull)

            let (_, _, account) = try await sandbox.loginWithPhone(from: guest.access)
            let after = try await sandbox.get("/support/users?user_id=\(guest.userId)", token: support)
            let user = after.content["users"][0]
            #expect(user["cart"].isNull, "\(after.text)")
            #expect(user["cart_moved_to"]["user_id"].string == account, "\(after.text)")
            #expect(user["cart_moved_to"]["reason"].string == "sign-in")
            let owner = try await sandbox.get("/support/users?user_id=\(account)", token: support)
            #expect(owner.content["users"][0]["cart"]["line_count"].int == 1, "\(owner.text)")
        }
    }

    @Test func onlyASupportTokenWithOneSelectorMayLookUsersUp() async throws {
        try await TestSandbox.with({ $0.supportKey = SupportHTTPTests.key }) { sandbox in
            let customer = try await sandbox.anonymous()
            let refused = try await sandbox.get("/support/users?phone=9876543210", token: customer.access)
            #expect(refused.status == 403, "\(refused.text)")
            let support = try await SupportHTTPTests.supportToken(sandbox)
            let two = try await sandbox.get("/support/users?phone=9876543210&email=demo@example.com", token: support)
            #expect(two.status == 400, "\(two.text)")
            let none = try await sandbox.get("/support/users", token: support)
            #expect(none.status == 400, "\(none.text)")
        }
    }

    @Test func everyAnswerSaysItComesFromASandbox() async throws {
        try await TestSandbox.with { sandbox in
            let url = URL(string: sandbox.server.baseURL.absoluteString + "/auth/anonymous")!
            var request = URLRequest(url: url)
            request.httpMethod = "POST"
            request.setValue("test-key", forHTTPHeaderField: "X-Api-Key")
            let (_, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 200)
            #expect(http.value(forHTTPHeaderField: "x-storefront-sandbox") == "true")
        }
    }
}
