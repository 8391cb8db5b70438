import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

@MainActor @Suite struct SessionTests {
    /// Phone login: OTP sent (sandbox OTP shown), resend cooldown ticks on the test clock, signed in.
    @Test func otpLoginWithCooldownAndSignIn() async {
        let clock = TestClock()
        let api = StubAPI {
            $0.login = { input in
                #expect(input.0 == .phone && input.1 == "9876543210" && input.2 == false)
                return Fixtures.challenge
            }
            $0.verifyOTP = { input in
                #expect(input.0 == "123456")
                return Fixtures.asha
            }
            $0.session = { _ in Fixtures.member }
            $0.userCart = { _ in nil }
            $0.wishlist = { _ in [] }
        }
        let store = makeStore(api, clock: clock, state: guestState())
        await store.send(.navigate(.login)) { $0.route = [.catalog, .login] }
        await store.send(.setField(.loginIdentifier, "98765 43210")) { $0.form[.loginIdentifier] = "98765 43210" }
        await store.send(.session(.view(.requestOTP))) {
            $0.auth.message = "Enter a 10-digit mobile number."
        }
        await store.send(.edit(.loginIdentifier, .clear)) { $0.form[.loginIdentifier] = "" }
        await store.send(.edit(.loginIdentifier, .insert("9876543210"))) {
            $0.form[.loginIdentifier] = "9876543210"
        }
        await store.send(.select) {
            $0.inFlight = [.login]
            $0.auth.message = nil
        }
        await store.receive(.session(.response(.otpSent(Fixtures.challenge)))) {
            $0.inFlight = []
            $0.auth.challenge = Fixtures.challenge
            $0.auth.triesLeft = 3
            $0.auth.resendCooldown = 2
            $0.route = [.catalog, .login, .otp]
        }
        #expect(store.state.auth.sandboxOTP == "123456")
        #expect(!store.state.auth.canResend)
        // Resend is refused during the cooldown.
        await store.send(.session(.view(.resendOTP)))
        await store.advance(clock, by: .seconds(1))
        await store.receive(.session(.response(.cooldownTick))) { $0.auth.resendCooldown = 1 }
        await store.advance(clock, by: .seconds(1))
        await store.receive(.session(.response(.cooldownTick))) { $0.auth.resendCooldown = 0 }
        await store.send(.edit(.otp, .insert("12a3456789"))) { $0.form[.otp] = "123456" }
        await store.send(.select) { $0.inFlight = [.otp] }
        await store.receiveOTPSignIn()
        #expect(store.state.isSignedIn)
        await store.finish()
    }

    @Test func wrongOTPCountsDownTriesAndThenRequiresANewOTP() async {
        let clock = TestClock()
        let wrong = APIError.http(status: 400, code: "INVALID_OTP", message: "Invalid OTP", details: [])
        let api = StubAPI {
            $0.verifyOTP = { _ throws(APIError) in throw wrong }
            $0.login = { _ in Fixtures.challenge }
        }
        var state = guestState()
        state.route = [.catalog, .login, .otp]
        state.auth.challenge = Fixtures.challenge
        state.auth.triesLeft = 2
        state.form[.loginIdentifier] = "9876543210"
        let store = makeStore(api, clock: clock, state: state)
        await store.send(.session(.view(.submitOTP))) { $0.auth.message = "Enter the OTP you received." }
        await store.send(.setField(.otp, "111111")) { $0.form[.otp] = "111111" }
        await store.send(.session(.view(.submitOTP))) {
            $0.inFlight = [.otp]
            $0.auth.message = nil
        }
        await store.receive(.session(.response(.otpRejected(wrong)))) {
            $0.inFlight = []
            $0.auth.triesLeft = 1
            $0.form[.otp] = ""
            $0.auth.message = "Wrong OTP. 1 try left."
        }
        await store.send(.setField(.otp, "222222")) { $0.form[.otp] = "222222" }
        await store.send(.session(.view(.submitOTP))) {
            $0.inFlight = [.otp]
            $0.auth.message = nil
        }
        await store.receive(.session(.response(.otpRejected(wrong)))) {
            $0.inFlight = []
            $0.auth.triesLeft = 0
            $0.form[.otp] = ""
            $0.auth.message = "Wrong OTP. No tries left: ask for a new OTP."
        }
        await store.send(.setField(.otp, "333333")) { $0.form[.otp] = "333333" }
        await store.send(.session(.view(.submitOTP))) { $0.auth.message = "Too many wrong OTPs. Ask for a new one." }
        #expect(api.count("verifyOTP") == 2)
        // Resend: a new challenge, tries restored, cooldown again.
        await store.send(.session(.view(.resendOTP))) {
            $0.inFlight = [.login]
            $0.auth.message = nil
        }
        await store.receive(.session(.response(.otpSent(Fixtures.challenge)))) {
            $0.inFlight = []
            $0.auth.triesLeft = 3
            $0.auth.resendCooldown = 2
            $0.form[.otp] = ""
        }
        await store.advance(clock, by: .seconds(2))
        await store.receive(.session(.response(.cooldownTick))) { $0.auth.resendCooldown = 1 }
        await store.receive(.session(.response(.cooldownTick))) { $0.auth.resendCooldown = 0 }
        await store.finish()
    }

