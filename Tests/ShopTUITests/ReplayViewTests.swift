import ShopCore
import StorefrontAPI
import Testing

@testable import ShopTUI

/// The replay view: the shop's screen under the replay bar, the replay keys only, the first difference shown.
@MainActor
@Suite struct ReplayViewTests {
    static func state(_ name: String) -> State {
        ScreenFixtures.screens.first { $0.0 == name }!.1
    }

    static func app(_ screen: String, _ phase: ReplayStatus.Phase) -> ReplayApp {
        ReplayApp(
            shop: ScreenFixtures.app(state(screen)),
            status: ReplayStatus(step: 12, total: 40, intent: "product.addToCart", phase: phase))
    }

    static let difference = ReplayReport(
        outcome: .different(
            intent: 12, summary: "product.addToCart",
            differences: [
                ReplayDifference(
                    key: "cart.line[Glide Wireless Mouse].unit_price", recorded: "₹899.00", replayed: "₹999.00"),
                ReplayDifference(key: "cart.to_be_paid", recorded: "₹1,798.00", replayed: "₹1,998.00"),
            ]),
        intentsReplayed: 12, intentsRecorded: 40, checkpointsCompared: 11, notes: [])

    static func text(_ app: ReplayApp, width: Int = 80, height: Int = 24, theme: Theme = .default) -> [String] {
        TerminalRunner.composeFrame(program: app, width: width, height: height, theme: theme).buffer.rowsAsText()
    }

