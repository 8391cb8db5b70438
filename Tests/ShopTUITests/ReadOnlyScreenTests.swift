import Foundation
import ShopCore
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopTUI

/// Read-only mode on screen: the badge, the footer without the keys that would change something, the help that
/// marks them, and the notice when one is pressed anyway.
@MainActor
@Suite struct ReadOnlyScreenTests {
    /// The cart fixture, as support sees another user's cart.
    static func supportCart() -> State {
        var state = ScreenGoldenTests.state("cart")
        state.readOnly = ReadOnlyMode(cartOwner: "01KAWQ8Z3M5N7P9R1T3V5X7Z9B")
        state.route = [.cart]
        state.session = .ready(
            TokenClaims(userId: "support", isAnonymous: false, isLoggedIn: false, expiresAt: nil, role: "support"))
        state.user = nil
        return state
    }

    @Test func supportCartGolden() {
        for (ascii, suffix) in [(false, ""), (true, "-ascii")] {
            let app = ScreenFixtures.app(Self.supportCart())
            let frame = TerminalRunner.composeFrame(
                program: app, width: 80, height: 24, theme: ascii ? .plainASCII : .default)
            Golden.assert(frame.buffer, named: "screen-cart-readonly-80x24\(suffix)")
        }
    }

    @Test func theHeaderWearsTheBadgeAndNamesWhoseCartItIs() {
        let app = ScreenFixtures.app(Self.supportCart())
        let rows = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default).buffer
            .rowsAsText()
        #expect(rows[0].contains("Cart of user 01KAWQ8Z3M5N7P9R1T3V5X7Z9B"))
        #expect(rows[0].contains("READ-ONLY · 3 items ₹2,332.17"))
        // The same totals panel as the shop's cart.
        let text = rows.joined(separator: "\n")
        for part in ["Subtotal", "Discounts (WELCOME10)", "Tax", "Shipping", "Gift card (GIFT500)", "To be paid"] {
            #expect(text.contains(part), "missing \(part)")
        }
        var demo = ScreenGoldenTests.state("cart")
        demo.readOnly = ReadOnlyMode()
        let demoHeader = TerminalRunner.composeFrame(
            program: ScreenFixtures.app(demo), width: 80, height: 24, theme: .default
        ).buffer.rowText(0)
        #expect(demoHeader.contains("READ-ONLY · Asha Rao · 3 items"))
        #expect(demoHeader.contains("Chai & Co · Cart"))
    }

    @Test func theFooterHidesEveryKeyThatWouldChangeSomethingAndHelpMarksThem() {
        let app = ScreenFixtures.app(Self.supportCart())
        let table = app.keyTable
        let footer = table.footerHints(width: 200).map(\.label)
        #expect(!footer.isEmpty)
        for hidden in ["checkout", "more", "less", "remove", "to wishlist", "coupons", "log in", "wishlist"] {
            #expect(!footer.contains(hidden), "\(hidden) is still in the footer: \(footer)")
        }
        for shown in ["browse", "help", "quit"] {
            #expect(footer.contains(shown), "\(shown) is missing from the footer: \(footer)")
        }
        let help = table.helpLines()
        let marked = help.filter { $0.help.hasPrefix("(read-only, disabled) ") }.map(\.keys)
        // Keys that do the same share a line ("+/=", "d/del").
        for key in ["+", "-", "d", "m"] {
            #expect(marked.contains { $0 == key || $0.hasPrefix(key + "/") }, "help does not mark \(key): \(marked)")
        }
        // The viewer's own screens (and checkout) are outside a support view.
        let outside = help.filter { $0.help.hasPrefix("(support view, not available) ") }.map(\.keys)
        for key in ["enter", "p", "w", "l"] {
            #expect(outside.contains(key), "help does not mark \(key) as outside the support view: \(outside)")
        }
        #expect(!help.contains { $0.keys == "q" && $0.help.contains("read-only") })
        #expect(table.conflictingKeys.isEmpty)

        // The shop without read-only mode keeps its keys.
        let shop = ScreenFixtures.app(ScreenGoldenTests.state("cart")).keyTable.footerHints(width: 200).map(\.label)
        #expect(shop.contains("more") && shop.contains("checkout"))
    }

    @Test func pressingAChangeKeyShowsTheNoticeAndSendsNothing() {
        for (key, what) in [
            (Key.char("+"), "changing quantities"), (.char("-"), "changing quantities"), (.char("d"), "removing lines"),
            (.delete, "removing lines"), (.char("m"), "moving lines to the wishlist"),
        ] {
            let app = ScreenFixtures.app(Self.supportCart())
            _ = app.handle(key)
            #expect(app.state.notice == Notice(.error, "Read-only: \(what) is disabled"), "\(key)")
            #expect(app.state.cart.inFlight == nil)
            #expect(app.state.cart.pending.isEmpty)
            #expect(app.state.currentRoute == .cart)
            #expect(!app.state.isBusy, "\(key) started a request")
            let frame = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
            #expect(frame.buffer.rowsAsText().contains { $0.contains("Read-only: \(what) is disabled") })
        }
        // Moving the selection still works.
        let app = ScreenFixtures.app(Self.supportCart())
        _ = app.handle(.down)
        #expect(app.state.cart.selectedIndex == 1)
        #expect(app.state.notice == nil)
    }

    @Test func theViewersOwnScreensAreRefusedInASupportViewAndOpenInPlainReadOnly() {
        for key in [Key.char("w"), .char("l"), .char("p"), .enter] {
            let app = ScreenFixtures.app(Self.supportCart(), api: .offline)
            _ = app.handle(key)
            #expect(app.state.notice == Notice(.error, Reducer.supportViewNotice), "\(key)")
            #expect(app.state.currentRoute == .cart)
            #expect(!app.state.isBusy, "\(key) started a request")
            let rows = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default).buffer
                .rowsAsText()
            #expect(rows.contains { $0.contains(Reducer.supportViewNotice) }, "\(key)")
        }
        // The viewer's own shop in read-only keeps the wishlist and orders in its footer, and opens them.
        var demo = ScreenGoldenTests.state("cart")
        demo.readOnly = ReadOnlyMode()
        let app = ScreenFixtures.app(demo, api: .offline)
        let footer = app.keyTable.footerHints(width: 200).map(\.label)
        #expect(footer.contains("wishlist") && footer.contains("orders"), "\(footer)")
        #expect(!app.keyTable.helpLines().contains { $0.help.contains("support view") })
        _ = app.handle(.char("w"))
        #expect(app.state.currentRoute == .wishlist)
        #expect(app.state.notice == nil)
    }
}
