import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

/// What keys do to the screen, decided by the reducer (it used to be `ShopApp`'s): typing focus, Enter in a
/// field, the `?` help, the stamp of every key (idle, the flash), and notices that belong to their screen.
@MainActor @Suite struct UIFeatureTests {
    @Test func focusMovesThroughTheFormAndStartsAfreshOnAnotherScreen() async {
        var state = guestState()
        state.route = [.catalog, .register]
        let store = makeStore(StubAPI(), state: state)
        // Typing starts in the form's first input.
        #expect(store.state.focus == .registerFirstName)
        await store.send(.ui(.nextField)) { $0.ui.typing = Typing(route: .register, field: .registerLastName) }
        await store.send(.ui(.previousField)) { $0.ui.typing = Typing(route: .register, field: .registerFirstName) }
        // Backwards from the first input wraps to the last.
        await store.send(.ui(.previousField)) { $0.ui.typing = Typing(route: .register, field: .registerPhone) }
        #expect(store.state.focus == .registerPhone)
        // Another screen: its own first input (none on the catalog).
        await store.send(.back) {
            $0.route = [.catalog]
            $0.ui.typing = nil
        }
        #expect(store.state.focus == nil)
        await store.send(.ui(.focus(.searchQuery))) { $0.ui.typing = Typing(route: .catalog, field: .searchQuery) }
        #expect(store.state.focus == .searchQuery)
        await store.send(.ui(.stopTyping)) { $0.ui.typing = Typing(route: .catalog, field: nil) }
        #expect(store.state.focus == nil)
        await store.finish()
    }

    @Test func enterInAFieldDoesWhatThatFieldIsFor() async {
        // Read-only mode refuses what Enter sends with a notice naming it: which action the field chose shows.
        var state = guestState()
        state.readOnly = ReadOnlyMode()
        state.route = [.catalog, .coupons]
        let store = makeStore(StubAPI(), state: state)
        // An optional field (a code) stops typing and applies it.
        await store.send(.ui(.focus(.couponCode))) { $0.ui.typing = Typing(route: .coupons, field: .couponCode) }
        await store.send(.ui(.submitField)) {
            $0.ui.typing = Typing(route: .coupons, field: nil)
            $0.notice = Notice(.error, "Read-only: coupons is disabled")
        }
        // The search stops typing and keeps the results.
        await store.send(.back) {
            $0.route = [.catalog]
            $0.ui.typing = nil
            $0.notice = nil
        }
        await store.send(.ui(.focus(.searchQuery))) { $0.ui.typing = Typing(route: .catalog, field: .searchQuery) }
        await store.send(.ui(.submitField)) { $0.ui.typing = Typing(route: .catalog, field: nil) }
        // A form's field does what Enter does on its screen (the login screen sends the OTP), focus kept.
        await store.finish()
        state.route = [.catalog, .login]
        let login = makeStore(StubAPI(), state: state)
        await login.send(.ui(.submitField)) { $0.notice = Notice(.error, "Read-only: signing in is disabled") }
        #expect(login.state.focus == .loginIdentifier)
        await login.finish()
    }

    @Test func theHelpOpensScrollsWithinItsPageFiltersAndCloses() async {
        let store = makeStore(StubAPI(), state: guestState())
        let page = HelpPage(rows: 10, lines: 25)
        await store.send(.ui(.help(.open))) { $0.ui.help = HelpState() }
        // A page keeps one line for context.
        await store.send(.ui(.help(.scroll(.pages(1), page)))) { $0.ui.help?.offset = 9 }
        await store.send(.ui(.help(.scroll(.bottom, page)))) { $0.ui.help?.offset = 15 }
        await store.send(.ui(.help(.scroll(.lines(1), page))))
        await store.send(.ui(.help(.scroll(.lines(-3), page)))) { $0.ui.help?.offset = 12 }
        await store.send(.ui(.help(.startFilter))) {
            $0.ui.help?.isFiltering = true
            $0.ui.help?.offset = 0
        }
        // A pasted line break is not part of a filter.
        await store.send(.ui(.help(.editFilter(.insert("ca\nrt"))))) { $0.ui.help?.filter = "cart" }
        await store.send(.ui(.help(.editFilter(.backspace)))) { $0.ui.help?.filter = "car" }
        await store.send(.ui(.help(.keepFilter))) { $0.ui.help?.isFiltering = false }
        await store.send(.ui(.help(.dropFilter))) { $0.ui.help?.filter = "" }
        await store.send(.ui(.help(.close))) { $0.ui.help = nil }
        await store.finish()
    }

    @Test func aKeyAfterALongIdleMarksTheCartStaleOnTheEnvironmentsClock() async {
        let clock = TestClock()
        var state = memberState()
        state.ui.flash = Flash("This terminal cannot copy for us (no OSC 52): select the link's row instead.")
        let store = makeStore(StubAPI(), clock: clock, state: state)
        // The first key: the flash of the key before goes.
        await store.send(.ui(.keyPressed(at: store.environment.now))) {
            $0.ui.flash = nil
            $0.ui.lastKeyAt = .zero
        }
        await clock.advance(by: .seconds(299))
        await store.send(.ui(.keyPressed(at: store.environment.now))) { $0.ui.lastKeyAt = .seconds(299) }
        #expect(!store.state.cart.isStale)
        // Five minutes without a key: the cart may have changed elsewhere.
        await clock.advance(by: .seconds(300))
        await store.send(.ui(.keyPressed(at: store.environment.now))) {
            $0.ui.lastKeyAt = .seconds(599)
            $0.cart.isStale = true
        }
        await store.finish()
    }

    @Test func linkCopiedLastsUntilTheLinkChanges() async {
        var state = memberState()
        state.payment.link = "https://pay.example/1"
        let store = makeStore(StubAPI(), state: state)
        await store.send(.ui(.linkCopied)) { $0.ui.flash = Flash("Link copied.", link: "https://pay.example/1") }
        await store.send(.payment(.response(.linkReady("https://pay.example/2")))) {
            $0.payment.link = "https://pay.example/2"
            $0.payment.message = "Open the link (or scan the QR code) to pay."
            $0.ui.flash = nil
        }
        await store.finish()
    }

    @Test func aNoticeBelongsToTheScreenWhereItAppeared() async {
        var state = guestState()
        state.route = [.catalog, .login]
        state.form[.loginIdentifier] = "9876543210"
        state.inFlight = [.login]
        state.notice = Notice(.error, "Too many requests. Wait a moment and try again.")
        let store = makeStore(StubAPI(), state: state)
        // An answer that moves to another screen leaves the login screen's notice behind.
        await store.send(.session(.response(.accountNotFound))) {
            $0.inFlight = []
            $0.form[.registerPhone] = "9876543210"
            $0.auth.message = "No account for 9876543210 yet: create one."
            $0.route.append(.register)
            $0.notice = nil
        }
        await store.finish()
    }

    @Test func keyStampsAreNotWrittenToARecording() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ui-stamps-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        let recorder = try Recorder(url: url, store: "test")
        recorder.write(.ui(.keyPressed(at: .seconds(3))))
        recorder.write(.ui(.help(.open)))
        recorder.close()
        let recording = try Recording.read(contentsOf: url)
        #expect(recording.entries.map(\.action) == [.ui(.help(.open))])
        #expect(recorder.count == 1)
    }
}
