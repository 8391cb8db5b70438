import Foundation
import StorefrontAPI
import Testing

/// Issue #15's support story, end to end in real terminals (tmux) against a `storefront sandbox serve`: a
/// customer signs in, builds a cart with a coupon and records the session; support finds them by phone, opens
/// their cart read-only and sees a change the customer makes; support exports the cart, imports it into a fresh
/// session with equal totals, and replays the recording to "same state".
@Suite(.serialized) struct SupportStoryTests {
    func expectScreen(
        _ session: TmuxSession, _ text: String, _ step: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let screen = try await session.waitFor(attempts: 300) { $0.contains(text) }
        #expect(screen.contains(text), "\(step): no “\(text)” on screen:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    @Test func supportFindsWatchesExportsAndReplaysACustomersCart() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        let fixture = try await SupportFixture()
        defer { fixture.stop() }
        let recording = fixture.path("customer.jsonl")
        // No --store-id: the served sandbox's URL names it.
        let store = ["--env", fixture.baseURL.absoluteString, "--api-key", fixture.apiKey]

        // (1) The customer, in a window of their own, signs in with the OTP on screen, builds a cart with a
        // coupon, and records the session.
        let customerCommand = ([BuiltBinary.path, "--record", recording] + store).joined(separator: " ")
        let customer = try TmuxSession(command: "sh -c '\(customerCommand); echo app-exit=$?; sleep 120'")
        _ = try await expectScreen(customer, "guest", "catalog")
        try customer.send("l")
        _ = try await expectScreen(customer, "Log in or create an account", "login")
        try customer.send("-l", "9876543210")
        try customer.send("Enter")
        let otpScreen = try await expectScreen(customer, "sandbox OTP:", "OTP screen")
        let otp = try #require(ScreenChecks.firstMatch("sandbox OTP: ([0-9]{6})", in: otpScreen))
        try customer.send("-l", otp)
        try customer.send("Enter")
        _ = try await expectScreen(customer, "Demo Customer", "signed in")
        try customer.send("b")
        _ = try await expectScreen(customer, "/ search", "catalog")
        try customer.send("Enter")
        _ = try await expectScreen(customer, "add to cart", "first product page")
        try customer.send("Enter")
        _ = try await expectScreen(customer, "1 item", "first product in the cart")
        try customer.send("Escape")
        _ = try await expectScreen(customer, "/ search", "back on the catalog")
        try customer.send("j")
        try customer.send("Enter")
        _ = try await expectScreen(customer, "add to cart", "second product page")
        try customer.send("Enter")
        _ = try await expectScreen(customer, "2 items", "second product in the cart")
        try customer.send("c")
        _ = try await expectScreen(customer, "p coupons", "cart")
        // WELCOME10 needs ₹500: one more of the first line.
        try customer.send("+")
        _ = try await expectScreen(customer, "3 items", "one more in the cart")
        try customer.send("p")
        _ = try await expectScreen(customer, "e type code", "coupons screen")
        try customer.send("e")
        try customer.send("-l", "WELCOME10")
        try customer.send("Enter")
        _ = try await expectScreen(customer, "coupon WELCOME10", "coupon applied")
        try customer.send("Escape")
        let cartScreen = try await expectScreen(customer, "enter checkout", "back in the cart")
        let total = try #require(ScreenChecks.firstMatch("To be paid +(₹[0-9,.]+)", in: cartScreen), "\(cartScreen)")

        // (2) Support finds them by phone.
        let keyFile = try SupportFindTests.keyFile(fixture)
        let support = store + ["--support-key-file", keyFile]
        let (status, found, error) = try await fixture.run(["support", "find", "--phone", "9876543210"] + support)
        #expect(status == 0, "\(error)")
        let userID = try #require(ScreenChecks.firstMatch("user ([^ ]+) \\(registered\\)", in: found), "\(found)")
        #expect(found.contains("3 lines") || found.contains("2 lines"), "\(found)")
        #expect(found.contains("coupon WELCOME10"), "\(found)")
        #expect(found.contains("to be paid \(total)"), "\(found)")

        // (3) Support opens the cart read-only and sees the customer's change within a few seconds.
        let viewCommand = ([BuiltBinary.path, "support", "cart", "--user-id", userID] + support).joined(separator: " ")
        // Wide enough for the header to name the store beside the user id.
        let view = try TmuxSession(command: "sh -c '\(viewCommand); echo app-exit=$?; sleep 120'", width: 120)
        let readOnly = try await view.waitFor { $0.contains("READ-ONLY") && $0.contains(total) }
        #expect(readOnly.contains("READ-ONLY") && readOnly.contains(total), "\(readOnly)")
        let port = fixture.baseURL.port ?? 0
        #expect(readOnly.contains("sandbox @ 127.0.0.1:\(port)"), "the header does not name the store:\n\(readOnly)")
        try customer.send("+")
        // The store's answer, not the optimistic estimate shown while the change is sent ("To be paid (updating)").
        let changed = try await customer.waitFor { $0.contains("4 items") && !$0.contains("(updating)") }
        let newTotal = try #require(ScreenChecks.firstMatch("To be paid +(₹[0-9,.]+)", in: changed), "\(changed)")
        #expect(newTotal != total, "\(changed)")
        // The support view reads the cart again by itself (every 5 s while the cart is shown); a generous
        // deadline for a loaded machine.
        let seen = try await view.waitFor(attempts: 250) { $0.contains(newTotal) }
        #expect(seen.contains(newTotal), "the support view did not show the customer's change:\n\(seen)")
        try view.send("q")
        _ = try await view.waitFor { $0.contains("app-exit=") }

        // (4) Support exports the cart, imports it into a fresh session (equal totals) and replays the recording.
        let exported = try await fixture.run(["support", "cart", "--user-id", userID, "--json"] + support)
        #expect(exported.0 == 0, "\(exported.2)")
        let snapshotFile = fixture.path("customer-cart.json")
        try Data(exported.1.utf8).write(to: URL(fileURLWithPath: snapshotFile))
        let fresh = fixture.path("fresh-home")
        let imported = try await SupportFindTests.run(
            fixture, home: fresh, ["cart", "import", snapshotFile, "--json"] + store)
        #expect(imported.0 == 0, "\(imported.2)")
        struct Import: Decodable {
            var identical: Bool
            var totalDifferences: [String]
        }
        let report = try SupportFindTests.decoder.decode(Import.self, from: Data(imported.1.utf8))
        #expect(report.totalDifferences.isEmpty, "\(imported.1)")
        struct Snapshot: Decodable {
            struct Totals: Decodable { var toBePaid: Money }
            var totals: Totals
        }
        let shown = try await SupportFindTests.run(fixture, home: fresh, ["cart", "show", "--json", "--quiet"] + store)
        let original = try SupportFindTests.decoder.decode(Snapshot.self, from: Data(exported.1.utf8))
        let rebuilt = try SupportFindTests.decoder.decode(Snapshot.self, from: Data(shown.1.utf8))
        #expect(rebuilt.totals.toBePaid == original.totals.toBePaid)
        #expect(original.totals.toBePaid.formatted() == newTotal)

        try customer.send("q")
        let after = try await customer.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)")
        let replay = try await fixture.run(["replay", recording, "--headless"])
        #expect(replay.0 == 0, "\(replay.1)\(replay.2)")
        #expect(replay.1.contains("same state"), "\(replay.1)\(replay.2)")
    }
}
