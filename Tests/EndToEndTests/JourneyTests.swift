import Foundation
import Testing

/// The whole journey on the sandbox, in a real terminal (tmux, 80x24, tmux-256color): browse, add two
/// products, save one to the wishlist, log in with the OTP shown on screen, apply a coupon and a gift card,
/// choose the address, place the order, see the payment link and QR code, pay it with
/// `storefront sandbox pay`, and see "paid".
@Suite(.serialized) struct JourneyTests {
    /// Waits for `text` on screen; fails the test with the screen when it does not come.
    @discardableResult
    func expectScreen(
        _ session: TmuxSession, contains text: String, _ step: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let screen = try await session.waitFor(attempts: 300) { $0.contains(text) }
        #expect(screen.contains(text), "\(step): no “\(text)” on screen:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let r = Range(m.range(at: m.numberOfRanges > 1 ? 1 : 0), in: text)
        else { return nil }
        return String(text[r])
    }

    @Test func browseLogInCouponGiftCardOrderAndPay() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        let session = try TmuxSession(command: TmuxSession.appThenShell)
        try await expectScreen(session, contains: "₹", "catalog")
        try await expectScreen(session, contains: "guest", "session")

        // Two products into the cart.
        try session.send("Enter")
        try await expectScreen(session, contains: "add to cart", "first product page")
        try session.send("Enter")
        try await expectScreen(session, contains: "1 item", "first product in the cart")
        try session.send("Escape")
        try await expectScreen(session, contains: "/ search", "back on the catalog")
        try session.send("j")
        try session.send("Enter")
        try await expectScreen(session, contains: "add to cart", "second product page")
        try session.send("Enter")
        try await expectScreen(session, contains: "2 items", "second product in the cart")

        // A third product saved to the wishlist.
        try session.send("Escape")
        try await expectScreen(session, contains: "/ search", "back on the catalog")
        try session.send("j")
        try session.send("Enter")
        try await expectScreen(session, contains: "s save", "third product page")
        try session.send("s")
        try session.send("w")
        let wishlist = try await session.waitFor { $0.contains("to cart") }
        #expect(wishlist.contains("to cart"), "wishlist is empty:\n\(wishlist)")

        // Log in with the OTP the sandbox shows.
        try session.send("l")
        try await expectScreen(session, contains: "Log in or create an account", "login")
        try session.send("-l", "9876543210")
        try session.send("Enter")
        let otpScreen = try await expectScreen(session, contains: "sandbox OTP:", "OTP screen")
        let otp = try #require(firstMatch("sandbox OTP: ([0-9]{6})", in: otpScreen))
        try session.send("-l", otp)
        try session.send("Enter")
        try await expectScreen(session, contains: "Demo Customer", "signed in")

        // Coupon and gift card.
        try session.send("c")
        try await expectScreen(session, contains: "p coupons", "cart")
        // WELCOME10 needs ₹500: one more of the first line.
        try session.send("+")
        try await expectScreen(session, contains: "3 items", "one more in the cart")
        try session.send("p")
        try await expectScreen(session, contains: "e type code", "coupons screen")
        try session.send("e")
        try session.send("-l", "WELCOME10")
        try session.send("Enter")
        try await expectScreen(session, contains: "coupon WELCOME10", "coupon applied")
        try session.send("g")
        try session.send("-l", "GIFT250")
        try session.send("Enter")
        try await expectScreen(session, contains: "gift card GIFT250", "gift card applied")

        // Checkout: the saved address, no business details, the delivery option, the review.
        try session.send("Escape")
        try await expectScreen(session, contains: "enter checkout", "back in the cart")
        try session.send("Enter")
        try await expectScreen(session, contains: "12 MG Road", "address list")
        try session.send("Enter")
        try await expectScreen(session, contains: "ctrl-s skip", "business details")
        try session.send("C-s")
        try await expectScreen(session, contains: "We deliver to PIN code", "delivery check")
        try session.send("Enter")
        try await expectScreen(session, contains: "place order", "review")
        try session.send("Enter")
        let payment = try await expectScreen(session, contains: "Pay in your browser", "payment link")
        #expect(payment.contains("http"), "no link:\n\(payment)")
        #expect(payment.contains("▀") || payment.contains("█") || payment.contains("▄"), "no QR code:\n\(payment)")
        let order = try #require(firstMatch("Order ([A-Za-z0-9-]+)", in: payment))

        // Pay it as the customer would, from outside.
        let db = session.home.appendingPathComponent("data/storefront/sandbox.sqlite").path
        let status = try Spawn.run([BuiltBinary.path, "sandbox", "pay", order, "--db", db])
        #expect(status == 0, "storefront sandbox pay \(order) failed")
        let paid = try await expectScreen(session, contains: "paid", "payment received")
        #expect(paid.contains("Payment received"), "\(paid)")

        try session.send("q")
        let after = try await session.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)")
    }
}