    @Test func otpRequestErrorsStayOnTheLoginScreen() async {
        var state = guestState()
        state.auth.triesLeft = 3
        state.form[.otp] = "1"
        let store = makeStore(StubAPI(), state: state)
        await store.send(.session(.response(.otpRequestFailed(.timeout)))) {
            $0.auth.message = APIError.timeout.message
        }
        await store.send(.session(.response(.otpRejected(.timeout)))) {
            $0.auth.message = "\(APIError.timeout.message) Your OTP is kept: press Enter to try again."
        }
        // An expired OTP (or too many tries server-side) needs a new one.
        let expired = APIError.http(status: 400, code: "OTP_EXPIRED", message: "OTP has expired", details: [])
        await store.send(.session(.response(.otpRejected(expired)))) {
            $0.form[.otp] = ""
            $0.auth.triesLeft = 0
            $0.auth.message = "OTP has expired. Ask for a new OTP."
        }
        await store.send(.session(.view(.submitOTP)))
        await store.finish()
    }

    @Test func unknownAccountLeadsToRegistrationThenOTP() async {
        let registerChallenge = OTPChallenge(otpToken: "reg", otpAction: "register", otp: "654321")
        let api = StubAPI {
            $0.login = { _ throws(APIError) in
                throw .http(status: 404, code: "NOT_FOUND", message: "User not found", details: [])
            }
            $0.register = { input in
                #expect(input.0 == .email)
                #expect(input.1.email == "new@example.com" && input.1.firstName == "Nia")
                return registerChallenge
            }
        }
        var state = guestState()
        state.route = [.catalog, .login]
        let store = makeStore(api, state: state)
        await store.send(.session(.view(.chooseChannel(.email)))) { $0.auth.channel = .email }
        await store.send(.setField(.loginIdentifier, "new@example.com")) {
            $0.form[.loginIdentifier] = "new@example.com"
        }
        await store.send(.session(.view(.requestOTP))) { $0.inFlight = [.login] }
        await store.receive(.session(.response(.accountNotFound))) {
            $0.inFlight = []
            $0.form[.registerEmail] = "new@example.com"
            $0.auth.message = "No account for new@example.com yet: create one."
            $0.route = [.catalog, .login, .register]
        }
        await store.send(.session(.view(.submitRegistration))) { $0.auth.message = "Enter your first name." }
        await store.send(.setField(.registerFirstName, "Nia")) { $0.form[.registerFirstName] = "Nia" }
        await store.send(.select) {
            $0.auth.purpose = .register
            $0.inFlight = [.register]
        }
        await store.receive(.session(.response(.otpSent(registerChallenge)))) {
            $0.inFlight = []
            $0.auth.challenge = registerChallenge
            $0.auth.triesLeft = 3
            $0.auth.message = nil
            $0.auth.resendCooldown = 2
            $0.route = [.catalog, .login, .register, .otp]
        }
        // Leaving the OTP screen stops its cooldown.
        await store.send(.back) {
            $0.route = [.catalog, .login, .register]
            $0.auth.resendCooldown = 0
        }
        await store.finish()
    }

