import ShopCore
import StorefrontAPI
import Testing

@testable import ShopTUI

/// The `?` help lists every key even where the screen is small: it scrolls and filters, and says what it shows.
@MainActor
@Suite struct HelpOverlayTests {
    static func coupons() -> ShopApp {
        ScreenFixtures.app(ScreenFixtures.screens.first { $0.0 == "coupons" }!.1)
    }

    static func text(_ app: ShopApp, _ width: Int, _ height: Int, theme: Theme = .default) -> String {
        TerminalRunner.composeFrame(program: app, width: width, height: height, theme: theme).buffer.rowsAsText()
            .joined(separator: "\n")
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func theHelpScrollsToItsLastLine(_ size: (Int, Int)) {
        let (width, height) = size
        let app = Self.coupons()
        let lines = app.keyTable.helpLines()
        _ = app.handle(.char("?"))
        let first = Self.text(app, width, height)
        #expect(first.contains(lines[0].help))
        // The screen is too small for every line: the last one is below, and the title says how many there are.
        #expect(!first.contains(lines.last!.help))
        #expect(first.contains("of \(lines.count)"))
        _ = app.handle(.end)
        let bottom = Self.text(app, width, height)
        #expect(bottom.contains(lines.last!.help))
        #expect(!bottom.contains(" " + lines[0].help))
        // Down a line at a time, and a page back up.
        _ = app.handle(.home)
        _ = app.handle(.down)
        #expect(Self.text(app, width, height).contains("Keys 2-"))
        _ = app.handle(.home)
        _ = app.handle(.pageDown)
        #expect(!Self.text(app, width, height).contains("Keys 1-"))
        _ = app.handle(.pageUp)
        #expect(Self.text(app, width, height).contains("Keys 1-"))
        // Every line can be reached by scrolling down.
        _ = app.handle(.home)
        var seen = Set<String>()
        for _ in 0...lines.count {
            let shown = Self.text(app, width, height)
            for line in lines where shown.contains(String(line.help.prefix(width / 3))) { seen.insert(line.help) }
            _ = app.handle(.down)
        }
        #expect(seen == Set(lines.map(\.help)))
        #expect(app.showingHelp)
    }

    @Test func slashFiltersTheHelp() {
        let app = Self.coupons()
        _ = app.handle(.char("?"))
        for c in "/remove" { _ = app.handle(.char(c)) }
        let filtered = Self.text(app, 40, 12)
        #expect(filtered.contains("/remove"))
        #expect(filtered.contains("Remove the applied coup"))
        #expect(!filtered.contains("Type a coupon code"))
        // Typed letters went to the filter: q did not close the help.
        _ = app.handle(.char("q"))
        #expect(app.showingHelp)
        #expect(Self.text(app, 40, 12).contains("No key matches"))
        _ = app.handle(.backspace)
        _ = app.handle(.enter)
        #expect(app.showingHelp)
        #expect(Self.text(app, 80, 24).contains("Remove the gift card"))
        // Esc drops the filter, a second esc closes the help.
        _ = app.handle(.escape)
        #expect(Self.text(app, 80, 24).contains("Type a coupon code"))
        _ = app.handle(.escape)
        #expect(!app.showingHelp)
    }

    /// A filter longer than the box gives way to the way out: "esc drop" (typing) and "esc all keys" (kept)
    /// still show at 40x12, in colour and in ASCII (a long filter used to push them out of the row).
    @Test func aLongFilterStillShowsTheWayOut() {
        for theme in [Theme.default, .plainASCII] {
            let app = Self.coupons()
            _ = app.handle(.char("?"))
            for c in "/7b=" + String(repeating: "c", count: 40) { _ = app.handle(.char(c)) }
            let typing = Self.text(app, 40, 12, theme: theme)
            #expect(typing.contains("esc drop"), "\(typing)")
            #expect(typing.contains("/7b=c"))
            _ = app.handle(.enter)
            let kept = Self.text(app, 40, 12, theme: theme)
            #expect(kept.contains("esc all keys"), "\(kept)")
        }
    }

    @Test func theCouponsFooterShowsTheRemoveKeysOfWhatIsApplied() {
        // The fixture has a coupon and a gift card applied.
        let app = Self.coupons()
        let footer = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default).buffer
            .rowText(23)
        #expect(footer.contains("x remove coupon"))
        #expect(footer.contains("G remove card"))
        let narrow = TerminalRunner.composeFrame(program: app, width: 40, height: 12, theme: .default).buffer
            .rowText(11)
        #expect(narrow.contains("x remove coupon"))
        // Nothing applied: no remove keys.
        var state = app.state
        state.cart.server?.couponCode = nil
        state.cart.server?.giftCardCode = nil
        let plain = ScreenFixtures.app(state)
        #expect(!plain.keyTable.bindings.contains { $0.label.hasPrefix("remove") })
    }
}
