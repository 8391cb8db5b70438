import Foundation
import StorefrontAPI
import Testing

/// The support view stays open past its support token's lifetime: with the key file at hand it mints a new
/// token by itself, and it re-reads the customer's cart every few seconds (saying when it last read), so a
/// change the customer makes shows without a key. The token lives 2 s here (`--support-token-lifetime`), not 10
/// minutes.
@Suite(.serialized) struct SupportViewRenewTests {
    @Test func theViewRenewsItsTokenAndShowsTheCustomersChangesLive() async throws {
        let fixture = try await SupportFixture(serveFlags: ["--support-token-lifetime", "2"])
        defer { fixture.stop() }
        let keyFile = fixture.path("support.key")
        try Data((fixture.supportKey + "\n").utf8).write(to: URL(fileURLWithPath: keyFile))
        chmod(keyFile, 0o600)
        let flags =
            (["support", "cart", "--user-id", fixture.userID, "--support-key-file", keyFile] + fixture.storeFlags)
            .joined(separator: " ")
        let session = try TmuxSession(
            command: "sh -c '\(BuiltBinary.path) \(flags); echo app-exit=$?; sleep 120'", width: 100)
        let names = fixture.cart.cartItems.map(\.displayName)
        // The status line says when the cart was read once nothing else is loading (the footer's "re-read" is
        // no sign of it: under load the categories' spinner holds that line a while longer).
        let readAt = #"Read [0-9]{2}:[0-9]{2}:[0-9]{2}"#
        let first = try await session.waitFor { screen in
            names.allSatisfy(screen.contains) && screen.range(of: readAt, options: .regularExpression) != nil
        }
        #expect(first.contains("r re-read"), "no re-read key in the footer:\n\(first)")
        #expect(first.contains("read again every 5 s while shown"), "\(first)")
        #expect(!first.contains("3 × "), "\(first)")

        // The token has expired by the time the view reads again (every 5 s); the customer changes a line.
        let cart = try #require(fixture.cart)
        let line = cart.cartItems[1]
        _ = try await fixture.customer.setItem(
            cartID: cart.id, CartItemUpdate(productId: line.productId, variantId: line.variantId, quantity: 3))
        let changed = try await session.waitFor { $0.contains("3 × ") || $0.contains("expired") }
        #expect(changed.contains("3 × "), "the customer's change did not show:\n\(changed)")
        #expect(!changed.contains("expired") && !changed.contains("refused"), "\(changed)")

        // Once more, and `r` reads at once.
        _ = try await fixture.customer.setItem(
            cartID: cart.id, CartItemUpdate(productId: line.productId, variantId: line.variantId, quantity: 4))
        try session.send("r")
        let again = try await session.waitFor { $0.contains("4 × ") || $0.contains("expired") }
        #expect(again.contains("4 × "), "\(again)")
        #expect(!again.contains("expired"), "\(again)")
        try session.send("q")
        let after = try await session.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)")
    }
}
