import Foundation
import ShopTestSupport
import StorefrontAPI
import Synchronization
import Testing

@testable import ShopCore

/// A submit that fails without a verdict (no connection, a timeout, a server error) keeps what was typed; one
/// the server rejects may clear it.
@MainActor @Suite struct FailedSubmitTests {
    @Test func anOTPThatTimedOutIsKeptAndEnterAgainSignsIn() async {
        let attempts = Mutex(0)
        let api = StubAPI {
            $0.verifyOTP = { input throws(APIError) in
                #expect(input.0 == "123456")
                let attempt = attempts.withLock { count in
                    count += 1
                    return count
                }
                if attempt == 1 { throw .timeout }
                return Fixtures.asha
            }
            $0.session = { _ in Fixtures.member }
            $0.userCart = { _ in nil }
            $0.wishlist = { _ in [] }
        }
        var state = guestState()
        state.route = [.catalog, .login, .otp]
        state.auth.challenge = Fixtures.challenge
        state.auth.triesLeft = 3
        state.form[.otp] = "123456"
        let store = makeStore(api, state: state)
        await store.send(.select) { $0.inFlight = [.otp] }
        await store.receive(.session(.response(.otpRejected(.timeout)))) {
            $0.inFlight = []
            $0.auth.message = "\(APIError.timeout.message) Your OTP is kept: press Enter to try again."
        }
        #expect(store.state.form[.otp] == "123456")
        #expect(store.state.auth.triesLeft == 3)
        await store.send(.select) {
            $0.inFlight = [.otp]
            $0.auth.message = nil
        }
        await store.receiveOTPSignIn()
        #expect(api.count("verifyOTP") == 2)
        await store.finish()
    }

    @Test func aServerErrorKeepsTheOTPAndAWrongOneClearsIt() async {
        var state = guestState()
        state.route = [.catalog, .login, .otp]
        state.auth.challenge = Fixtures.challenge
        state.auth.triesLeft = 3
        state.form[.otp] = "654321"
        let store = makeStore(StubAPI(), state: state)
        let unavailable = APIError.http(status: 503, code: nil, message: "Service unavailable", details: [])
        await store.send(.session(.response(.otpRejected(unavailable)))) {
            $0.auth.message = "\(unavailable.message) Your OTP is kept: press Enter to try again."
        }
        await store.send(.session(.response(.otpRejected(.network("connection refused"))))) {
            $0.auth.message =
                "\(APIError.network("connection refused").message) Your OTP is kept: press Enter to try again."
        }
        #expect(store.state.form[.otp] == "654321")
        let wrong = APIError.http(status: 400, code: "INVALID_OTP", message: "Invalid OTP", details: [])
        await store.send(.session(.response(.otpRejected(wrong)))) {
            $0.form[.otp] = ""
            $0.auth.triesLeft = 2
            $0.auth.message = "Wrong OTP. 2 tries left."
        }
        await store.finish()
    }

    @Test func aPasswordLoginThatTimedOutKeepsThePassword() async {
        var state = guestState()
        state.route = [.catalog, .login]
        state.form[.loginIdentifier] = "asha@example.com"
        state.form[.password] = "secret-1"
        let store = makeStore(StubAPI(), state: state)
        await store.send(.session(.response(.signInFailed(.timeout)))) {
            $0.auth.message = "\(APIError.timeout.message) Your password is kept: press Enter to try again."
        }
        #expect(store.state.form[.password] == "secret-1")
        await store.send(.session(.response(.signInFailed(.http(status: 401, code: nil, message: "", details: []))))) {
            $0.form[.password] = ""
            $0.auth.message = "Wrong email, phone or password."
        }
        await store.finish()
    }

    @Test func aFailedAddressSaveKeepsTheForm() async {
        var state = memberState()
        state.route = [.catalog, .cart, .checkout(.address), .addressForm]
        state.form[.addressFirstName] = "Asha"
        state.form[.addressLine1] = "12 MG Road"
        state.form[.addressPincode] = "560001"
        state.inFlight = [.saveAddress]
        let store = makeStore(StubAPI(), state: state)
        await store.send(.checkout(.response(.addressFailed(.timeout)))) {
            $0.inFlight = []
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        #expect(store.state.form[.addressLine1] == "12 MG Road" && store.state.form[.addressPincode] == "560001")
        await store.finish()
    }

    @Test func aCouponOrGiftCardThatFailedOnTheNetworkIsKept() {
        var state = memberState()
        state.route = [.catalog, .cart, .coupons]
        state.form[.couponCode] = "WELCOME10"
        state.form[.giftCardCode] = "GIFT250"
        let environment = ShopEnvironment(api: StubAPI(), clock: TestClock(), policy: .test)
        let unreachable = APIError.network("connection refused")
        let coupon = Reducer.cartCommandFailed(&state, .applyCoupon("WELCOME10"), unreachable, environment)
        let giftCard = Reducer.cartCommandFailed(&state, .applyGiftCard("GIFT250"), unreachable, environment)
        #expect(coupon.isNone && giftCard.isNone)
        #expect(state.form[.couponCode] == "WELCOME10")
        #expect(state.form[.giftCardCode] == "GIFT250")
        #expect(state.notice == Notice(.error, "Gift card not applied: \(unreachable.message)"))
    }
}
