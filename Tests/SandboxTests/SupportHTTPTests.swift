import Foundation
import Testing

@testable import Sandbox

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Support tokens over HTTP: read any user's cart, change nothing")
struct SupportHTTPTests {
    static let key = "test-support-key-0123456789"

    /// A support token minted with the configured key.
    static func supportToken(_ sandbox: TestSandbox) async throws -> String {
        let response = try await sandbox.post(
            "/auth/support", headers: ["X-Api-Key": "test-key", "X-Support-Key": key])
        #expect(response.status == 200, "\(response.text)")
        #expect(response.content["role"].string == "support")
        return try #require(response.content["access_token"].string)
    }

    /// The claims a JWT carries (its signature is the server's business; the tests below check it is required).
    static func payload(of token: String) throws -> TokenClaims {
        let parts = token.split(separator: ".")
        try #require(parts.count == 3)
        var base64 = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return try JSONDecoder().decode(TokenClaims.self, from: try #require(Data(base64Encoded: base64)))
    }

    /// A logged-in demo customer with a cart of two of one product: (access token, user id, cart id).
    static func customerWithCart(_ sandbox: TestSandbox) async throws -> (String, String, String) {
        let (access, _, userId) = try await sandbox.loginWithPhone()
        let product = try await sandbox.product("the-monsoon-library", token: access)
        let (cartId, _) = try await sandbox.createCart(productId: product.id, quantity: 2, token: access)
        return (access, userId, cartId)
    }

    @Test func theRightKeyMintsAShortLivedSupportToken() async throws {
        try await TestSandbox.with({ $0.supportKey = Self.key }) { sandbox in
            let response = try await sandbox.post(
                "/auth/support", headers: ["X-Api-Key": "test-key", "X-Support-Key": Self.key])
            #expect(response.status == 200)
            #expect(response.body["success"].bool == true)
            #expect(response.content["expires_in"].int == 600)
            let token = try #require(response.content["access_token"].string)
            let claims = try Self.payload(of: token)
            #expect(claims.role == "support")
            #expect(claims.exp - claims.iat == 600)
            #expect(response.content["refresh_token"].isNull)
        }
    }

    @Test func aWrongOrMissingKeyIsRefused() async throws {
        try await TestSandbox.with({ $0.supportKey = Self.key }) { sandbox in
            let wrong = try await sandbox.post(
                "/auth/support", headers: ["X-Api-Key": "test-key", "X-Support-Key": Self.key + "x"])
            #expect(wrong.status == 401)
            #expect(wrong.content["access_token"].isNull)
            #expect(!wrong.text.contains(Self.key))
            let missing = try await sandbox.post("/auth/support", headers: ["X-Api-Key": "test-key"])
            #expect(missing.status == 401)
            let noAPIKey = try await sandbox.post("/auth/support", headers: ["X-Support-Key": Self.key])
            #expect(noAPIKey.status == 401)
            // A customer's token is no support key.
            let (access, _, _) = try await sandbox.anonymous()
            let withToken = try await sandbox.post(
                "/auth/support", token: access, headers: ["X-Api-Key": "test-key", "X-Support-Key": access])
            #expect(withToken.status == 401)
        }
    }

    @Test func aSupportTokenReadsAnotherUsersCartAndTheCatalog() async throws {
        try await TestSandbox.with({ $0.supportKey = Self.key }) { sandbox in
            let (access, userId, cartId) = try await Self.customerWithCart(sandbox)
            let own = try await sandbox.get("/carts/users/\(userId)", token: access)
            let support = try await Self.supportToken(sandbox)
            let read = try await sandbox.get("/carts/users/\(userId)", token: support)
            #expect(read.status == 200, "\(read.text)")
            #expect(read.content["cart"]["id"].string == cartId)
            #expect(read.content["cart"]["cart_items"][0]["quantity"].int == 2)
            #expect(read.content["cart"]["grand_total"] == own.content["cart"]["grand_total"])
            let catalog = try await sandbox.get("/catalog/products?limit=2", token: support)
            #expect(catalog.status == 200)

            let unknown = try await sandbox.get("/carts/users/NOSUCHUSER", token: support)
            #expect(unknown.status == 404)
            #expect(unknown.code == "USER_NOT_FOUND")
            let (_, _, guestId) = try await sandbox.anonymous()
            let noCart = try await sandbox.get("/carts/users/\(guestId)", token: support)
            #expect(noCart.status == 404)
            #expect(noCart.code == "NOT_FOUND")
        }
    }

    @Test func aSupportTokenCannotChangeAnything() async throws {
        try await TestSandbox.with({ $0.supportKey = Self.key }) { sandbox in
            let (access, userId, cartId) = try await Self.customerWithCart(sandbox)
            let product = try await sandbox.product("the-monsoon-library", token: access)
            let support = try await Self.supportToken(sandbox)
            let line = #"{"product_id":"\#(product.id)","variant_id":null,"quantity":5}"#
            let attempts: [(String, String, String?)] = [
                ("POST", "/carts/\(cartId)/items", line),
                ("DELETE", "/carts/users/\(userId)", nil),
                ("DELETE", "/carts/\(cartId)", nil),
                ("POST", "/carts/\(cartId)/coupon", #"{"coupon_code":"WELCOME10"}"#),
                ("POST", "/carts/\(cartId)/gift-card", #"{"gift_card_code":"GIFT250"}"#),
                ("POST", "/carts", #"{"items":[\#(line)]}"#),
                ("POST", "/wishlist/\(userId)", #"{"product_id":"\#(product.id)"}"#),
                ("POST", "/orders", #"{"cart_id":"\#(cartId)"}"#),
                ("PUT", "/auth/user/\(userId)", #"{"first_name":"Mallory"}"#),
                ("POST", "/auth/logout", nil),
                ("POST", "/auth/login/phone", #"{"phone":"9876543210"}"#),
            ]
            for (method, path, body) in attempts {
                let response = try await sandbox.request(method, path, json: body, token: support)
                #expect(response.status == 403, "\(method) \(path): \(response.text)")
                #expect(response.body["message"].string?.contains("read-only") == true, "\(method) \(path)")
            }
            // Reads outside carts and the catalog are refused too.
            for path in ["/auth/user/\(userId)", "/customers/\(userId)/addresses", "/orders", "/carts/\(cartId)"] {
                let response = try await sandbox.get(path, token: support)
                #expect(response.status == 403, "GET \(path): \(response.text)")
            }
            let after = try await sandbox.get("/carts/users/\(userId)", token: access)
            #expect(after.content["cart"]["cart_items"].array.count == 1)
            #expect(after.content["cart"]["cart_items"][0]["quantity"].int == 2)
            #expect(after.content["cart"]["coupon_code"].isNull)
        }
    }

    @Test func customersAreStillScopedToTheirOwnCart() async throws {
        try await TestSandbox.with({ $0.supportKey = Self.key }) { sandbox in
            let (_, userId, _) = try await Self.customerWithCart(sandbox)
            let (guest, _, _) = try await sandbox.anonymous()
            let other = try await sandbox.get("/carts/users/\(userId)", token: guest)
            #expect(other.status == 403)
            // A token minted elsewhere with role support but another key is not a support token.
            let forged = try await TokenService.make(
                secret: "not-the-sandbox-secret-but-32-bytes-long!", accessLifetime: .seconds(60),
                refreshLifetime: .seconds(60)
            ).issueSupport(lifetime: .seconds(60), now: Date())
            let rejected = try await sandbox.get("/carts/users/\(userId)", token: forged)
            #expect(rejected.status == 401)
        }
    }

    @Test func aGeneratedKeyIsKeptPrivatelyNextToTheDatabaseAndNeverAnswered() async throws {
        try await TestSandbox.with { sandbox in
            let file = SupportKey.fileURL(databasePath: sandbox.databasePath)
            let key = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(key.count >= 40)
            var info = stat()
            #expect(stat(file.path, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600)
            #expect(sandbox.server.supportKey == key)
            let minted = try await sandbox.post(
                "/auth/support", headers: ["X-Api-Key": "test-key", "X-Support-Key": key])
            #expect(minted.status == 200)
            #expect(!minted.text.contains(key))
            let document = try await sandbox.get("//openapi.yaml")
            #expect(!document.text.contains(key))
            // The same database keeps its key across restarts.
            let again = try await SandboxServices.make(SandboxConfiguration(databasePath: sandbox.databasePath))
            #expect(again.supportKey == key)
        }
    }
}
