import Foundation
import StorefrontAPI
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The journey (add a product, log in with the OTP on screen, the saved address, no business details, the
/// delivery option, the review, place the order, the payment link) in a real terminal against a stand-alone
/// sandbox that fails: under `--chaos`, and killed with SIGKILL and started again on the same port and database
/// in the middle of the checkout. Every failure must show as a notice, pressing the key again must get on, and
/// the store must end up with exactly one order.
@Suite(.serialized) struct FaultJourneyTests {
    /// One step of the journey: sends `keys` until `done` holds on screen. A try that ends with an error notice
    /// (or with nothing happening) is counted and retried, at most `tries` times; before a retry, the keys
    /// `recover` returns for the screen (e.g. esc from a page that failed to load) are sent.
    @discardableResult
    func step(
        _ session: TmuxSession, _ name: String, keys: [String], tries: Int = 15, errors: inout [String],
        recover: (String) -> [String] = { _ in [] }, confirmed: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation, _ done: @escaping (String) -> Bool
    ) async throws -> String {
        var screen = try session.capture()
        for attempt in 0..<tries {
            if attempt > 0 {
                let back = recover(screen)
                for key in back { try session.send(key) }
                if !back.isEmpty { screen = try await session.settled() }
            }
            for key in keys { try session.send(key) }
            screen = try await outcome(session, done)
            // `confirmed`: what shows at once may be optimistic (the cart count before the server answers); it
            // counts once the screen has settled with no error on it.
            if done(screen) && confirmed { screen = try await session.settled() }
            if done(screen) && (!confirmed || Self.errorNotice(screen) == nil) { return screen }
            if let notice = Self.errorNotice(screen) { errors.append("\(name): \(notice)") }
        }
        Issue.record("\(name): not done after \(tries) tries:\n\(screen)", sourceLocation: sourceLocation)
        throw FaultJourneyError.stuck(name)
    }

    /// Polls until `done`, or until the screen stops changing (an error shown, or the key did nothing).
    func outcome(_ session: TmuxSession, _ done: (String) -> Bool) async throws -> String {
        var last = try session.capture()
        var same = 0
        for _ in 0..<300 {
            if done(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
            let screen = try session.capture()
            same = screen == last ? same + 1 : 0
            last = screen
            if same >= 8 { return last }
        }
        return last
    }

    /// The error notice on screen ("error: …" on the row above the footer), if any.
    static func errorNotice(_ screen: String) -> String? {
        screen.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first {
            $0.hasPrefix("error: ")
        }
    }

    /// From an empty catalog to the review screen: one product in the cart, signed in, address and delivery set.
    func shopToReview(_ session: TmuxSession, errors: inout [String]) async throws {
        let catalog = { (s: String) in s.contains("₹") && s.contains("enter open") }
        // The catalog (and the session): `r` reloads when the store did not answer at start.
        if !catalog(try await session.waitFor(attempts: 100, catalog)) {
            try await step(session, "catalog", keys: ["r"], errors: &errors, catalog)
        }
        // A page that failed to load (an error on it, and not the hint that comes with its content) is left
        // with esc and opened again.
        let leave = { (title: String, loaded: String) in
            { (s: String) in
                s.contains(title) && !s.contains(loaded) && Self.errorNotice(s) != nil ? ["Escape"] : []
            }
        }
        try await step(
            session, "product", keys: ["Enter"], errors: &errors, recover: leave("· Product", "add to cart")
        ) {
            $0.contains("add to cart")
        }
        try await step(session, "add to cart", keys: ["Enter"], errors: &errors, confirmed: true) {
            $0.contains("1 item")
        }
        try await step(session, "login screen", keys: ["l"], errors: &errors) {
            $0.contains("Log in or create an account")
        }
        // Typed again on every try (ctrl-u clears the field): a wrong code empties the OTP field, a failed
        // verification keeps it.
        let typed = { (text: String) in ["C-u"] + text.map(String.init) + ["Enter"] }
        let otpScreen = try await step(session, "request OTP", keys: typed("9876543210"), errors: &errors) {
            $0.contains("sandbox OTP:")
        }
        let otp = try #require(ScreenChecks.firstMatch("sandbox OTP: ([0-9]{6})", in: otpScreen))
        // Signed in: the OTP screen is gone and the header no longer says guest (the name may come later).
        try await step(session, "verify OTP", keys: typed(otp), errors: &errors) {
            !$0.contains("sandbox OTP:") && !$0.contains("guest") && !$0.contains("Log in or create")
        }
        try await step(session, "cart", keys: ["c"], errors: &errors, recover: leave("· Cart", "enter checkout")) {
            $0.contains("enter checkout")
        }
        try await step(
            session, "addresses", keys: ["Enter"], errors: &errors, recover: leave("· Address", "deliver here")
        ) {
            $0.contains("12 MG Road") && $0.contains("deliver here")
        }
        try await step(session, "address on the cart", keys: ["Enter"], errors: &errors) {
            $0.contains("ctrl-s skip")
        }
        try await step(
            session, "delivery check", keys: ["C-s"], errors: &errors, recover: leave("· Delivery", "enter choose")
        ) {
            $0.contains("We deliver to PIN code") && $0.contains("enter choose")
        }
        try await step(session, "review", keys: ["Enter"], errors: &errors) { $0.contains("enter place order") }
    }

    /// The signed-in customer's orders, read with a copy of the shop's tokens (the shop's own file untouched).
    /// The copy is never refreshed (the access token outlives the test), so the shop's tokens stay valid.
    func orders(_ store: StandaloneStore, _ session: TmuxSession) async throws -> [Order] {
        let tokens = store.tokenFile(in: session)
        let copy = URL(fileURLWithPath: store.path("tokens-copy-\(UUID().uuidString).json"))
        try FileManager.default.copyItem(at: tokens, to: copy)
        let client = StorefrontClient(
            configuration: ClientConfiguration(baseURL: try #require(URL(string: store.baseURL)), apiKey: store.apiKey),
            tokenStore: FileTokenStore(fileURL: copy))
        // The store may be under chaos: ask again on a failed answer (reading has no side effect).
        for _ in 0..<20 {
            if let page = try? await client.orders(page: 1, limit: 50) { return page.orders }
        }
        return try await client.orders(page: 1, limit: 50).orders
    }

    /// After the order: the payment link, exactly one order in the store, and `q` restores the terminal.
    func expectOneOrder(
        _ store: StandaloneStore, _ session: TmuxSession, _ payment: String, errors: [String], _ label: String
    ) async throws {
        let number = try #require(ScreenChecks.firstMatch("Order ([A-Za-z0-9-]+)", in: payment), "\(payment)")
        let orders = try await orders(store, session)
        #expect(orders.count == 1, "\(label): \(orders.count) orders: \(orders.map(\.orderNumber))")
        #expect(orders.first?.orderNumber == number, "\(label): the order on screen is not the store's")
        print("FaultJourney \(label): order \(number); \(errors.count) error notice(s) retried: \(errors)")
        try await session.quitRestoringTheTerminal()
    }

    @Test func theJourneyCompletesUnderChaos() async throws {
        let store = try StandaloneStore(chaos: "latency=20,errors=0.15,malformed=0.1,drop=0.1")
        try await store.start()
        let session = try TmuxSession(command: store.shopThenShell)
        var errors: [String] = []
        let payment: String
        do {
            try await shopToReview(session, errors: &errors)
            payment = try await step(session, "place order", keys: ["Enter"], errors: &errors) {
                $0.contains("Pay in your browser")
            }
        } catch {
            print("FaultJourney chaos: stuck; the shop's requests:\n\(store.read("shop.log"))")
            throw error
        }
        // The shop's request log: every request, the failed ones at warning level.
        let requests = store.shopLog(" storefront.api: ").count
        let failed = store.shopLog(" warning storefront.api: ").count
        print("FaultJourney chaos: \(requests) requests, \(failed) failed (client retries included)")
        #expect(failed > 0, "no request failed: is chaos on?")
        try await expectOneOrder(store, session, payment, errors: errors, "chaos")
    }

    @Test func theServerKilledBeforePlaceOrderAndBackAgain() async throws {
        let store = try StandaloneStore()
        try await store.start()
        let session = try TmuxSession(command: store.shopThenShell)
        var errors: [String] = []
        try await shopToReview(session, errors: &errors)
        await store.kill()
        try session.send("Enter")
        let failed = try await session.waitFor { Self.errorNotice($0) != nil }
        let notice = try #require(Self.errorNotice(failed), "no error while the store is down:\n\(failed)")
        #expect(!failed.contains("Pay in your browser"))
        errors.append("place order, store down: \(notice)")
        try await store.start()
        let payment = try await step(session, "place order again", keys: ["Enter"], errors: &errors) {
            $0.contains("Pay in your browser")
        }
        try await expectOneOrder(store, session, payment, errors: errors, "killed before place order")
    }

    @Test func theServerKilledWhilePlacingTheOrderAndBackAgain() async throws {
        // The order request is held inside the server (no answer) until the server dies: no race with the kill.
        let store = try StandaloneStore(chaos: "hold=POST:/orders")
        try await store.start()
        let session = try TmuxSession(command: store.shopThenShell)
        var errors: [String] = []
        try await shopToReview(session, errors: &errors)
        try session.send("Enter")
        let placing = try await session.waitFor(attempts: 100) {
            $0.contains("Placing the order") || $0.contains("Pay in your browser")
        }
        // Kill the store once POST /orders is inside it, held there.
        for _ in 0..<300 where !store.serverErrors.contains("chaos: holding POST") {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(store.serverErrors.contains("chaos: holding POST"), "POST /orders never reached the store")
        await store.kill()
        #expect(placing.contains("Placing the order"), "the order was placed before the kill:\n\(placing)")
        let failed = try await session.waitFor { Self.errorNotice($0) != nil }
        let notice = try #require(Self.errorNotice(failed), "no error when the store died:\n\(failed)")
        errors.append("place order, store killed: \(notice)")
        // Sent once and never answered: the client did not send it again by itself.
        let attempts = store.shopLog("POST /orders")
        #expect(attempts.count == 1, "POST /orders sent \(attempts.count) times: \(attempts)")
        store.chaos = nil
        try await store.start()
        let payment = try await step(session, "place order after the restart", keys: ["Enter"], errors: &errors) {
            $0.contains("Pay in your browser")
        }
        try await expectOneOrder(store, session, payment, errors: errors, "killed while placing the order")
    }
}

enum FaultJourneyError: Error {
    case stuck(String)
}
