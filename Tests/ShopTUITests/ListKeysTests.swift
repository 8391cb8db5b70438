import ShopCore
import StorefrontAPI
import Testing

@testable import ShopTUI

/// Lists: PgUp/PgDn move a page of what is on screen, Home/g and End/G go to the ends, the category strip keeps
/// the selected category in view.
@MainActor
@Suite struct ListKeysTests {
    static func longCatalog(_ count: Int = 60) -> State {
        var state = ScreenFixtures.base
        state.catalog.products = (1...count).map { i in
            var p = ScreenFixtures.products[i % ScreenFixtures.products.count]
            p.id = "p\(i)"
            p.name = "Tea number \(i)"
            return p
        }
        state.catalog.totalRecords = count
        state.catalog.selectedIndex = 0
        return state
    }

    static func draw(_ app: ShopApp, _ width: Int = 80, _ height: Int = 24) -> CellBuffer {
        TerminalRunner.composeFrame(program: app, width: width, height: height, theme: .default).buffer
    }

    @Test(arguments: [(80, 24), (40, 12), (160, 48)])
    func pageDownMovesAPageOfTheListOnScreen(_ size: (Int, Int)) throws {
        let app = ScreenFixtures.app(Self.longCatalog(200))
        _ = Self.draw(app, size.0, size.1)
        let rows = try #require(app.listRegion?.rows)
        #expect(rows == app.listRegion?.rect.height)
        _ = app.handle(.pageDown)
        // A page less the row kept for context: the last row on screen is selected, and is still shown.
        #expect(app.state.catalog.selectedIndex == rows - 1)
        #expect(Self.draw(app, size.0, size.1).rowsAsText().joined().contains("Tea number \(rows)"))
        _ = app.handle(.pageDown)
        #expect(app.state.catalog.selectedIndex == 2 * (rows - 1))
        _ = app.handle(.pageUp)
        #expect(app.state.catalog.selectedIndex == rows - 1)
    }

    @Test func homeAndEndGoToTheEnds() {
        let app = ScreenFixtures.app(Self.longCatalog())
        _ = Self.draw(app)
        _ = app.handle(.end)
        #expect(app.state.catalog.selectedIndex == 59)
        #expect(Self.draw(app).rowsAsText().joined().contains("Tea number 60"))
        _ = app.handle(.home)
        #expect(app.state.catalog.selectedIndex == 0)
        _ = Self.draw(app)
        _ = app.handle(.char("G"))
        #expect(app.state.catalog.selectedIndex == 59)
        _ = Self.draw(app)
        _ = app.handle(.char("g"))
        #expect(app.state.catalog.selectedIndex == 0)
    }

    @Test func onTheCouponsScreenGStaysTheGiftCardKey() {
        let app = ScreenFixtures.app(ScreenFixtures.screens.first { $0.0 == "coupons" }!.1)
        _ = Self.draw(app)
        _ = app.handle(.char("g"))
        #expect(app.focus == .giftCardCode)
        #expect(app.keyTable.conflictingKeys.isEmpty)
    }

    @Test func theSelectedCategoryIsAlwaysOnScreen() {
        var state = ScreenFixtures.base
        state.catalog.categories = (1...12).map { Category(id: "k\($0)", name: "Category \($0)", slug: "k\($0)") }
        state.catalog.categoryID = "k11"
        let app = ScreenFixtures.app(state)
        func strip(_ app: ShopApp, _ width: Int, _ height: Int) -> String {
            Self.draw(app, width, height).rowsAsText().first { $0.contains("Category") } ?? ""
        }
        for (width, height) in [(40, 12), (80, 24)] {
            let shown = strip(app, width, height)
            #expect(shown.contains("Category 11"), "\(width)x\(height): \(shown)")
            #expect(shown.hasPrefix(" … · "))
        }
        // "All" selected: the strip starts from it.
        state.catalog.categoryID = nil
        #expect(strip(ScreenFixtures.app(state), 40, 12).hasPrefix(" All · Category 1"))
    }

    @Test func aCartLineOfAVariantNamesTheProductOnce() {
        var state = ScreenFixtures.routed(ScreenFixtures.base, [.catalog, .cart])
        state.cart.server?.cartItems[0].productName = "Linen Kurta"
        state.cart.server?.cartItems[0].variantName = "Linen Kurta (S)"
        let text = Self.draw(ScreenFixtures.app(state)).rowsAsText().joined(separator: "\n")
        #expect(text.contains("Linen Kurta (S)"))
        #expect(!text.contains("Linen Kurta · Linen Kurta"))
    }
}
