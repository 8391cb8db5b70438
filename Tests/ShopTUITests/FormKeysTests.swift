import ShopCore
import StorefrontAPI
import Testing

@testable import ShopTUI

/// Forms: ↑/↓ and Shift-Tab/Tab move between fields, the notification grid moves like a grid, the login text
/// fits the channel, and ASCII mode draws glyphs that read as words.
@MainActor
@Suite struct FormKeysTests {
    static func screen(_ name: String) -> State {
        ScreenFixtures.screens.first { $0.0 == name }!.1
    }

    @Test func upAndDownMoveBetweenTheFieldsOfAForm() {
        let app = ScreenFixtures.app(Self.screen("address-form"))
        #expect(app.focus == .addressFirstName)
        _ = app.handle(.down)
        #expect(app.focus == .addressLastName)
        _ = app.handle(.down)
        #expect(app.focus == .addressPhone)
        _ = app.handle(.up)
        #expect(app.focus == .addressLastName)
        _ = app.handle(.backTab)
        #expect(app.focus == .addressFirstName)
        #expect(app.keyTable.conflictingKeys.isEmpty)
    }

    @Test func shiftTabReachesTheAppFromTheTerminal() {
        // ESC [ Z as curses hands it over (KEY_BTAB), and as raw bytes.
        var decoder = KeyDecoder()
        #expect(decoder.feed(.keyCode(KeyDecoder.Code.backTab)) == [.backTab])
        let app = ScreenFixtures.app(Self.screen("register"))
        _ = app.handle(.tab)
        _ = app.handle(.backTab)
        #expect(app.focus == .registerFirstName)
    }

    @Test func theNotificationGridMovesRightWithTheRightArrowAndDownAColumn() {
        let app = ScreenFixtures.app(Self.screen("notifications"))
        var recorded: [Action] = []
        app.store.observe { action, _ in if !action.isKeyStamp { recorded.append(action) } }
        let columns = NotificationMedium.allCases.count
        _ = app.handle(.right)
        #expect(recorded.last == .moveSelection(by: 1))
        #expect(app.state.account.preferenceIndex == 2)
        _ = app.handle(.down)
        #expect(recorded.last == .moveSelection(by: columns))
        #expect(app.state.account.preferenceIndex == 2 + columns)
        _ = app.handle(.left)
        #expect(app.state.account.preferenceIndex == 1 + columns)
        _ = app.handle(.up)
        #expect(app.state.account.preferenceIndex == 1)
    }

    @Test func theLoginTextFitsTheChannel() {
        var state = Self.screen("login")
        let phone = ScreenKeyText.draw(ScreenFixtures.app(state))
        #expect(phone.contains("a new number creates an"))
        state.auth.channel = .email
        state.form[.loginIdentifier] = ""
        let email = ScreenKeyText.draw(ScreenFixtures.app(state))
        #expect(email.contains("a new address creates an"))
        #expect(!email.contains("new number"))
    }

    @Test func theEmailFieldIsNotPrefilledWithThePhoneNumber() {
        let app = ScreenFixtures.app(Self.screen("login"))
        #expect(app.state.form[.loginIdentifier] == "98765")
        _ = app.handle(.down)
        #expect(app.state.auth.channel == .email)
        let text = ScreenKeyText.draw(app)
        #expect(!text.contains("98765"))
        #expect(text.contains("you@example.com"))
    }

    /// An order placed with nothing to pay (points, credit or a gift card cover it) is not thanked for a payment.
    @Test func anOrderWithNothingToPaySaysSo() {
        var state = Self.screen("payment-paid")
        let number = state.payment.orderNumber ?? ""
        var order = Order(
            orderNumber: number, status: .confirmed, paymentStatus: .success, grandTotal: .zero, toBePaid: .zero)
        state.checkout.order = order
        let covered = ScreenKeyText.draw(ScreenFixtures.app(state))
        #expect(covered.contains("Nothing to pay: points, credit or a gift card cover it."), "\(covered)")
        #expect(!covered.contains("Payment received"), "\(covered)")
        order.toBePaid = Money(minorUnits: 100)
        state.checkout.order = order
        #expect(ScreenKeyText.draw(ScreenFixtures.app(state)).contains("Payment received: paid."))
    }

    @Test func asciiModeSaysOKAndCutsWithThreeDots() {
        let paid = ScreenFixtures.app(Self.screen("payment-paid"))
        let text = ScreenKeyText.draw(paid, theme: .plainASCII)
        #expect(text.contains("OK Payment received"))
        #expect(!text.contains("v Payment received"))
        var state = ScreenFixtures.base
        state.catalog.selectedIndex = 4
        let narrow = ScreenKeyText.draw(ScreenFixtures.app(state), width: 40, height: 12, theme: .plainASCII)
        #expect(narrow.contains("Kashmiri Kahwa"))
        #expect(narrow.contains("..."))
        #expect(!narrow.contains("~"))
    }
}

/// The text of a frame of `app`.
@MainActor
enum ScreenKeyText {
    static func draw(_ app: ShopApp, width: Int = 80, height: Int = 24, theme: Theme = .default) -> String {
        TerminalRunner.composeFrame(program: app, width: width, height: height, theme: theme).buffer.rowsAsText()
            .joined(separator: "\n")
    }
}
