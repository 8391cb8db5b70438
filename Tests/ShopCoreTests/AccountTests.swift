import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

@MainActor @Suite struct AccountTests {
    @Test func profileEdit() async {
        var renamed = Fixtures.asha
        renamed.firstName = "Asha K"
        let saved = renamed
        let gate = Gate()
        let api = StubAPI {
            $0.updateUser = { update in
                await gate.wait()
                #expect(update.firstName == "Asha K" && update.phone == "9876543210")
                return saved
            }
        }
        var state = memberState()
        state.route = [.catalog, .account]
        let store = makeStore(api, state: state)
        await store.send(.navigate(.profile)) {
            $0.route.append(.profile)
            $0.form[.profileFirstName] = "Asha"
            $0.form[.profileLastName] = "Rao"
            $0.form[.profileEmail] = "asha@example.com"
            $0.form[.profilePhone] = "9876543210"
        }
        await store.send(.edit(.profileFirstName, .clear)) { $0.form[.profileFirstName] = "" }
        await store.send(.select) { $0.notice = Notice(.error, "Enter your first name.") }
        await store.send(.edit(.profileFirstName, .insert("Asha K"))) { $0.form[.profileFirstName] = "Asha K" }
        await store.send(.edit(.profilePhone, .backspace)) { $0.form[.profilePhone] = "987654321" }
        await store.send(.select) { $0.notice = Notice(.error, "Enter a 10-digit phone number.") }
        await store.send(.edit(.profilePhone, .insert("0"))) { $0.form[.profilePhone] = "9876543210" }
        await store.send(.account(.view(.saveProfile))) {
            $0.notice = nil
            $0.inFlight = [.profile]
        }
        await store.send(.account(.view(.saveProfile)))
        gate.open()
        await store.receive(.account(.response(.profileSaved(saved)))) {
            $0.inFlight = []
            $0.user = saved
            $0.notice = Notice(.success, "Profile saved.")
            $0.route = [.catalog, .account]
        }
        await store.finish()
    }

