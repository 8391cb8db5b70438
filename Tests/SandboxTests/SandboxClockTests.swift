import Foundation
import Synchronization
import Testing

@testable import Sandbox

/// A clock the test moves by hand (``SandboxConfiguration/now``).
final class MovableClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_900_000_000))

    var now: @Sendable () -> Date { { [self] in current.withLock { $0 } } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

@Suite("The sandbox's one clock: tokens, carts and timestamps follow the configured clock")
struct SandboxClockTests {
    @Test func anAccessTokenExpiresByTheConfiguredClock() async throws {
        let clock = MovableClock()
        try await TestSandbox.with({ $0.now = clock.now }) { sandbox in
            let (token, _, userId) = try await sandbox.anonymous()
            let book = try await sandbox.product("the-monsoon-library", token: token)
            let (cartId, cart) = try await sandbox.createCart(productId: book.id, quantity: 1, token: token)
            #expect(cart["created_at"].string == "2030-03-17T17:46:40Z")

            clock.advance(by: 899)
            #expect(try await sandbox.get("/carts/\(cartId)", token: token).status == 200)
            clock.advance(by: 1)
            let expired = try await sandbox.get("/carts/users/\(userId)", token: token)
            #expect(expired.status == 401)
            #expect(expired.code == "TOKEN_EXPIRED")
        }
    }

    @Test func aCartExpiresByTheConfiguredClock() async throws {
        let clock = MovableClock()
        let configure: (inout SandboxConfiguration) -> Void = {
            $0.now = clock.now
            $0.accessTokenLifetime = .seconds(10 * 365 * 86400)
        }
        try await TestSandbox.with(configure) { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let book = try await sandbox.product("the-monsoon-library", token: token)
            let (cartId, cart) = try await sandbox.createCart(productId: book.id, quantity: 1, token: token)
            let expiresAt = try #require(cart["expires_at"].string.flatMap { ISO8601DateFormatter().date(from: $0) })
            clock.advance(by: expiresAt.timeIntervalSince(Date(timeIntervalSince1970: 1_900_000_000)) - 1)
            #expect(try await sandbox.get("/carts/\(cartId)", token: token).status == 200)
            clock.advance(by: 1)
            let gone = try await sandbox.get("/carts/\(cartId)", token: token)
            #expect(gone.status == 404)
            #expect(gone.body["message"].string == "Cart not found")
        }
    }
}
