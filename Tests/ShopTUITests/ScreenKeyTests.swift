import Foundation
import ShopCore
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopTUI

/// Every footer hint of every screen does what it says: its key reaches the store as the bound action
/// (or changes what the app shows: focus, help, quit, copy).
@MainActor
@Suite struct ScreenKeyTests {
    /// States with typing in progress too, so that the typing footers are checked.
    static var cases: [(String, State, Field?)] {
        var list = ScreenFixtures.screens.map { ($0.0, $0.1, nil as Field?) }
        let coupons = ScreenFixtures.screens.first { $0.0 == "coupons" }!.1
        list.append(("coupons-typing", coupons, .couponCode))
        list.append(("coupons-giftcard", coupons, .giftCardCode))
        list.append(("catalog-typing", ScreenFixtures.base, .searchQuery))
        return list
    }

    nonisolated static let names = [
        "catalog", "catalog-search", "product", "cart", "cart-empty", "wishlist", "coupons", "login", "otp", "register",
        "account", "account-deactivate", "notifications", "checkout-address", "address-form", "business", "delivery",
        "review", "payment", "payment-paid", "orders", "order-detail", "coupons-typing", "coupons-giftcard",
        "catalog-typing",
    ]

    static func make(_ name: String) -> (ShopApp, [Action]) {
        let (_, state, focus) = cases.first { $0.0 == name }!
        let app = ScreenFixtures.app(state, api: .offline)
        if let focus { app.perform(.focus(focus)) }
        return (app, [])
    }

    @Test(arguments: names)
    func everyFooterHintDoesWhatItSays(_ name: String) {
        let (probe, _) = Self.make(name)
        let table = probe.keyTable
        #expect(table.conflictingKeys.isEmpty, "\(name): keys bound twice: \(table.conflictingKeys)")
        let footer = table.footerHints(width: 1_000)
        #expect(!footer.isEmpty)
        for binding in table.bindings where binding.inFooter {
            let (app, _) = Self.make(name)
            var recorded: [Action] = []
            app.store.observe { action, _ in if !action.isKeyStamp { recorded.append(action) } }
            let focusBefore = app.focus
            var stateBefore = app.state
            let key = binding.keys[0]
            let command = app.handle(key)
            let what = "\(name): \(binding.keyName()) \(binding.label)"
            switch binding.intent {
            case .send(let action):
                #expect(recorded.first == action, "\(what) sent \(recorded)")
            case .focus(let field):
                #expect(app.focus == field, "\(what)")
            case .help:
                #expect(app.showingHelp, "\(what)")
            case .quit:
                #expect(command == .quit, "\(what)")
            case .copyLink:
                #expect(command == .copy(app.state.payment.link ?? "-"), "\(what)")
            case .back:
                #expect(recorded.first == .back, "\(what)")
            case .submitField:
                // Enter in a field is the reducer's (`.ui(.submitField)`): it must change the state, the stamp aside.
                var after = app.state
                (after.ui.lastKeyAt, stateBefore.ui.lastKeyAt) = (nil, nil)
                #expect(recorded.first == .ui(.submitField), "\(what) sent \(recorded)")
                #expect(after != stateBefore || app.focus != focusBefore, "\(what) did nothing")
            case .stopTyping:
                #expect(app.focus == nil, "\(what)")
            case .nextField, .previousField:
                #expect(app.focus != focusBefore, "\(what)")
            case .redraw:
                #expect(command == .redrawAll, "\(what)")
            case .list:
                #expect(!recorded.isEmpty, "\(what) did nothing")
            }
        }
    }

    @Test func helpListsTheSameTableAndClosesWithEscape() {
        let app = ScreenFixtures.app(ScreenFixtures.base)
        let lines = app.keyTable.helpLines()
        #expect(lines.contains { $0.help == "Search as you type" })
        _ = app.handle(.char("?"))
        #expect(app.showingHelp)
        let frame = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        #expect(frame.buffer.rowsAsText().joined().contains("Search as you type"))
        _ = app.handle(.escape)
        #expect(!app.showingHelp)
    }