    @Test func notificationPreferences() async {
        let off = NotificationChannels(email: false, sms: false, whatsapp: false)
        let loaded = NotificationPreferences(transactional: off, promotional: off, newsletter: nil)
        var toggled = loaded
        toggled.transactional = NotificationChannels(email: false, sms: true, whatsapp: false)
        toggled.newsletter = NotificationChannels(email: true, sms: false, whatsapp: false)
        let expected = toggled
        let api = StubAPI {
            $0.notificationPreferences = { _ in loaded }
            $0.saveNotificationPreferences = { input in
                #expect(input.0 == expected && input.1 == false)
                return input.0
            }
        }
        var state = memberState()
        state.route = [.catalog, .account]
        let store = makeStore(api, state: state)
        await store.send(.navigate(.notifications)) {
            $0.route.append(.notifications)
            $0.inFlight = [.notifications]
        }
        await store.receive(.account(.response(.preferencesLoaded(loaded)))) {
            $0.account.preferences = loaded
            $0.inFlight = []
        }
        await store.send(.moveSelection(by: 1)) { $0.account.preferenceIndex = 1 }
        await store.send(.select) { $0.account.preferences?.transactional?.sms = true }
        #expect(store.state.account.isEnabled(.transactional, .sms))
        await store.send(.account(.view(.togglePreference(.newsletter, .email)))) {
            $0.account.preferences?.newsletter = NotificationChannels(email: true, sms: false, whatsapp: false)
        }
        await store.send(.account(.view(.savePreferences))) { $0.inFlight = [.notifications] }
        await store.receive(.account(.response(.preferencesSaved(expected)))) {
            $0.inFlight = []
            $0.notice = Notice(.success, "Notification preferences saved.")
        }
        await store.send(.account(.response(.failed(.notifications, .timeout)))) {
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        await store.finish()
    }

    @Test func preferencesThatDoNotExistYetAreCreated() async {
        let off = NotificationChannels(email: false, sms: false, whatsapp: false)
        let none = APIError.http(status: 404, code: "NOT_FOUND", message: "No preferences", details: [])
        let api = StubAPI {
            $0.notificationPreferences = { _ throws(APIError) in throw none }
            $0.saveNotificationPreferences = { input in
                #expect(input.1 == true)
                return input.0
            }
        }
        let store = makeStore(api, state: memberState())
        await store.send(.account(.view(.loadPreferences))) { $0.inFlight = [.notifications] }
        await store.receive(.account(.response(.failed(.notifications, none)))) {
            $0.inFlight = []
            $0.account.preferences = NotificationPreferences(transactional: off, promotional: off, newsletter: off)
            $0.account.preferencesStored = false
        }
        await store.send(.account(.view(.savePreferences))) { $0.inFlight = [.notifications] }
        await store.receive(
            .account(
                .response(
                    .preferencesSaved(NotificationPreferences(transactional: off, promotional: off, newsletter: off))))
        ) {
            $0.inFlight = []
            $0.account.preferencesStored = true
            $0.notice = Notice(.success, "Notification preferences saved.")
        }
        await store.finish()
    }

    @Test func changePasswordWithAWrongCurrentPasswordThenRight() async {
        let api = StubAPI {
            $0.changePassword = { input throws(APIError) in
                if input.0 != "old-secret" { throw .http(status: 401, code: nil, message: "", details: []) }
            }
        }
        var state = memberState()
        state.route = [.catalog, .account, .changePassword]
        let store = makeStore(api, state: state)
        await store.send(.select) { $0.notice = Notice(.error, "Enter your current password.") }
        await store.send(.setField(.currentPassword, "guess")) { $0.form[.currentPassword] = "guess" }
        await store.send(.setField(.newPassword, "short")) { $0.form[.newPassword] = "short" }
        await store.send(.select) { $0.notice = Notice(.error, "The new password needs at least 8 characters.") }
        await store.send(.setField(.newPassword, "new-secret-1")) { $0.form[.newPassword] = "new-secret-1" }
        await store.send(.select) {
            $0.notice = nil
            $0.inFlight = [.password]
        }
        await store.receive(
            .account(.response(.failed(.password, .http(status: 401, code: nil, message: "", details: []))))
        ) {
            $0.inFlight = []
            $0.form[.currentPassword] = ""
            $0.form[.newPassword] = ""
            $0.notice = Notice(.error, "The current password is wrong.")
        }
        await store.send(.setField(.currentPassword, "old-secret")) { $0.form[.currentPassword] = "old-secret" }
        await store.send(.setField(.newPassword, "new-secret-1")) { $0.form[.newPassword] = "new-secret-1" }
        await store.send(.account(.view(.changePassword))) {
            $0.notice = nil
            $0.inFlight = [.password]
        }
        await store.receive(.account(.response(.passwordChanged))) {
            $0.inFlight = []
            $0.form = Form()
            $0.route = [.catalog, .account]
            $0.notice = Notice(.success, "Password changed.")
        }
        await store.finish()
    }

    @Test func forgotAndResetPassword() async {
        let clock = TestClock()
        let challenge = OTPChallenge(otpToken: "reset-tok", otpAction: "reset-password", otp: "999000")
        let api = StubAPI {
            $0.forgotPassword = { input in
                #expect(input.0 == "asha@example.com" && input.1 == nil)
                return challenge
            }
            $0.verifyOTP = { input in
                #expect(input.0 == "999000")
                return nil
            }
            $0.resetPassword = { input in #expect(input == ("new-secret-1", "reset-tok")) }
        }
        var state = guestState()
        state.route = [.catalog, .login, .forgotPassword]
        let store = makeStore(api, clock: clock, state: state)
        await store.send(.setField(.resetIdentifier, "asha@")) { $0.form[.resetIdentifier] = "asha@" }
        await store.send(.select) { $0.notice = Notice(.error, "Enter an email address like asha@example.com.") }
        await store.send(.setField(.resetIdentifier, "asha@example.com")) {
            $0.form[.resetIdentifier] = "asha@example.com"
        }
        await store.send(.select) {
            $0.notice = nil
            $0.auth.purpose = .resetPassword
            $0.inFlight = [.login]
        }
        await store.receive(.account(.response(.resetOTPSent(challenge)))) {
            $0.inFlight = []
            $0.account.resetChallenge = challenge
            $0.auth.challenge = challenge
            $0.auth.triesLeft = 3
            $0.auth.resendCooldown = 2
            $0.route.append(.resetPassword)
        }
        #expect(store.state.auth.sandboxOTP == "999000")
        await store.send(.select) { $0.notice = Notice(.error, "Enter the OTP you received.") }
        await store.send(.setField(.otp, "999000")) { $0.form[.otp] = "999000" }
        await store.send(.select) { $0.notice = Notice(.error, "The new password needs at least 8 characters.") }
        await store.send(.setField(.newPassword, "new-secret-1")) { $0.form[.newPassword] = "new-secret-1" }
        await store.send(.select) {
            $0.notice = nil
            $0.inFlight = [.password]
        }
        await store.receive(.account(.response(.passwordReset))) {
            $0.inFlight = []
            $0.form[.otp] = ""
            $0.form[.newPassword] = ""
            $0.account.resetChallenge = nil
            $0.route = [.catalog, .login]
            $0.notice = Notice(.success, "Password reset. You can log in with it.")
        }
        // The resend cooldown still runs; it ends on the clock.
        await store.advance(clock, by: .seconds(2))
        await store.receive(.session(.response(.cooldownTick))) { $0.auth.resendCooldown = 1 }
        await store.receive(.session(.response(.cooldownTick))) { $0.auth.resendCooldown = 0 }
        await store.finish()
    }

    @Test func deactivationNeedsConfirmation() async {
        let api = StubAPI {
            $0.deactivateAccount = { _ in }
            $0.session = { _ in Fixtures.guest }
            $0.userCart = { _ in nil }
        }
        var state = memberState()
        state.route = [.catalog, .account]
        let store = makeStore(api, state: state)
        await store.send(.select)
        await store.send(.account(.view(.confirmDeactivation)))
        await store.send(.account(.view(.requestDeactivation))) { $0.account.confirmingDeactivation = true }
        await store.send(.back) { $0.account.confirmingDeactivation = false }
        await store.send(.account(.view(.requestDeactivation))) { $0.account.confirmingDeactivation = true }
        await store.send(.account(.view(.cancelDeactivation))) { $0.account.confirmingDeactivation = false }
        await store.send(.account(.view(.requestDeactivation))) { $0.account.confirmingDeactivation = true }
        await store.send(.select) {
            $0.account.confirmingDeactivation = false
            $0.inFlight = [.deactivate]
        }
        await store.receive(.account(.response(.deactivated(Fixtures.guest)))) {
            $0.session = .ready(Fixtures.guest)
            $0.user = nil
            $0.cart = CartState()
            // The session was dropped and a new guest minted: its cart is known empty, not read.
            $0.cart.isLoaded = true
            $0.route = [.catalog]
            $0.inFlight = []
            $0.notice = Notice(.info, "Your account was deactivated.")
        }
        #expect(api.count("userCart") == 0)
        // A guest has nothing to deactivate.
        await store.send(.account(.view(.requestDeactivation))) { $0.notice = nil }
        await store.finish()
    }

    @Test func accountScreenLoadsTheUserAndTheLoyaltyPoints() async {
        let loyalty = LoyaltyDetails(balance: 250, redeemable: 250)
        let api = StubAPI {
            $0.user = { _ in Fixtures.asha }
            $0.loyalty = { _ in loyalty }
        }
        var state = memberState()
        state.user = nil
        let store = makeStore(api, state: state)
        await store.send(.navigate(.account)) {
            $0.route.append(.account)
            $0.inFlight = [.profile]
        }
        await store.receive(.session(.response(.userLoaded(Fixtures.asha)))) {
            $0.user = Fixtures.asha
            $0.inFlight = []
        }
        // Shown on Account; the points field is the coupons screen's and is not filled from here.
        await store.receive(.account(.response(.loyaltyLoaded(loyalty)))) { $0.account.loyalty = loyalty }
        await store.finish()
        #expect(api.count("loyalty") == 1)
    }
}