    @Test func passwordLoginAndWrongPassword() async {
        let api = StubAPI {
            $0.loginWithPassword = { input throws(APIError) in
                if input.1 == "secret-1" { return Fixtures.asha }
                throw .http(status: 401, code: "INVALID_CREDENTIALS", message: "", details: [])
            }
            $0.session = { _ in Fixtures.member }
            $0.userCart = { _ in nil }
            $0.wishlist = { _ in [] }
        }
        var state = guestState()
        state.route = [.catalog, .login]
        state.form[.loginIdentifier] = "asha@example.com"
        let store = makeStore(api, state: state)
        await store.send(.session(.view(.loginWithPassword))) {
            $0.auth.message = "Enter your email or phone and your password."
        }
        await store.send(.setField(.password, "wrong")) { $0.form[.password] = "wrong" }
        await store.send(.session(.view(.loginWithPassword))) { $0.inFlight = [.login] }
        await store.receive(
            .session(
                .response(.signInFailed(.http(status: 401, code: "INVALID_CREDENTIALS", message: "", details: []))))
        ) {
            $0.inFlight = []
            $0.form[.password] = ""
            $0.auth.message = "Wrong email, phone or password."
        }
        await store.send(.setField(.password, "secret-1")) { $0.form[.password] = "secret-1" }
        await store.send(.session(.view(.loginWithPassword))) { $0.inFlight = [.login] }
        await store.receive(.session(.response(.signedIn(user: Fixtures.asha, claims: Fixtures.member)))) {
            $0.inFlight = [.cart, .wishlist]
            $0.session = .ready(Fixtures.member)
            $0.user = Fixtures.asha
            $0.form[.password] = ""
            $0.route = [.catalog]
            $0.auth.message = nil
            $0.notice = Notice(.success, "Signed in as Asha Rao.")
        }
        await store.receive(.cart(.response(.loaded(nil)))) {
            $0.inFlight = [.wishlist]
            $0.cart.isLoaded = true
        }
        await store.receive(.wishlist(.response(.loaded([])))) {
            $0.inFlight = []
            $0.wishlist.isLoaded = true
        }
        await store.finish()
    }

