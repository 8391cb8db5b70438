import Foundation
import ShopCore
import StorefrontAPI
import Testing

@testable import ShopTUI

/// Every screen at 40x12, 80x24 and 160x48, in colour and in ASCII, against `Golden/screen-*.txt`.
@MainActor
@Suite struct ScreenGoldenTests {
    static let sizes = [(40, 12), (80, 24), (160, 48)]

    nonisolated static let names = [
        "catalog", "catalog-search", "product", "cart", "cart-empty", "wishlist", "coupons", "login", "otp", "register",
        "account", "account-deactivate", "notifications", "checkout-address", "address-form", "business", "delivery",
        "review", "payment", "payment-paid", "orders", "order-detail",
    ]

    static func state(_ name: String) -> State {
        ScreenFixtures.screens.first { $0.0 == name }!.1
    }

    @Test(arguments: names)
    func screen(_ name: String) {
        for (w, h) in Self.sizes {
            for ascii in [false, true] {
                let app = ScreenFixtures.app(Self.state(name))
                let theme: Theme = ascii ? .plainASCII : .default
                let frame = TerminalRunner.composeFrame(program: app, width: w, height: h, theme: theme)
                #expect(!frame.tooSmall)
                let text = frame.buffer.rowsAsText().joined(separator: "\n")
                if ascii {
                    let odd = text.unicodeScalars.filter { !$0.isASCII && $0 != "₹" }
                    #expect(odd.isEmpty, "non-ASCII in \(name) \(w)x\(h): \(String(String.UnicodeScalarView(odd)))")
                }
                Golden.assert(frame.buffer, named: "screen-\(name)-\(w)x\(h)\(ascii ? "-ascii" : "")")
            }
        }
    }

