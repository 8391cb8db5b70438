import Foundation
import GRDB
import Testing

@testable import Sandbox

/// What the sandbox keeps in memory (cart answers, the catalog, verified tokens) is never served once the data
/// under it changed: the next request sees the change, on this server, on a second server on the same file, and
/// after a write made by anyone else on the file.
@Suite("In-memory caches follow the database")
struct CacheInvalidationTests {
    /// A write on the file from outside both servers (as `sqlite3` or another program would make).
    func alter(_ sandbox: TestSandbox, _ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    func quantity(_ sandbox: TestSandbox, cart: String, token: String) async throws -> Int? {
        let read = try await sandbox.get("/carts/\(cart)", token: token)
        #expect(read.status == 200, "\(read.text)")
        return read.content["cart"]["cart_items"][0]["quantity"].int
    }

    @Test func cartWriteIsSeenByTheNextReadOnBothServers() async throws {
        try await TestSandbox.with { first in
            try await TestSandbox.withExisting(path: first.databasePath) { second in
                let (token, _, _) = try await first.anonymous()
                let book = try await first.product("the-monsoon-library", token: token)
                let (cartId, _) = try await first.createCart(productId: book.id, quantity: 1, token: token)
                // Both servers have answered (and kept) the cart with one copy.
                #expect(try await quantity(first, cart: cartId, token: token) == 1)
                #expect(try await quantity(second, cart: cartId, token: token) == 1)
                let update = try await first.post(
                    "/carts/\(cartId)/items", #"{"product_id":"\#(book.id)","variant_id":null,"quantity":3}"#,
                    token: token)
                #expect(update.status == 200)
                #expect(try await quantity(first, cart: cartId, token: token) == 3)
                #expect(try await quantity(second, cart: cartId, token: token) == 3)
                // And the other way round.
                let again = try await second.post(
                    "/carts/\(cartId)/items", #"{"product_id":"\#(book.id)","variant_id":null,"quantity":2}"#,
                    token: token)
                #expect(again.status == 200)
                #expect(try await quantity(first, cart: cartId, token: token) == 2)
                #expect(try await quantity(second, cart: cartId, token: token) == 2)
            }
        }
    }

    @Test func catalogPriceChangeIsSeenByTheNextReadOnBothServers() async throws {
        try await TestSandbox.with { first in
            try await TestSandbox.withExisting(path: first.databasePath) { second in
                let (token, _, _) = try await first.anonymous()
                let book = try await first.product("the-monsoon-library", token: token)
                let (cartId, created) = try await first.createCart(productId: book.id, quantity: 1, token: token)
                let price = try #require(created["cart_items"][0]["selling_price"].decimal)
                for server in [first, second] {
                    let read = try await server.get("/carts/\(cartId)", token: token)
                    #expect(read.content["cart"]["cart_items"][0]["selling_price"].decimal == price)
                }
                try alter(first, "UPDATE product SET selling_price = selling_price + 10000 WHERE id = ?", [book.id])
                for server in [first, second] {
                    let read = try await server.get("/carts/\(cartId)", token: token)
                    #expect(read.content["cart"]["cart_items"][0]["selling_price"].decimal == price + 100)
                    let product = try await server.get("/catalog/products/\(book.id)", token: token)
                    #expect(product.content["product"]["pricing"]["selling_price"].decimal == price + 100)
                }
            }
        }
    }

    @Test func endedPromotionIsGoneFromTheNextReadOnBothServers() async throws {
        try await TestSandbox.with { first in
            try await TestSandbox.withExisting(path: first.databasePath) { second in
                let (token, _, _) = try await first.anonymous()
                let rice = try await first.product("basmati-rice-5kg", token: token)
                let (cartId, created) = try await first.createCart(productId: rice.id, quantity: 2, token: token)
                #expect(created["promotion_discount_amount"].decimal == rupees("139.8"))
                for server in [first, second] {
                    let read = try await server.get("/carts/\(cartId)", token: token)
                    #expect(read.content["cart"]["is_promotion_applied"].bool == true)
                }
                // The Grocery promotion ended yesterday.
                try alter(
                    first, "UPDATE promotion SET expires_at = ? WHERE name = 'Grocery Fest'",
                    [Date().addingTimeInterval(-86400)])
                for server in [first, second] {
                    let read = try await server.get("/carts/\(cartId)", token: token)
                    #expect(read.content["cart"]["is_promotion_applied"].bool == false)
                    #expect(read.content["cart"]["promotion_discount_amount"].decimal == 0)
                }
            }
        }
    }

    /// Pages of the product list are kept encoded (the first from the server's start, ``SandboxWarmUp``): a price
    /// written on the file is in the next read on both servers, and a promotion that starts later is in the first
    /// read after its start although nothing was written meanwhile (only the clock moved).
    @Test func keptProductPagesFollowPricesAndAPromotionsStart() async throws {
        let clock = MovableClock()
        let configure: (inout SandboxConfiguration) -> Void = {
            $0.now = clock.now
            $0.accessTokenLifetime = .seconds(10 * 365 * 86400)
        }
        try await TestSandbox.with(configure) { first in
            try await TestSandbox.withExisting(path: first.databasePath) { second in
                let (token, _, _) = try await first.anonymous()
                let (otherToken, _, _) = try await second.anonymous()
                func rice(_ server: TestSandbox, _ token: String) async throws -> JSONValue {
                    let page = try await server.get("/catalog/products?page=1&limit=100", token: token)
                    #expect(page.status == 200, "\(page.text)")
                    return try #require(
                        page.content["products"].array.first { $0["slug"].string == "basmati-rice-5kg" })
                }
                let price = try #require(try await rice(first, token)["pricing"]["selling_price"].decimal)
                #expect(try await rice(first, token)["on_promotion"].bool == true)
                #expect(try await rice(second, otherToken)["pricing"]["selling_price"].decimal == price)

                try alter(
                    first, "UPDATE product SET selling_price = selling_price + 10000 WHERE slug = 'basmati-rice-5kg'")
                #expect(try await rice(first, token)["pricing"]["selling_price"].decimal == price + 100)
                #expect(try await rice(second, otherToken)["pricing"]["selling_price"].decimal == price + 100)

                // Grocery Fest starts a minute from the first server's now: not yet on, then on with no write.
                let starts = clock.now().addingTimeInterval(60)
                try alter(first, "UPDATE promotion SET starts_at = ? WHERE name = 'Grocery Fest'", [starts])
                #expect(try await rice(first, token)["on_promotion"].bool == false)
                #expect(try await rice(first, token)["on_promotion"].bool == false)
                clock.advance(by: 61)
                #expect(try await rice(first, token)["on_promotion"].bool == true)
            }
        }
    }

