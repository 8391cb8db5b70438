import Foundation
import Testing

/// Random keys through the real binary in a real terminal (tmux) against a stand-alone sandbox: arrows, paging,
/// enter, esc, tab, letters, digits, `+`/`-`, searches, UTF-8 text and window resizes down to 1x1, from a seeded
/// generator (`TMUX_FUZZ_SEED`; the seed is printed). `TMUX_FUZZ_KEYS` keys (600 by default; `make reliability`
/// sends 10,000).
///
/// Checked after every batch: the shop is still running; every few batches, and after each resize: the frame is
/// whole for the window's size. At the end: the cart the shop shows is the server's cart (read with
/// `storefront cart show` in the same session), and `q` ends the shop with the terminal restored.
///
/// `q` is never sent at random (it would end the run at once). Esc is sent only at 40x12 and above, because on
/// the "too small" screen esc quits too; as the window may shrink before the shop has read every key, a quit can
/// still happen: the shell around the shop then starts it again (a clean quit, status 0, is counted; any other
/// status ends the run and fails the test). Placing an order needs a signed-in user, which needs the OTP read
/// off the screen: random keys do not get there.
@Suite(.serialized) struct TmuxFuzzTests {
    static let keyCount = ProcessInfo.processInfo.environment["TMUX_FUZZ_KEYS"].flatMap { Int($0) } ?? 600

    /// Single keys, by tmux's names. No `q`/`Q` (quit) and no `;` (tmux's command separator).
    static let keys: [String] =
        [
            "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Enter", "Tab", "BTab", "BSpace",
            "Space", "DC", "F1", "C-l", "C-s", "C-u", "+", "-", "=", "?", "/", "j", "k", "j", "k", "Down", "Enter",
            "Enter", "Enter", "+", "c", "b",
        ] + "abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789".map(String.init)

    /// Texts typed with `send-keys -l` (after `/` they are searches; elsewhere typed or ignored).
    static let texts = [
        "kurta", "tea", "मसाला चाय", "日本語のテキスト", "🛒🧺", "café", "' OR '1'='1", "9876543210", "WELCOME10",
        "x", "",
    ]

    /// Window sizes, the tiny ones included; random ones are added as the run goes.
    static let sizes: [(Int, Int)] = [
        (1, 1), (2, 1), (10, 3), (39, 11), (40, 12), (41, 13), (60, 20), (80, 24), (100, 30), (132, 43), (160, 48),
        (500, 200),
    ]