    @Test func logoutBecomesAGuestWithTheServersNewTokens() async {
        let gate = Gate()
        let api = StubAPI {
            $0.logout = { _ in
                await gate.wait()
                return nil
            }
            $0.session = { _ in Fixtures.guest }
            $0.userCart = { _ in nil }
        }
        var state = memberState()
        state.route = [.catalog, .account]
        state.wishlist.items = [Fixtures.catalogItem("w")]
        let store = makeStore(api, state: state)
        await store.send(.session(.view(.logout))) { $0.inFlight = [.logout] }
        await store.send(.session(.view(.logout)))
        gate.open()
        await store.receive(.session(.response(.signedOut(Fixtures.guest)))) {
            $0.inFlight = [.cart]
            $0.session = .ready(Fixtures.guest)
            $0.user = nil
            $0.wishlist = WishlistState()
            $0.cart = CartState()
            $0.route = [.catalog]
            $0.notice = Notice(.info, "Signed out.")
        }
        // The server moves the active cart to the guest that logout answers: that cart is read, once.
        await store.receive(.cart(.response(.loaded(nil)))) {
            $0.inFlight = []
            $0.cart.isLoaded = true
        }
        #expect(api.count("userCart") == 1)
        await store.send(.session(.response(.logoutFailed(.timeout)))) {
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        await store.finish()
    }

    @Test func anExpiredSessionStartsAGuestSessionAndAsksToLogIn() async {
        let api = StubAPI {
            $0.orders = { _ throws(APIError) in throw .signedOut }
            $0.session = { _ in Fixtures.guest }
            $0.userCart = { _ in nil }
        }
        var state = memberState()
        state.route = [.catalog, .account]
        let store = makeStore(api, state: state)
        await store.send(.navigate(.orders)) {
            $0.route = [.catalog, .account, .orders]
            $0.inFlight = [.orders]
        }
        await store.receive(.orders(.response(.failed(.signedOut)))) {
            $0.inFlight = [.session]
            $0.user = nil
            $0.notice = Notice(.error, APIError.signedOut.message)
        }
        await store.receive(.session(.response(.expired(Fixtures.guest)))) {
            $0.inFlight = []
            $0.session = .ready(Fixtures.guest)
            // The client minted this guest when the refresh was rejected: no cart to read (a certain 404).
            $0.cart = CartState()
            $0.cart.isLoaded = true
            $0.route = [.catalog, .login]
        }
        #expect(!store.state.isSignedIn)
        #expect(api.count("userCart") == 0)
        await store.finish()
    }

    @Test func anExpiryThatEndsSignedInReadsThatCart() async {
        // Another window on the same token file signed in meanwhile: those claims are a member's, whose cart is read.
        let api = StubAPI { $0.userCart = { _ in Fixtures.cart([Fixtures.item("p2", quantity: 2)]) } }
        var state = memberState()
        state.route = [.catalog, .orders]
        let store = makeStore(api, state: state)
        await store.send(.session(.response(.expired(Fixtures.member)))) {
            $0.inFlight = [.cart]
            $0.user = nil
            $0.cart = CartState()
            $0.route = [.catalog, .login]
        }
        await store.receive(.cart(.response(.loaded(Fixtures.cart([Fixtures.item("p2", quantity: 2)]))))) {
            $0.inFlight = []
            $0.cart.server = Fixtures.cart([Fixtures.item("p2", quantity: 2)])
            $0.cart.isLoaded = true
        }
        #expect(api.count("userCart") == 1)
        await store.finish()
    }

    @Test func guestsAreSentToLoginAndComeBackAfterwards() async {
        let api = StubAPI {
            $0.verifyOTP = { _ in nil }
            $0.session = { _ in Fixtures.member }
            $0.userCart = { _ in nil }
            $0.wishlist = { _ in [] }
            $0.user = { _ in Fixtures.asha }
            $0.orders = { _ in try! Fixtures.decode(#"{"orders":[]}"#) }
        }
        var state = guestState()
        state.auth.challenge = Fixtures.challenge
        state.auth.triesLeft = 3
        let store = makeStore(api, state: state)
        await store.send(.navigate(.orders)) {
            $0.auth.afterLogin = .orders
            $0.route = [.catalog, .login]
        }
        await store.send(.setField(.otp, "123456")) { $0.form[.otp] = "123456" }
        await store.send(.session(.view(.submitOTP))) { $0.inFlight = [.otp] }
        await store.receive(.session(.response(.signedIn(user: nil, claims: Fixtures.member)))) {
            $0.session = .ready(Fixtures.member)
            $0.auth.challenge = nil
            $0.auth.afterLogin = nil
            $0.form[.otp] = ""
            $0.route = [.catalog, .orders]
            $0.inFlight = [.cart, .wishlist, .profile, .orders]
            $0.notice = Notice(.success, "Signed in as you.")
        }
        await store.receive(.cart(.response(.loaded(nil)))) {
            $0.inFlight.remove(.cart)
            $0.cart.isLoaded = true
        }
        await store.receive(.wishlist(.response(.loaded([])))) {
            $0.inFlight.remove(.wishlist)
            $0.wishlist.isLoaded = true
        }
        await store.receive(.session(.response(.userLoaded(Fixtures.asha)))) {
            $0.inFlight.remove(.profile)
            $0.user = Fixtures.asha
        }
        await store.receive(.orders(.response(.loaded(page: 1, orders: [], nextPage: nil)))) {
            $0.inFlight = []
            $0.orders.nextPage = nil
        }
        await store.finish()
    }
}