    @Test func promotionStartingLaterAppliesOnceItStartsWithNoWrite() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let rice = try await sandbox.product("basmati-rice-5kg", token: token)
            let starts = Date().addingTimeInterval(4)
            try alter(sandbox, "UPDATE promotion SET starts_at = ? WHERE name = 'Grocery Fest'", [starts])
            let (cartId, created) = try await sandbox.createCart(productId: rice.id, quantity: 2, token: token)
            let before = try await sandbox.get("/carts/\(cartId)", token: token)
            // An answer received before the start was priced before it (on a very loaded machine the start may
            // already have passed: then only the answer after the start is checked).
            if Date() < starts {
                #expect(created["is_promotion_applied"].bool == false)
                #expect(before.content["cart"]["is_promotion_applied"].bool == false)
            }
            // Nothing is written from here on: only the clock moves past the promotion's start.
            while Date() <= starts { try await Task.sleep(for: .milliseconds(200)) }
            let after = try await sandbox.get("/carts/\(cartId)", token: token)
            #expect(after.content["cart"]["is_promotion_applied"].bool == true)
            #expect(after.content["cart"]["promotion_discount_amount"].decimal == rupees("139.8"))
        }
    }

    /// The rule: a deactivated user is refused from the first request after the deactivation is committed, on
    /// every server on the file, although their access token has not expired.
    @Test func deactivatedUserIsRefusedAtTheNextRequestOnBothServers() async throws {
        try await TestSandbox.with { first in
            try await TestSandbox.withExisting(path: first.databasePath) { second in
                let (token, _, userId) = try await first.loginWithPhone("9000000077", register: true)
                let book = try await first.product("the-monsoon-library", token: token)
                let (cartId, _) = try await first.createCart(productId: book.id, quantity: 1, token: token)
                #expect(try await quantity(first, cart: cartId, token: token) == 1)
                #expect(try await quantity(second, cart: cartId, token: token) == 1)
                let deactivate = try await second.request("PUT", "/auth/user/\(userId)/deactivate", token: token)
                #expect(deactivate.status == 200)
                for server in [first, second] {
                    let read = try await server.get("/carts/\(cartId)", token: token)
                    #expect(read.status == 401)
                    #expect(read.content.isNull)
                    let write = try await server.post(
                        "/carts/\(cartId)/items", #"{"product_id":"\#(book.id)","variant_id":null,"quantity":2}"#,
                        token: token)
                    #expect(write.status == 401)
                }
            }
        }
    }

    @Test func verifiedTokenIsRefusedOnceExpired() async throws {
        try await TestSandbox.with({ $0.accessTokenLifetime = .seconds(5) }) { sandbox in
            let asked = Date()
            let (token, _, userId) = try await sandbox.anonymous()
            let received = Date()
            let fresh = try await sandbox.get("/auth/user/\(userId)", token: token)
            // `exp` is whole seconds after the issue: an answer within 4 s of asking used a token still valid (on a
            // very loaded machine it may come later; then only the refusal is checked).
            if Date() < asked.addingTimeInterval(4) { #expect(fresh.status == 200) }
            let expiry = received.addingTimeInterval(5.5)
            while Date() <= expiry { try await Task.sleep(for: .milliseconds(250)) }
            let expired = try await sandbox.get("/auth/user/\(userId)", token: token)
            #expect(expired.status == 401)
            #expect(expired.code == "TOKEN_EXPIRED")
            let tampered = try await sandbox.get("/auth/user/\(userId)", token: String(token.dropLast(2)) + "xx")
            #expect(tampered.status == 401)
        }
    }

    @Test func bearerTokenIsReadWithAnySchemeCaseAndSpacing() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.anonymous()
            for header in ["Bearer \(token)", "bearer \(token)", "BEARER   \(token)"] {
                let read = try await sandbox.request("GET", "/auth/user/\(userId)", headers: ["Authorization": header])
                #expect(read.status == 200, "\(header.prefix(10))")
            }
            for header in ["Bearer", "Bearer    ", "Basic \(token)", "Bearer x\(token)"] {
                let read = try await sandbox.request("GET", "/auth/user/\(userId)", headers: ["Authorization": header])
                #expect(read.status == 401, "\(header.prefix(10))")
            }
        }
    }

    @Test func everyTableCountsItsChanges() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("counters-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SandboxDatabase.open(path: directory.appendingPathComponent("c.sqlite").path)
        try database.pool.read { db in
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                      AND name NOT LIKE 'grdb_%' AND name != 'change_counter' AND name NOT LIKE 'product_search%'
                    """)
            #expect(tables.count >= 20)
            for table in tables {
                let triggers = try Int.fetchOne(
                    db,
                    sql:
                        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'count_%'",
                    arguments: [table])
                #expect(triggers == 3, "\(table) needs ChangeCounters.installTriggers")
            }
        }
        let before = try database.pool.read { db in (try ChangeCounters.data(db), try ChangeCounters.catalog(db)) }
        try database.pool.write { db in
            try db.execute(
                sql: "INSERT INTO gift_card (code, balance, expires_at) VALUES ('T', 1, ?)", arguments: [Date()])
        }
        let afterGiftCard = try database.pool.read { db in
            (try ChangeCounters.data(db), try ChangeCounters.catalog(db))
        }
        #expect(afterGiftCard.0 == before.0 + 1)
        #expect(afterGiftCard.1 == before.1)
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO category (id, name, slug, sort_order) VALUES ('c', 'C', 'c', 0)")
        }
        let afterCategory = try database.pool.read { db in
            (try ChangeCounters.data(db), try ChangeCounters.catalog(db))
        }
        #expect(afterCategory.0 == afterGiftCard.0 + 1)
        #expect(afterCategory.1 == afterGiftCard.1 + 1)
    }

    /// A write transaction that read its own (uncommitted) catalog change and then rolled back leaves nothing in the
    /// cache: the next read gets the committed price.
    @Test func rolledBackWriteLeavesNoCatalogInTheCache() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rollback-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SandboxDatabase.open(path: directory.appendingPathComponent("r.sqlite").path)
        let settings = try Seeder.seedIfEmpty(database, resources: SandboxResources.locate(), generatedCatalogSize: nil)
        let cache = CatalogCache(settings: settings)
        let id = try #require(try database.pool.read { db in try String.fetchOne(db, sql: "SELECT id FROM product") })
        let price = try database.pool.read { db in try cache.products(db, ids: [id])[id]?.sellingPrice }
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try database.pool.write { db in
                try db.execute(
                    sql: "UPDATE product SET selling_price = selling_price + 1 WHERE id = ?", arguments: [id])
                #expect(try cache.products(db, ids: [id])[id]?.sellingPrice == price.map { $0 + 1 })
                throw Abandon()
            }
        }
        #expect(try database.pool.read { db in try cache.products(db, ids: [id])[id]?.sellingPrice } == price)
        // A committed change is seen too.
        try database.pool.write { db in
            try db.execute(sql: "UPDATE product SET selling_price = selling_price + 5 WHERE id = ?", arguments: [id])
        }
        #expect(
            try database.pool.read { db in try cache.products(db, ids: [id])[id]?.sellingPrice } == price.map { $0 + 5 }
        )
    }
}