    @Test func randomKeysInTmuxKeepTheShopAliveAndTheCartTrue() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        let seed =
            ProcessInfo.processInfo.environment["TMUX_FUZZ_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...UInt64.max)
        print("TmuxFuzz: seed \(seed) (TMUX_FUZZ_SEED), \(Self.keyCount) keys (TMUX_FUZZ_KEYS)")
        var random = SplitMix64(seed: seed)
        // A long token lifetime: `cart show` at the end must not rotate the tokens under the running shop.
        let store = try StandaloneStore(serverArguments: ["--access-token-lifetime", "86400"])
        try await store.start()
        let stopFile = store.path("stop")
        let restarts = store.path("restarts")
        let shop = ([BuiltBinary.path] + store.storeArguments).joined(separator: " ")
        let command =
            "sh -c 'while :; do \(shop); s=$?; { [ $s -ne 0 ] || [ -e \(stopFile) ]; } && break; "
            + "echo quit >> \(restarts); done; echo app-exit=$s; sleep 120'"
        let session = try TmuxSession(command: command)
        let first = try await session.waitFor { $0.contains("₹") && $0.contains("enter open") }
        try #require(first.contains("enter open"), "no catalog:\n\(first)")

        var sent = 0
        var batches = 0
        var resizes = 0
        var frameChecks = 0
        var (width, height) = (80, 24)
        var sizesSeen: [String] = []
        var resized = false
        while sent < Self.keyCount {
            if random.next(below: 5) == 0 {
                let tiny = { (w: Int, h: Int) in w < 40 || h < 12 }
                var size = Self.sizes[random.next(below: Self.sizes.count)]
                if random.next(below: 3) == 0 { size = (1 + random.next(below: 220), 1 + random.next(below: 70)) }
                // Let the shop read the keys already sent before the window goes below 40x12 (esc quits there).
                if tiny(size.0, size.1) && !tiny(width, height) { _ = try await session.settled(attempts: 30) }
                try session.resize(width: size.0, height: size.1)
                (width, height) = size
                resizes += 1
                sizesSeen.append("\(width)x\(height)")
                resized = true
            }
            // After a resize (before more keys: keys read before the shop has seen the new size are judged against the
            // old one, and esc quits on the "too small" screen) and every 4th batch: a whole frame for the size.
            if resized || batches % 4 == 0 {
                resized = false
                let (w, h) = (width, height)
                let frame = try await session.waitFor(attempts: 100) {
                    ScreenChecks.isWholeFrame($0, width: w, height: h) || ScreenChecks.appExited($0)
                }
                frameChecks += 1
                try #require(
                    ScreenChecks.isWholeFrame(frame, width: w, height: h),
                    "seed \(seed), after \(sent) keys: no whole frame at \(w)x\(h) (sizes: \(sizesSeen.suffix(5))):\n\(frame)"
                )
            }
            let allowEscape = width >= 40 && height >= 12
            var batch: [String] = []
            let length = 1 + random.next(below: 24)
            for _ in 0..<length {
                let roll = random.next(below: 100)
                if roll < 4 && allowEscape {
                    batch.append("Escape")
                } else if roll < 7 {
                    // A search or typed text: flush the named keys first, then the text as it is.
                    try send(batch, to: session)
                    batch = []
                    if random.next(below: 2) == 0 { try session.send("/") }
                    try session.send("-l", Self.texts[random.next(below: Self.texts.count)])
                } else {
                    batch.append(Self.keys[random.next(below: Self.keys.count)])
                }
                sent += 1
            }
            try send(batch, to: session)
            batches += 1
            let screen = try session.capture()
            try #require(
                !screen.contains("app-exit="), "seed \(seed): the shop ended after \(sent) keys:\n\(screen)")
        }

        // Settle: a large window, back to a top-level screen, then the cart.
        try session.resize(width: 160, height: 48)
        _ = try await session.waitFor { ScreenChecks.isWholeFrame($0, width: 160, height: 48) }
        try await openCart(session)
        let cartScreen = try await session.waitFor {
            $0.contains("Your cart is empty.") || $0.contains("enter checkout")
        }
        #expect(
            cartScreen.contains("Your cart is empty.") || cartScreen.contains("enter checkout"),
            "seed \(seed): no cart screen:\n\(cartScreen)")
        let (shown, server) = try await cartsAgree(session, store)
        #expect(shown.lines == server.lines, "seed \(seed): the cart on screen is not the server's")
        #expect(shown.toBePaid == server.toBePaid, "seed \(seed): totals differ")

        let quits = store.read(restarts).split(separator: "\n").count
        print(
            "TmuxFuzz: seed \(seed): \(sent) keys in \(batches) batches, \(resizes) resizes, \(frameChecks) frame "
                + "checks, \(quits) clean quit(s) restarted, final cart \(server.lines.count) line(s) "
                + "to be paid \(server.toBePaid ?? "-")")

        // Quit for real: the terminal is restored.
        _ = FileManager.default.createFile(atPath: stopFile, contents: nil)
        try await session.quitRestoringTheTerminal()
    }

    func send(_ keys: [String], to session: TmuxSession) throws {
        guard !keys.isEmpty else { return }
        try session.tmux(["send-keys", "-t", session.name] + keys)
    }

    /// Opens the cart as a person would from wherever the keys left the shop: esc while a field takes the keys
    /// (no `c cart` in the footer) or the help shows, then `c`. The screens behind stay stacked (esc walks
    /// back through every screen opened, and random keys open hundreds). At most 50 steps.
    func openCart(_ session: TmuxSession) async throws {
        for _ in 0..<50 {
            let screen = try await session.settled()
            let rows = screen.components(separatedBy: "\n")
            let footer = rows.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
            // The help, also while a filter is typed or kept.
            if screen.contains("esc/? close") || screen.contains("esc drop") || screen.contains("esc all keys") {
                try session.send("Escape")
            } else if rows.first?.contains("· Cart") == true && footer.contains("q quit") {
                return
            } else if footer.contains("c cart") {
                try session.send("c")
            } else {
                try session.send("Escape")
            }
        }
    }

    struct CartView: Equatable {
        var lines: [ScreenChecks.CartLine]
        var toBePaid: String?
    }

    /// Polls until the cart screen and `storefront cart show` (same session) agree, or gives up after 30 tries;
    /// returns both (the shop's, the server's).
    func cartsAgree(_ session: TmuxSession, _ store: StandaloneStore) async throws -> (CartView, CartView) {
        var shown = CartView(lines: [], toBePaid: nil)
        var server = CartView(lines: [], toBePaid: nil)
        for _ in 0..<30 {
            let screen = try await session.settled()
            let (status, output) = try await store.run(["cart", "show"], as: session)
            #expect(status == 0, "storefront cart show failed")
            shown = CartView(
                lines: ScreenChecks.cartLines(onScreen: screen).sorted(),
                toBePaid: screen.contains("Your cart is empty.") ? nil : ScreenChecks.amount("To be paid", in: screen))
            server = CartView(
                lines: ScreenChecks.cartLines(inCartShow: output).sorted(),
                toBePaid: output.contains("The cart is empty.") ? nil : ScreenChecks.amount("to be paid", in: output))
            if shown == server { break }
            print("TmuxFuzz: not yet the same cart:\n\(screen)\n\(output)")
            try await Task.sleep(for: .milliseconds(200))
        }
        return (shown, server)
    }
}

/// A small seeded generator (SplitMix64): the same seed gives the same keys.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