    @Test func typingGoesToTheFieldAndQDoesNotQuit() {
        let app = ScreenFixtures.app(ScreenFixtures.base)
        var recorded: [Action] = []
        app.store.observe { action, _ in if !action.isKeyStamp { recorded.append(action) } }
        _ = app.handle(.char("/"))
        #expect(app.focus == .searchQuery)
        #expect(app.handle(.char("q")) == .continue)
        #expect(recorded.contains(.edit(.searchQuery, .insert("q"))))
        #expect(app.state.form[.searchQuery] == "q")
        _ = app.handle(.backspace)
        #expect(recorded.last == .edit(.searchQuery, .backspace))
        _ = app.handle(.escape)
        #expect(app.focus == nil)
        #expect(app.handle(.char("q")) == .quit)
    }

    @Test func loginFormTypesDigitsAndTabMovesThroughRegisterFields() {
        let login = ScreenFixtures.screens.first { $0.0 == "register" }!.1
        let app = ScreenFixtures.app(login)
        #expect(app.focus == .registerFirstName)
        _ = app.handle(.tab)
        #expect(app.focus == .registerLastName)
        _ = app.handle(.char("R"))
        #expect(app.state.form[.registerLastName] == "R")
        _ = app.handle(.backTab)
        #expect(app.focus == .registerFirstName)
    }

    @Test func aNoticeStaysOnTheScreenWhereItAppeared() {
        var state = ScreenFixtures.base
        state.notice = ShopCore.Notice(.success, "Added Assam Breakfast to the cart.")
        let app = ScreenFixtures.app(state, api: .offline)
        let before = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        #expect(before.buffer.rowText(22).contains("Added Assam Breakfast"))
        _ = app.handle(.char("w"))
        #expect(app.state.currentRoute == .wishlist)
        let after = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        #expect(!after.buffer.rowsAsText().joined().contains("Added Assam Breakfast"))
    }

    @Test(arguments: ["cart", "cart-empty"])
    func theCartHasARefreshKeyInItsHelp(_ name: String) {
        let (app, _) = Self.make(name)
        #expect(app.keyTable.helpLines().contains { $0.keys == "r" && $0.help == "Read the cart again from the store" })
        var recorded: [Action] = []
        app.store.observe { action, _ in if !action.isKeyStamp { recorded.append(action) } }
        _ = app.handle(.char("r"))
        #expect(recorded == [.cart(.view(.load))])
    }

    @Test func theKeyTableFollowsTheScreenShown() {
        let app = ScreenFixtures.app(ScreenFixtures.base)
        #expect(app.keyTable.intent(for: .char("c")) == .send(.navigate(.cart)))
        _ = app.handle(.char("c"))
        #expect(app.state.currentRoute == .cart)
        // Built again for the cart: `c` no longer opens it, `r` reads it.
        #expect(app.keyTable.intent(for: .char("c")) == nil)
        #expect(app.keyTable.intent(for: .char("r")) == .send(.cart(.view(.load))))
    }

    @Test func theSameErrorAgainOnAnotherScreenIsShownThere() {
        var state = ScreenFixtures.base
        let failure = ShopCore.Notice(.error, APIError.timeout.message)
        state.notice = failure
        let app = ScreenFixtures.app(state, api: .offline)
        _ = app.handle(.char("w"))
        #expect(app.state.currentRoute == .wishlist)
        #expect(app.state.notice == nil, "leaving the screen dismisses its notice")
        // The same failure, now on the wishlist (any failed load sets the same text).
        app.store.send(.checkout(.response(.addressesFailed(.timeout))))
        #expect(app.state.notice == failure)
        // Shown on the wishlist's notice line (when the wishlist is not loading, which the spinner shows there).
        #expect(app.visibleNotice == failure)
    }

    @Test func mouseWheelMovesTheSelection() {
        let app = ScreenFixtures.app(ScreenFixtures.base)
        var recorded: [Action] = []
        app.store.observe { action, _ in if !action.isKeyStamp { recorded.append(action) } }
        _ = app.handle(.mouse(MouseEvent(kind: .wheelDown, row: 5, col: 5)))
        #expect(recorded == [.moveSelection(by: 1)])
        #expect(app.state.catalog.selectedIndex == 2)
    }
}
