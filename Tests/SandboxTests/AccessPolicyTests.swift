import Foundation
import Testing

@testable import Sandbox

/// The route groups' policies, decided by ``SessionMiddleware`` before any handler runs.
@Suite("Route groups carry their access policy")
struct AccessPolicyTests {
    @Test func eachGroupAsksForItsOwnProof() async throws {
        try await TestSandbox.with { sandbox in
            // open: the refresh route carries its own proof, so no token is asked for (the body is checked).
            let refresh = try await sandbox.post("/auth/refresh-token", "{}")
            #expect(refresh.status == 400, "\(refresh.text)")
            // apiKey: a new anonymous session needs the key.
            #expect(try await sandbox.post("/auth/anonymous").status == 401)
            // publicRead: the catalog with an API key and no token.
            let catalog = try await sandbox.request("GET", "/catalog/products", headers: ["X-Api-Key": "k"])
            #expect(catalog.status == 200)
            #expect(try await sandbox.get("/catalog/products").status == 401)

            let (token, _, _) = try await sandbox.anonymous()
            // customer: any customer's token; none is refused before the handler.
            #expect(try await sandbox.get("/orders", token: token).status == 200)
            let none = try await sandbox.get("/orders")
            #expect(none.status == 401)
            #expect(none.body["message"].string == "Authorization header with a Bearer access token is required")
            // signedIn: an anonymous customer is refused.
            let order = try await sandbox.post("/orders", #"{"cart_id":"x"}"#, token: token)
            #expect(order.status == 401)
            #expect(order.body["message"].string == "Login required")
            // customerToken: the token is checked before the body is read.
            let item = try await sandbox.post("/carts/x/items", "{}", token: "not-a-token")
            #expect(item.status == 401)
            #expect(item.body["message"].string == "Invalid access token")
            // support: a customer's token may not look users up.
            let find = try await sandbox.get("/support/users?phone=9876543210", token: token)
            #expect(find.status == 403)
        }
    }
}
