import Foundation
import Testing

/// The whole journey on the sandbox, in a real terminal (tmux, 80x24, tmux-256color): browse, add two
/// products, save one to the wishlist, log in with the OTP shown on screen, apply a coupon and a gift card,
/// choose the address, place the order, see the payment link and QR code, leave it unpaid, pay it again from the
/// order detail (whose totals add up), pay it with `storefront sandbox pay`, and see "paid".
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

    /// The totals panel's rows add up to its last row (to be paid, or paid), to the paisa.
    func expectRowsAddUp(_ screen: String, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = ScreenChecks.totalsRows(screen)
        #expect(rows.count >= 4, "\(step): no totals panel:\n\(screen)", sourceLocation: sourceLocation)
        guard let last = rows.last else { return }
        let sum = rows.dropLast().reduce(0) { $0 + $1.paise }
        #expect(sum == last.paise, "\(step): \(rows) do not add up:\n\(screen)", sourceLocation: sourceLocation)
    }

    @Test func browseLogInCouponGiftCardOrderAndPay() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sf-journey-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let session = try TmuxSession(
            command: "sh -c '\(BuiltBinary.path) --log \(log.path); echo app-exit=$?; sleep 120'")
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
        // The wishlist's footer offers "enter to cart" only when it holds something (the product page's footer
        // says "enter add to cart").
        let wishlist = try await session.waitFor { $0.contains("enter to cart") }
        #expect(wishlist.contains("enter to cart"), "wishlist is empty:\n\(wishlist)")

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

        // Checkout: a new address (its PIN code fills the city and the state), no business details, the delivery
        // option, the review.
        try session.send("Escape")
        try await expectScreen(session, contains: "enter checkout", "back in the cart")
        try session.send("Enter")
        try await expectScreen(session, contains: "12 MG Road", "address list")
        try session.send("n")
        try await expectScreen(session, contains: "New delivery address", "address form")
        for _ in 0..<4 { try session.send("Tab") }
        try session.send("-l", "1 Marine Drive")
        try session.send("Tab")
        try session.send("Tab")
        try session.send("-l", "400001")
        let filled = try await session.waitFor { $0.contains("Maharashtra") && $0.contains("PIN code 400001") }
        #expect(filled.contains("Mumbai") && filled.contains("Maharashtra"), "city and state not filled:\n\(filled)")
        try session.send("Enter")
        try await expectScreen(session, contains: "ctrl-s skip", "business details")
        try session.send("C-s")
        let delivery = try await expectScreen(session, contains: "We deliver to PIN code", "delivery check")
        // Each way to get the order once (the sandbox sends the methods flat and per shipment).
        for method in ["Standard Delivery", "Express Delivery", "Collect at Sandbox Store Indiranagar"] {
            #expect(delivery.components(separatedBy: method).count == 2, "\(method) not listed once:\n\(delivery)")
        }
        try session.send("Enter")
        try await expectScreen(session, contains: "place order", "review")
        try session.send("Enter")
        let payment = try await expectScreen(session, contains: "Pay in your browser", "payment link")
        #expect(payment.contains("http"), "no link:\n\(payment)")
        #expect(payment.contains("▀") || payment.contains("█") || payment.contains("▄"), "no QR code:\n\(payment)")
        let order = try #require(firstMatch("Order ([A-Za-z0-9-]+)", in: payment))
        // As the seeds specify: after POST /orders, the Juspay customer, then Juspay create-order (whose link is
        // shown: the screen says "Pay in your browser:" only for create-order's link).
        let requests = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let lines = requests.split(separator: "\n").map(String.init)
        let placed = try #require(lines.firstIndex { $0.contains("POST /orders 200") }, "no POST /orders in the log")
        let customer = try #require(
            lines.firstIndex { $0.contains("POST /payments/juspay/customers 200") }, "no Juspay customer:\n\(requests)")
        let created = try #require(
            lines.firstIndex { $0.contains("POST /payments/juspay/create-order 200") },
            "no Juspay create-order:\n\(requests)")
        #expect(placed < customer && customer < created)
        #expect(lines.contains { $0.contains("GET /payments/payment-methods 200") }, "no gateway reference read")

        // Leave the payment screen unpaid: the orders list says so, and the order detail pays it again.
        try session.send("Escape")
        let left = try await session.waitFor { !$0.contains("Pay in your browser") }
        #expect(!left.contains("Pay in your browser"), "still on the payment screen:\n\(left)")
        try session.send("o")
        try await expectScreen(session, contains: "1 order awaiting payment", "orders list")
        try session.send("Enter")
        // The detail is read when opened; its totals panel shows once the answer is in (until then only the
        // list entry's amount to be paid).
        let detail = try await session.waitFor(attempts: 300) { $0.contains("p pay") && $0.contains("Subtotal") }
        #expect(detail.contains("p pay") && detail.contains("Subtotal"), "unpaid order detail:\n\(detail)")
        expectRowsAddUp(detail, "unpaid order detail")
        #expect(detail.contains("Gift card (GIFT250)") && detail.contains("Discounts (WELCOME10)"), "\(detail)")
        try session.send("p")
        let again = try await expectScreen(session, contains: "Pay in your browser", "payment link again")
        #expect(again.contains("Order \(order)"), "\(again)")

        // Pay it as the customer would, from outside.
        let db = session.home.appendingPathComponent("data/storefront/sandbox.sqlite").path
        let status = try await Spawn.run([BuiltBinary.path, "sandbox", "pay", order, "--db", db])
        #expect(status == 0, "storefront sandbox pay \(order) failed")
        let paid = try await expectScreen(session, contains: "paid", "payment received")
        #expect(paid.contains("Payment received"), "\(paid)")
        try session.send("Enter")
        let settled = try await expectScreen(session, contains: "payment success", "order detail of the paid order")
        expectRowsAddUp(settled, "paid order detail")

        try session.send("q")
        let after = try await session.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)")
    }

    @Test func openCartDeepLinkInASCIIWithALogFile() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sf-log-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: log) }
        let command =
            "sh -c '\(BuiltBinary.path) --open cart --ascii --log \(log.path); echo app-exit=$?; sleep 120'"
        let session = try TmuxSession(command: command)
        let screen = try await expectScreen(session, contains: "Your cart is empty.", "deep link to the cart")
        #expect(screen.contains("press b to browse"))
        #expect(!screen.contains("₹") && !screen.contains("·"), "not ASCII:\n\(screen)")
        #expect(!screen.contains("[StorefrontAPI]") && !screen.contains("storefront.api"), "a log line on screen")
        try session.send("b")
        try await expectScreen(session, contains: "Rs.", "the catalog in ASCII")
        try session.send("q")
        let after = try await session.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)")
        #expect(FileManager.default.fileExists(atPath: log.path), "--log did not create the file")
    }

    @Test func aBadOpenValueIsRefusedBeforeTheScreenOpens() async throws {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("sf-stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: errors) }
        let status = try await Spawn.run([BuiltBinary.path, "--open", "basket"], stderr: errors.path)
        let message = try String(contentsOf: errors, encoding: .utf8)
        #expect(status != 0)
        #expect(message.contains("--open takes cart, wishlist, orders, order:NUMBER or product:SLUG"), "\(message)")
        #expect(status == 2, "bad usage exits 2")
    }
}
