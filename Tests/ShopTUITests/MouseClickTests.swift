import Foundation
import ShopCore
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopTUI

/// `--mouse`: a left click on a list row selects it, a click on the selected row (or a double click) opens it
/// as Enter does, and a click on a footer hint does what the hint says. Rows are found by the text drawn on
/// them, so the test does not repeat the screens' layout.
@MainActor
@Suite struct MouseClickTests {
    static func frame(_ app: ShopApp, width: Int = 80, height: Int = 24) -> [String] {
        TerminalRunner.composeFrame(program: app, width: width, height: height, theme: .default).buffer.rowsAsText()
    }

    /// The screen row where `text` is drawn (the first one).
    static func row(of text: String, in rows: [String]) throws -> Int {
        try #require(
            rows.firstIndex { $0.contains(text) }, "\(text) is not on screen:\n\(rows.joined(separator: "\n"))")
    }

    static func click(_ app: ShopApp, row: Int, col: Int = 10, _ kind: MouseEvent.Kind = .click) -> ProgramCommand {
        app.handle(.mouse(MouseEvent(kind: kind, row: row, col: col)))
    }

    @Test func aClickOnACatalogRowSelectsItAndASecondClickOpensIt() throws {
        let app = ScreenFixtures.app(ScreenFixtures.base, api: .offline)
        #expect(app.state.catalog.selectedIndex == 1)
        let row = try Self.row(of: "Masala Chai Blend", in: Self.frame(app))
        _ = Self.click(app, row: row)
        #expect(app.state.catalog.selectedIndex == 3)
        #expect(app.state.currentRoute == .catalog)
        let selected = Self.frame(app)
        #expect(selected[row].contains("Masala Chai Blend"))
        #expect(app.listRegion?.selection == 3)
        _ = Self.click(app, row: row)
        #expect(app.state.currentRoute == .product(id: "p4"))
    }

    @Test func aClickOnACartLineSelectsItAndASecondClickGoesToCheckoutLikeEnter() throws {
        let state = ScreenFixtures.screens.first { $0.0 == "cart" }!.1
        let app = ScreenFixtures.app(state, api: .offline)
        var recorded: [Action] = []
        app.store.observe { action, _ in if !action.isKeyStamp { recorded.append(action) } }
        let name = try #require(state.cart.lines.last?.item.displayName)
        let row = try Self.row(of: name, in: Self.frame(app))
        _ = Self.click(app, row: row)
        #expect(app.state.cart.selectedIndex == state.cart.lines.count - 1)
        #expect(recorded == [.moveSelection(by: state.cart.lines.count - 1)])
        _ = Self.frame(app)
        _ = Self.click(app, row: row)
        #expect(recorded.dropFirst().first == .select)
        #expect(app.state.currentRoute == .checkout(.address))
    }

    @Test func aDoubleClickOpensAtOnceAndTheClickBeforeItDoesNotOpenTwice() throws {
        let orders = ScreenFixtures.screens.first { $0.0 == "orders" }!.1
        let app = ScreenFixtures.app(orders, api: .offline)
        let last = try #require(orders.orders.orders.last)
        let row = try Self.row(of: last.orderNumber, in: Self.frame(app))
        _ = Self.click(app, row: row, .doubleClick)
        #expect(app.state.currentRoute == .orderDetail(orderNumber: last.orderNumber))

        // ncurses may report the first click of a pair before the double click: the pair opens once.
        let catalog = ScreenFixtures.app(ScreenFixtures.base, api: .offline)
        let selectedRow = try Self.row(of: "Assam Breakfast", in: Self.frame(catalog))
        _ = Self.click(catalog, row: selectedRow)
        #expect(catalog.state.currentRoute == .product(id: "p2"))
        _ = Self.frame(catalog)
        _ = Self.click(catalog, row: selectedRow, .doubleClick)
        #expect(catalog.state.currentRoute == .product(id: "p2"))
        #expect(catalog.state.route.count == 2)

        // Selecting click and double click in one read (no frame between): the row is opened, not the one after.
        let fresh = ScreenFixtures.app(ScreenFixtures.base, api: .offline)
        let row4 = try Self.row(of: "Masala Chai Blend", in: Self.frame(fresh))
        _ = Self.click(fresh, row: row4)
        _ = Self.click(fresh, row: row4, .doubleClick)
        #expect(fresh.state.currentRoute == .product(id: "p4"))
    }

    @Test func aReleaseIsAClickUnlessItEndsADrag() throws {
        let app = ScreenFixtures.app(ScreenFixtures.base)
        let rows = Self.frame(app)
        let green = try Self.row(of: "Green Tea", in: rows)
        // A slow click: press, then release at the same cell.
        _ = Self.click(app, row: green, .press)
        #expect(app.state.catalog.selectedIndex == 1)
        _ = Self.click(app, row: green, .release)
        #expect(app.state.catalog.selectedIndex == 5)
        // A release elsewhere than the press is a drag, not a click.
        _ = Self.frame(app)
        _ = Self.click(app, row: green, .press)
        _ = Self.click(app, row: green - 1, .release)
        #expect(app.state.catalog.selectedIndex == 5)
        // A release alone (how ncurses reports a quick click over SGR) is a click.
        let assam = try Self.row(of: "Assam Breakfast", in: rows)
        _ = Self.click(app, row: assam, .release)
        #expect(app.state.catalog.selectedIndex == 1)
    }

    @Test func clicksOutsideTheListOrUnderHelpDoNothing() throws {
        let app = ScreenFixtures.app(ScreenFixtures.base)
        var recorded: [Action] = []
        app.store.observe { action, _ in if !action.isKeyStamp { recorded.append(action) } }
        let rows = Self.frame(app)
        let blank = try #require(
            rows.indices.dropFirst(3).first { rows[$0].trimmingCharacters(in: .whitespaces).isEmpty })
        _ = Self.click(app, row: blank)
        _ = Self.click(app, row: 0)
        #expect(recorded.isEmpty)
        _ = app.handle(.char("?"))
        // Opening the help is the store's now (`.ui(.help(.open))`); the click under it must add nothing.
        #expect(recorded == [.ui(.help(.open))])
        recorded.removeAll()
        _ = Self.frame(app)
        _ = Self.click(app, row: try Self.row(of: "Masala Chai Blend", in: rows))
        #expect(recorded.isEmpty)
        #expect(app.state.catalog.selectedIndex == 1)
    }

    /// Every screen with a list: a click on each visible row selects that item (the next frame draws it
    /// selected), at sizes where the list scrolls too.
    @Test(arguments: [
        "catalog", "catalog-search", "product", "cart", "wishlist", "coupons", "checkout-address",
        "delivery", "orders",
    ])
    func aClickOnEachRowOfEveryListSelectsIt(_ name: String) throws {
        let state = ScreenFixtures.screens.first { $0.0 == name }!.1
        for (width, height) in [(80, 24), (40, 12), (160, 48)] {
            let app = ScreenFixtures.app(state)
            _ = Self.frame(app, width: width, height: height)
            let region = try #require(app.listRegion, "\(name) at \(width)x\(height) records no list")
            #expect(region.rect.height > 0)
            for row in region.rect.row..<region.rect.bottom {
                _ = Self.frame(app, width: width, height: height)
                let index = try #require(app.listRegion?.index(row: row, col: region.rect.col))
                // A click on the selected row opens it (tested above); here only the selecting clicks.
                if index == app.listRegion?.selection { continue }
                _ = Self.click(app, row: row, col: region.rect.col)
                _ = Self.frame(app, width: width, height: height)
                #expect(app.listRegion?.selection == index, "\(name) \(width)x\(height) row \(row)")
                #expect(app.state.currentRoute == state.currentRoute, "\(name): a first click opened")
            }
        }
    }

    @Test func aClickOnAFooterHintDoesWhatItSays() throws {
        let state = ScreenFixtures.screens.first { $0.0 == "cart" }!.1
        let app = ScreenFixtures.app(state, api: .offline)
        let rows = Self.frame(app)
        let footer = rows[23]
        let coupons = try #require(footer.range(of: "p coupons"))
        let col = footer.distance(from: footer.startIndex, to: coupons.lowerBound) + 2
        _ = Self.click(app, row: 23, col: col)
        #expect(app.state.currentRoute == .coupons)

        let quitting = ScreenFixtures.app(state, api: .offline)
        let quitRow = Self.frame(quitting)[23]
        let quit = try #require(quitRow.range(of: "q quit"))
        #expect(
            Self.click(quitting, row: 23, col: quitRow.distance(from: quitRow.startIndex, to: quit.lowerBound)) == .quit
        )

        // Between two hints, nothing.
        let gap = ScreenFixtures.app(state, api: .offline)
        let gapRow = Self.frame(gap)[23]
        let end = try #require(gapRow.range(of: "p coupons")).upperBound
        #expect(Self.click(gap, row: 23, col: gapRow.distance(from: gapRow.startIndex, to: end)) == .continue)
        #expect(gap.state.currentRoute == .cart)
    }

    @Test func readOnlyKeepsItsRefusalsForClicks() throws {
        var state = ScreenFixtures.screens.first { $0.0 == "cart" }!.1
        state.readOnly = ReadOnlyMode(cartOwner: "customer-42")
        state.route = [.cart]
        let app = ScreenFixtures.app(state)
        let name = try #require(state.cart.lines.first?.item.displayName)
        let row = try Self.row(of: name, in: Self.frame(app))
        _ = Self.click(app, row: row)
        #expect(app.state.currentRoute == .cart)
        #expect(app.state.notice == Notice(.error, Reducer.supportViewNotice))
        #expect(!app.state.isBusy)
    }
}
