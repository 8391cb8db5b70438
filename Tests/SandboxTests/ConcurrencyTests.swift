import Foundation
import Testing

@testable import Sandbox

@Suite("Two servers on one database file lose nothing")
struct ConcurrencyTests {
    /// A second server on the same SQLite file (as a second process would be).
    func withSecondServer(
        _ sandbox: TestSandbox, _ body: (TestSandbox) async throws -> Void
    ) async throws {
        let server = try await SandboxServer.start(SandboxConfiguration(databasePath: sandbox.databasePath))
        let second = TestSandbox(server: server, directory: sandbox.directory, databasePath: sandbox.databasePath)
        do {
            try await body(second)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func concurrentCartWritesThroughBothServersAreAllKept() async throws {
        try await TestSandbox.with { first in
            try await withSecondServer(first) { second in
                // Tokens are signed with a key kept in the database: both servers accept each other's tokens.
                let (token, _, userId) = try await first.anonymous()
                let listing = try await second.get("/catalog/products?limit=100", token: token)
                let simple = listing.content["products"].array.filter {
                    $0["has_variant"].bool == false && $0["stock_available"].bool == true
                }.compactMap { $0["id"].string }
                #expect(simple.count >= 30)
                let (cartId, _) = try await first.createCart(productId: simple[0], quantity: 1, token: token)
                let products = Array(simple.dropFirst().prefix(24))
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for (index, productId) in products.enumerated() {
                        let server = index % 2 == 0 ? first : second
                        group.addTask {
                            let response = try await server.post(
                                "/carts/\(cartId)/items",
                                #"{"product_id":"\#(productId)","variant_id":null,"quantity":1}"#,
                                token: token)
                            return response.status
                        }
                        group.addTask {
                            let response = try await server.post(
                                "/wishlist/\(userId)", #"{"product_id":"\#(productId)","variant_id":null}"#,
                                token: token)
                            return response.status
                        }
                        group.addTask {
                            let response = try await server.post("/auth/anonymous", headers: ["X-Api-Key": "k"])
                            return response.status
                        }
                    }
                    for try await status in group { #expect(status == 200) }
                }
                let cart = try await second.get("/carts/\(cartId)", token: token)
                #expect(cart.content["cart"]["cart_items"].array.count == products.count + 1)
                let wishlist = try await first.get("/wishlist/\(userId)", token: token)
                #expect(wishlist.content["products"].array.count == products.count)
                let users = try SandboxDatabase.open(path: first.databasePath).count(table: "user")
                #expect(users == 1 + 1 + products.count)  // demo customer, our user, the anonymous ones
            }
        }
    }

    @Test func concurrentOrdersOnTwoServersNeverOversell() async throws {
        try await TestSandbox.with { first in
            try await withSecondServer(first) { second in
                // "A Short History of Spices": 8 in stock. Six customers each order 2 at the same time.
                var customers: [(token: String, cartId: String)] = []
                for index in 0..<6 {
                    let (token, _, _) = try await first.loginWithPhone("90000000\(10 + index)", register: true)
                    let product = try await first.product("a-short-history-of-spices", token: token)
                    let (cartId, _) = try await first.createCart(productId: product.id, quantity: 2, token: token)
                    let address = CustomerFulfillmentHTTPTests.address
                    let set = try await first.post(
                        "/carts/\(cartId)/address", #"{"billing_address":\#(address)}"#, token: token)
                    #expect(set.status == 200)
                    customers.append((token, cartId))
                }
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for (index, customer) in customers.enumerated() {
                        let server = index % 2 == 0 ? first : second
                        group.addTask {
                            try await server.post(
                                "/orders", #"{"cart_id":"\#(customer.cartId)"}"#, token: customer.token
                            ).status
                        }
                    }
                    var statuses: [Int] = []
                    for try await status in group { statuses.append(status) }
                    return statuses
                }
                #expect(statuses.filter { $0 == 200 }.count == 4)
                #expect(statuses.filter { $0 == 409 }.count == 2)
                let product = try await second.get(
                    "/catalog/products/a-short-history-of-spices", token: customers[0].token)
                #expect(product.content["product"]["stock_quantity"].int == 0)
                #expect(product.content["product"]["stock_available"].bool == false)
            }
        }
    }
}
