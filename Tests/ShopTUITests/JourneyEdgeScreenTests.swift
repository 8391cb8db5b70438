import Foundation
import ShopCore
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopTUI

/// The keys and screens of issue #14's edges: password login, undo of a removed line, the log-out question,
/// loyalty points and credit balance on screen.
@MainActor
@Suite struct JourneyEdgeScreenTests {
    static func screen(_ app: ShopApp, width: Int = 80, height: Int = 24) -> String {
        var buffer = CellBuffer(width: width, height: height)
        _ = app.render(into: &buffer, theme: .default)
        return buffer.rowsAsText().joined(separator: "\n")
    }

    static var login: State {
        var state = ScreenFixtures.routed(ScreenFixtures.base, [.catalog, .login])
        state.session = .ready(Fixtures.guest)
        state.user = nil
        return state
    }

    @Test func theLoginScreenSwitchesToAPasswordAndBack() {
        let app = ScreenFixtures.app(Self.login)
        #expect(app.focus == .loginIdentifier)
        _ = app.handle(.ctrl("p"))
        #expect(app.state.auth.usePassword)
        #expect(Self.screen(app).contains("Password"))
        // Typing goes to the identifier, Tab to the password, Enter logs in with it.
        for c in "asha@example.com" { _ = app.handle(.char(c)) }
        _ = app.handle(.tab)
        #expect(app.focus == .password)
        for c in "secret-12" { _ = app.handle(.char(c)) }
        #expect(app.state.form[.password] == "secret-12")
        #expect(!Self.screen(app).contains("secret-12"))
        // Enter logs in with the password (no OTP is asked for): without one typed, it says so.
        _ = app.handle(.ctrl("u"))
        _ = app.handle(.enter)
        #expect(app.state.auth.message == "Enter your email or phone and your password.")
        // Back to an OTP: the password field goes, the cursor returns to the identifier.
        _ = app.handle(.ctrl("p"))
        #expect(!app.state.auth.usePassword)
        #expect(app.focus == .loginIdentifier)
    }

    @Test func forgotPasswordAndANewPasswordAccountAreReachableFromLogin() {
        let app = ScreenFixtures.app(Self.login)
        let help = app.keyTable.helpLines().map(\.help)
        #expect(help.contains("Forgot the password: reset it with an OTP"))
        #expect(help.contains("Create an account with a password"))
        _ = app.handle(.ctrl("n"))
        #expect(app.state.currentRoute == .register)
        #expect(app.state.auth.usePassword)
        #expect(app.focus == .registerEmail)
        #expect(Self.screen(app).contains("Create an account with a password"))
        let other = ScreenFixtures.app(Self.login)
        _ = other.handle(.ctrl("f"))
        #expect(other.state.currentRoute == .forgotPassword)
    }

    @Test func uPutsBackTheRemovedLine() {
        let app = ScreenFixtures.app(ScreenFixtures.routed(ScreenFixtures.base, [.catalog, .cart]), api: .offline)
        #expect(app.keyTable.binding(for: .char("u")) == nil)
        _ = app.handle(.char("d"))
        #expect(app.state.notice?.text == "Removed Darjeeling First Flush. u undo")
        #expect(Self.screen(app).contains("u undo"))
        #expect(app.keyTable.binding(for: .char("u"))?.label == "undo")
        var sent: [Action] = []
        app.store.observe { action, _ in if !action.isKeyStamp { sent.append(action) } }
        _ = app.handle(.char("u"))
        #expect(sent.first == .cart(.view(.undoRemove)))
        #expect(app.state.cart.quantity(of: LineID(productId: "p1", variantId: nil)) == 2)
    }

    @Test func capitalLAsksBeforeLoggingOut() {
        let app = ScreenFixtures.app(ScreenFixtures.routed(ScreenFixtures.base, [.catalog, .account]), api: .offline)
        _ = app.handle(.char("L"))
        #expect(app.state.account.confirmingLogout)
        #expect(app.state.isSignedIn)
        #expect(Self.screen(app).contains("Log out?"))
        _ = app.handle(.char("n"))
        #expect(!app.state.account.confirmingLogout)
        #expect(app.state.isSignedIn)
        _ = app.handle(.char("L"))
        var sent: [Action] = []
        app.store.observe { action, _ in if !action.isKeyStamp { sent.append(action) } }
        _ = app.handle(.char("y"))
        #expect(sent.first == .session(.view(.logout)))
    }

    @Test func balancesShowOnTheAccountAndCouponsScreens() {
        var state = ScreenFixtures.base
        state.account.loyalty = LoyaltyDetails(balance: 500, redeemable: 500)
        state.user?.creditBalance = ScreenFixtures.rupees(1_500)
        let account = ScreenFixtures.app(ScreenFixtures.routed(state, [.catalog, .account]))
        let accountText = Self.screen(account, width: 100, height: 30)
        #expect(accountText.contains("500 loyalty points"))
        #expect(accountText.contains("₹1,500.00"))
        let coupons = ScreenFixtures.app(ScreenFixtures.routed(state, [.catalog, .coupons]))
        #expect(Self.screen(coupons).contains("You have 500 loyalty points and ₹1,500.00 credit."))
    }

    /// A real store tells no credit balance (only the sandbox's user carries one): no credit is shown, not ₹0.
    @Test func noCreditBalanceIsShownWhereTheStoreTellsNone() {
        var state = ScreenFixtures.base
        state.account.loyalty = LoyaltyDetails(balance: 120)
        state.user?.creditBalance = nil
        let account = Self.screen(
            ScreenFixtures.app(ScreenFixtures.routed(state, [.catalog, .account])), width: 100, height: 30)
        #expect(account.contains("120 loyalty points"))
        #expect(!account.contains("Credit "))
        #expect(!account.contains("₹0.00"))
        let coupons = Self.screen(ScreenFixtures.app(ScreenFixtures.routed(state, [.catalog, .coupons])))
        #expect(coupons.contains("You have 120 loyalty points."))
        #expect(!coupons.contains("credit."))
    }
}