    @Test func playingShowsTheBarOverTheShopsScreenAndTheReplayKeysInTheFooter() {
        let app = Self.app("cart", .playing)
        let frame = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        let rows = frame.buffer.rowsAsText()
        #expect(rows[0].hasPrefix(" REPLAY step 12/40 · product.addToCart"))
        #expect(rows[0].hasSuffix("playing "))
        // The shop's own header, one row down.
        #expect(rows[1].contains("Chai & Co"))
        #expect(rows.contains { $0.contains("To be paid") })
        #expect(rows[23].contains("space pause"))
        #expect(rows[23].contains("q quit"))
        #expect(!rows[23].contains("enter checkout"), "the shop's keys are not offered: \(rows[23])")
        #expect(frame.cursor == nil)
        Golden.assert(frame.buffer, named: "replay-playing-80x24")
        Golden.assert(
            TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .plainASCII).buffer,
            named: "replay-playing-80x24-ascii")
    }

    @Test func theFirstDifferenceShowsInABoxInTheReportsWords() {
        let app = Self.app("cart", .finished(Self.difference))
        let frame = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        let rows = frame.buffer.rowsAsText()
        let text = rows.joined(separator: "\n")
        #expect(rows[0].hasSuffix("differs "))
        #expect(text.contains("First difference at step 12"))
        #expect(text.contains("first difference after intent #12 (product.addToCart):"))
        #expect(text.contains("unit_price recorded ₹899.00, replayed ₹999.00"))
        #expect(rows[22].contains("error: first difference after intent #12"))
        #expect(!rows[23].contains("pause") && !rows[23].contains("next step"))
        #expect(rows[23].contains("q quit"))
        Golden.assert(frame.buffer, named: "replay-difference-80x24")
    }

    @Test func theSameStateSummaryShowsOnTheNoticeLine() {
        var same = Self.difference
        same.outcome = .same
        same.intentsReplayed = 40
        let rows = Self.text(Self.app("product", .finished(same)))
        #expect(rows[0].hasSuffix("same state "))
        #expect(rows[22].contains("replayed 40 intents; same state"))
        #expect(!rows.joined().contains("First difference"))
        // Narrow terminals still draw the bar and the keys.
        let narrow = Self.text(Self.app("product", .finished(same)), width: 40, height: 12)
        #expect(narrow[0].contains("REPLAY step 12/40"))
        #expect(narrow[11].contains("q quit"))
    }

    @Test func theReplayedStoreIsDrivenOnlyByTheRecording() {
        // Leaving a screen dismisses its notice, in the reducer (it used to be the shop's `.dismissNotice`, sent
        // again under the replay view): the replay view's shop only draws, and its state is the recorded one.
        // (An answer that changes the screen: a user's own navigation clears the notice in the reducer already.)
        var state = Self.state("product")
        state.route = [.catalog, .login]
        state.notice = ShopCore.Notice(.success, "Added Glide Wireless Mouse to the cart.")
        let app = ReplayApp(
            shop: ScreenFixtures.app(state),
            status: ReplayStatus(step: 5, total: 7, intent: "accountNotFound", phase: .playing))
        var sent: [Action] = []
        app.shop.store.observe { action, _ in sent.append(action) }
        app.shop.store.send(.session(.response(.accountNotFound)))
        #expect(app.shop.state.currentRoute == .register)
        // The dismissal is the reducer's now (the notice belongs to the screen left), so the recorded state has
        // it too; the replay view's shop sends nothing of its own (it used to send `.dismissNotice`).
        #expect(sent == [.session(.response(.accountNotFound))], "the replay view's shop sent \(sent)")
        let recorded = ScreenFixtures.store(state)
        recorded.send(.session(.response(.accountNotFound)))
        #expect(app.shop.state.notice == recorded.state.notice)
        #expect(app.shop.state.route == recorded.state.route)
        // The shop on its own shows the same.
        let shop = ScreenFixtures.app(state)
        shop.store.send(.session(.response(.accountNotFound)))
        #expect(shop.state.notice == nil)
    }

    @Test func keysThatAreNotReplayKeysDoNothing() {
        for phase in [ReplayStatus.Phase.playing, .paused, .finished(Self.difference)] {
            let app = Self.app("cart", phase)
            var asked: [ReplayIntent] = []
            app.onIntent = { asked.append($0) }
            let before = app.shop.store.state
            let keys: [Key] =
                "abcdefghijklmopqrstuvwxyz0123456789+-/.".filter { $0 != "q" && $0 != "n" }.map { Key.char($0) }
                + [
                    .enter, .escape, .backspace, .tab, .up, .down, .left, .right, .pageUp, .pageDown, .delete,
                    .ctrl("u"), .alt("x"), .paste("WELCOME10"), .function(5),
                ]
            for key in keys {
                #expect(app.handle(key) == .continue, "\(key)")
            }
            #expect(app.shop.store.state == before, "a shop key moved the store during replay")
            #expect(asked.isEmpty, "\(asked)")
            #expect(!app.showingHelp)
            #expect(app.status.phase == phase)
        }
    }

    @Test func theReplayKeysPauseStepHelpAndQuit() {
        let playing = Self.app("cart", .playing)
        var asked: [ReplayIntent] = []
        playing.onIntent = { asked.append($0) }
        #expect(playing.handle(.char("n")) == .continue)
        #expect(asked.isEmpty, "n steps only while paused")
        #expect(playing.handle(.char(" ")) == .continue)
        #expect(asked == [.togglePause])

        let paused = Self.app("cart", .paused)
        paused.onIntent = { asked.append($0) }
        #expect(paused.handle(.char("n")) == .continue)
        #expect(paused.handle(.char(" ")) == .continue)
        #expect(asked == [.togglePause, .nextStep, .togglePause])
        #expect(Self.text(paused)[23].contains("space resume"))
        #expect(Self.text(paused)[23].contains("n next step"))

        #expect(paused.handle(.char("?")) == .continue)
        #expect(paused.showingHelp)
        let help = Self.text(paused).joined(separator: "\n")
        #expect(help.contains("Apply the next recorded intent"))
        #expect(!help.contains("Open the cart"), "the help lists the shop's keys")
        #expect(paused.handle(.escape) == .continue)
        #expect(!paused.showingHelp)
        #expect(paused.handle(.char("q")) == .quit)
        #expect(paused.handle(.ctrl("c")) == .quit)
        #expect(paused.handle(.ctrl("l")) == .redrawAll)
    }

    @Test func everyFooterHintOfEveryPhaseIsBoundAndNoKeyTwice() {
        for phase in [ReplayStatus.Phase.playing, .paused, .finished(Self.difference)] {
            let table = Self.app("cart", phase).keyTable
            #expect(table.conflictingKeys.isEmpty)
            for binding in table.bindings where binding.inFooter {
                for key in binding.keys { #expect(table.intent(for: key) == binding.intent) }
            }
            let hints = table.footerHints(width: 78).map { "\($0.key) \($0.label)" }
            #expect(hints.contains("q quit") && hints.contains("? help"), "\(hints)")
        }
    }
}
