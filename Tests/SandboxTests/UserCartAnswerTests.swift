import Foundation
import GRDB
import Testing

@testable import Sandbox

/// `GET /carts/users/{id}` (what the shop opens the cart with) is served from ``CartAnswerCache`` like
/// `GET /carts/{id}`, for the customer and for support tokens, under the same rules.
@Suite("User cart answers are cached")
struct UserCartAnswerTests {
    func quantity(_ sandbox: TestSandbox, user: String, token: String) async throws -> Int? {
        let read = try await sandbox.get("/carts/users/\(user)", token: token)
        #expect(read.status == 200, "\(read.text)")
        return read.content["cart"]["cart_items"][0]["quantity"].int
    }

    /// Changes a cart line behind the counters' back (the `data` counter put back to its value): only an answer
    /// kept in memory still shows the old quantity.
    func changeQuantityUncounted(_ sandbox: TestSandbox, cart: String, to quantity: Int) throws {
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        try queue.write { db in
            let version = try ChangeCounters.data(db)
            try db.execute(
                sql: "UPDATE cart_item SET quantity = ? WHERE cart_id = ?", arguments: [quantity, cart])
            try db.execute(sql: "UPDATE change_counter SET value = ? WHERE name = 'data'", arguments: [version])
        }
    }

    func alter(_ sandbox: TestSandbox, _ sql: String, _ arguments: StatementArguments) throws {
        try DatabaseQueue(path: sandbox.databasePath).write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    @Test func userCartIsServedFromTheCacheUntilTheFileChanges() async throws {
        try await TestSandbox.with({ $0.supportKey = SupportHTTPTests.key }) { sandbox in
            let (access, userId, cartId) = try await SupportHTTPTests.customerWithCart(sandbox)
            let support = try await SupportHTTPTests.supportToken(sandbox)
            #expect(try await quantity(sandbox, user: userId, token: access) == 2)
            try changeQuantityUncounted(sandbox, cart: cartId, to: 5)
            // The kept answer (made for the customer) is what both the customer and support get.
            #expect(try await quantity(sandbox, user: userId, token: access) == 2)
            #expect(try await quantity(sandbox, user: userId, token: support) == 2)
            // Any counted write makes the next read price the cart again.
            try alter(sandbox, "UPDATE cart SET customer_note = 'x' WHERE id = ?", [cartId])
            #expect(try await quantity(sandbox, user: userId, token: support) == 5)
            // Kept from support's read now: the customer gets it too.
            try changeQuantityUncounted(sandbox, cart: cartId, to: 7)
            #expect(try await quantity(sandbox, user: userId, token: access) == 5)
            // The same answer as `GET /carts/{id}`.
            try alter(sandbox, "UPDATE cart SET customer_note = 'y' WHERE id = ?", [cartId])
            let byUser = try await sandbox.get("/carts/users/\(userId)", token: access)
            let byId = try await sandbox.get("/carts/\(cartId)", token: access)
            #expect(byUser.body == byId.body)
            #expect(byUser.content["cart"]["cart_items"][0]["quantity"].int == 7)
            // Another customer is refused before any cache; an unknown user is still support's 404.
            let (guest, _, _) = try await sandbox.anonymous()
            #expect(try await sandbox.get("/carts/users/\(userId)", token: guest).status == 403)
            let unknown = try await sandbox.get("/carts/users/NOSUCHUSER", token: support)
            #expect(unknown.status == 404)
            #expect(unknown.code == "USER_NOT_FOUND")
        }
    }

    @Test func aDeactivatedUsersCartReadBySupportIsNotKeptForThatUser() async throws {
        try await TestSandbox.with({ $0.supportKey = SupportHTTPTests.key }) { sandbox in
            let (access, userId, _) = try await SupportHTTPTests.customerWithCart(sandbox)
            let support = try await SupportHTTPTests.supportToken(sandbox)
            #expect(try await quantity(sandbox, user: userId, token: access) == 2)
            try alter(sandbox, "UPDATE user SET active = 0 WHERE id = ?", [userId])
            // Support still reads the cart (twice: the second could be a cached answer)...
            #expect(try await quantity(sandbox, user: userId, token: support) == 2)
            #expect(try await quantity(sandbox, user: userId, token: support) == 2)
            // ...and the deactivated customer is refused, not served what support read.
            let own = try await sandbox.get("/carts/users/\(userId)", token: access)
            #expect(own.status == 401, "\(own.text)")
            // A user gone from the file is support's 404 USER_NOT_FOUND, though the user's cart was answered before.
            try alter(sandbox, "UPDATE user SET active = 1 WHERE id = ?", [userId])
            #expect(try await quantity(sandbox, user: userId, token: support) == 2)
            try alter(sandbox, "DELETE FROM user WHERE id = ?", [userId])
            let gone = try await sandbox.get("/carts/users/\(userId)", token: support)
            #expect(gone.status == 404)
            #expect(gone.code == "USER_NOT_FOUND")
        }
    }
}