    @Test func catalogSelectionIsReverseAndTheCursorParksOnIt() {
        let app = ScreenFixtures.app(Self.state("catalog"))
        let frame = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        // Row 2 is the category bar, row 3 blank, the list starts on row 4; product 1 is selected.
        let row = 5
        #expect(frame.buffer.rowText(row).contains("Assam Breakfast"))
        #expect(frame.buffer[row, 5].style.role == .selected)
        #expect(
            Theme.default.resolve(frame.buffer[row, 5].style).attributes.contains(.reverse)
                || Theme.default.resolve(frame.buffer[row, 5].style).bg != .default)
        #expect(frame.cursor?.row == row)
        #expect(frame.buffer.rowText(0).contains("Asha Rao"))
        #expect(frame.buffer.rowText(0).contains("3 items ₹2,332.17"))
    }

    @Test func productsTheAppCouldNotReadAreCountedAboveTheList() {
        var state = Self.state("catalog")
        let drop = DroppedElement(id: "p9", path: "content.products[3].pricing", reason: "expected Decimal")
        state.catalog.unreadable = [drop]
        var frame = TerminalRunner.composeFrame(
            program: ScreenFixtures.app(state), width: 80, height: 24, theme: .default)
        #expect(frame.buffer.rowText(3).contains("1 product could not be shown"))
        #expect(frame.buffer.rowText(5).contains("Assam Breakfast"))
        state.catalog.unreadable = [drop, drop]
        frame = TerminalRunner.composeFrame(program: ScreenFixtures.app(state), width: 80, height: 24, theme: .default)
        #expect(frame.buffer.rowText(3).contains("2 products could not be shown"))
        state.catalog.products = []
        frame = TerminalRunner.composeFrame(program: ScreenFixtures.app(state), width: 80, height: 24, theme: .default)
        #expect(frame.buffer.rowsAsText().contains { $0.contains("None of this store's products could be read.") })
    }

    @Test func aColourOptionGivenAsAnObjectShowsItsNameAndASwatch() throws {
        var state = Self.state("product")
        let colour = AttributeValue.object(["name": .text("Blue"), "hexcode": .text("#0000FF")])
        state.product.variants[0].associatedOptions = [
            "background_color": AssociatedOption(name: "Background Color", value: colour, type: "color"),
            "size": AssociatedOption(name: "Size", value: .text("Large"), type: "single-select"),
        ]
        let frame = TerminalRunner.composeFrame(
            program: ScreenFixtures.app(state), width: 80, height: 24, theme: .default)
        let rows = frame.buffer.rowsAsText()
        let row = try #require(rows.firstIndex { $0.contains("Background Color Blue") })
        #expect(rows[row].contains("Size Large"))
        let swatch = try #require(rows[row].firstIndex(of: "■")).utf16Offset(in: rows[row])
        #expect(frame.buffer[row, swatch].style.fg == .indexed(21))
        // No colour, no swatch: the name alone says it.
        let plain = TerminalRunner.composeFrame(
            program: ScreenFixtures.app(state), width: 80, height: 24, theme: .plainASCII)
        #expect(plain.buffer.rowsAsText()[row].contains("Background Color Blue"))
        #expect(!plain.buffer.rowsAsText()[row].contains("#"))
    }

    @Test func thePaymentSaysWhichLinkItShowsAndIOpensTheJuspayOrder() throws {
        var state = Self.state("payment")
        state.payment.linkSource = .orderAnswer
        var frame = TerminalRunner.composeFrame(
            program: ScreenFixtures.app(state), width: 100, height: 30, theme: .default)
        #expect(frame.buffer.rowsAsText().contains { $0.contains("This is the order's own link: Juspay") })
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let order = try decoder.decode(
            JuspayOrder.self,
            from: Data(
                #"{"id":"jus_9","status":"NEW","status_id":"10","amount":2832.17,"currency":"INR","payment_links":{"web":"https://pay.example/w","mobile":"https://pay.example/m","iframe":"https://pay.example/i"}}"#
                    .utf8))
        state.payment.juspayOrder = order
        state.payment.linkSource = .juspayOrder
        let app = ScreenFixtures.app(state)
        #expect(app.keyTable.footerHints(width: 1_000).contains(FooterHint(key: "i", label: "details")))
        state.payment.showingDetail = true
        frame = TerminalRunner.composeFrame(program: ScreenFixtures.app(state), width: 100, height: 30, theme: .default)
        let rows = frame.buffer.rowsAsText()
        #expect(rows.contains { $0.contains("Juspay order id") && $0.contains("jus_9") })
        #expect(rows.contains { $0.contains("Status") && $0.contains("NEW") && $0.contains("status id 10") })
        #expect(rows.contains { $0.contains("₹2,832.17") })
        #expect(rows.contains { $0.contains("https://pay.example/m") })
        #expect(rows.contains { $0.contains("https://pay.example/i") })
    }

    @Test func pricesAreRightAlignedInIndianGrouping() {
        let app = ScreenFixtures.app(Self.state("catalog"))
        let frame = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        let rows = frame.buffer.rowsAsText()
        let priced = rows.filter { $0.contains("₹") && !$0.contains("items") }
        #expect(priced.contains { $0.contains("₹1,23,456.78") })
        let ends = Set(
            priced.map {
                $0.trimmingCharacters(in: .whitespaces).count > 0
                    ? DisplayWidth.of($0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)) : 0
            })
        #expect(ends.count == 1, "prices do not end in one column: \(priced)")
    }

    @Test func cartTotalsShowEveryPart() {
        let app = ScreenFixtures.app(Self.state("cart"))
        let text = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default).buffer.rowsAsText()
            .joined(separator: "\n")
        for part in [
            "Subtotal", "Discounts (WELCOME10)", "Tax", "Shipping", "Gift card (GIFT500)", "To be paid", "₹2,332.17",
        ] {
            #expect(text.contains(part), "missing \(part)")
        }
        let bold = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default).buffer
        let toBePaidRow = bold.rowsAsText().firstIndex { $0.contains("To be paid") }!
        #expect(bold[toBePaidRow, 1].style.role == .price)
    }

    @Test func emptyCartSaysWhatToDo() {
        let app = ScreenFixtures.app(Self.state("cart-empty"))
        let text = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default).buffer.rowsAsText()
            .joined(separator: "\n")
        #expect(text.contains("Your cart is empty."))
        #expect(text.contains("press b to browse"))
        #expect(text.contains("b browse"), "the footer must offer the key the message names")
    }

    @Test func otpScreenShowsTheSandboxOTPAndTheCountdownAndParksTheCaret() {
        let app = ScreenFixtures.app(Self.state("otp"))
        let frame = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        let text = frame.buffer.rowsAsText().joined(separator: "\n")
        #expect(text.contains("sandbox OTP: 123456"))
        #expect(text.contains("23s"))
        #expect(frame.cursor?.visible == true)
    }

    @Test func paymentShowsTheLinkAsAnOSC8RegionAndAQRCode() {
        let app = ScreenFixtures.app(Self.state("payment"))
        let frame = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        let link = "http://127.0.0.1:8080/juspay/pay/ORD-1042"
        #expect(frame.links.contains { $0.url == link })
        for region in frame.links {
            #expect(frame.buffer.rowText(region.row).contains(region.text))
        }
        #expect(frame.buffer.rowsAsText().joined().contains("▀") || frame.buffer.rowsAsText().joined().contains("█"))
        #expect(app.handle(.char("y")) == .copy(link))
    }
}
