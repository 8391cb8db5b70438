import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

@MainActor @Suite struct MoreFailureTests {
    @Test func phoneRegistrationIsValidatedAndItsOTPCanBeResent() async {
        let clock = TestClock()
        let challenge = OTPChallenge(otpToken: "reg", otpAction: "register", otp: "111222")
        let api = StubAPI {
            $0.login = { _ throws(APIError) in
                throw .http(status: 404, code: nil, message: "No user with this phone number", details: [])
            }
            $0.register = { input in
                #expect(input.0 == .phone && input.1.phone == "9876543210")
                return challenge
            }
        }
        var state = guestState()
        state.route = [.catalog, .login]
        state.form[.loginIdentifier] = "987654321"
        let store = makeStore(api, clock: clock, state: state)
        await store.send(.session(.view(.requestOTP))) { $0.auth.message = "Enter a 10-digit mobile number." }
        await store.send(.edit(.loginIdentifier, .insert("0"))) { $0.form[.loginIdentifier] = "9876543210" }
        await store.send(.session(.view(.requestOTP))) {
            $0.inFlight = [.login]
            $0.auth.message = nil
        }
        await store.receive(.session(.response(.accountNotFound))) {
            $0.inFlight = []
            $0.form[.registerPhone] = "9876543210"
            $0.auth.message = "No account for 9876543210 yet: create one."
            $0.route.append(.register)
        }
        await store.send(.setField(.registerFirstName, "Ravi")) { $0.form[.registerFirstName] = "Ravi" }
        await store.send(.edit(.registerPhone, .backspace)) { $0.form[.registerPhone] = "987654321" }
        await store.send(.select) { $0.auth.message = "Enter a 10-digit phone number." }
        await store.send(.edit(.registerPhone, .insert("0"))) { $0.form[.registerPhone] = "9876543210" }
        await store.send(.select) {
            $0.auth.purpose = .register
            $0.inFlight = [.register]
        }
        await store.receive(.session(.response(.otpSent(challenge)))) {
            $0.inFlight = []
            $0.auth.challenge = challenge
            $0.auth.triesLeft = 3
            $0.auth.resendCooldown = 2
            $0.auth.message = nil
            $0.route.append(.otp)
        }
        await store.advance(clock, by: .seconds(2))
        await store.receive(.session(.response(.cooldownTick))) { $0.auth.resendCooldown = 1 }
        await store.receive(.session(.response(.cooldownTick))) { $0.auth.resendCooldown = 0 }
        // Resend registers again (a new challenge, a new cooldown).
        await store.send(.session(.view(.resendOTP))) { $0.inFlight = [.login] }
        await store.receive(.session(.response(.otpSent(challenge)))) {
            $0.inFlight = []
            $0.auth.resendCooldown = 2
        }
        #expect(api.count("register") == 2)
        await store.send(.back) {
            $0.route.removeLast()
            $0.auth.resendCooldown = 0
        }
        await store.finish()
    }

    @Test func emailRegistrationNeedsAnEmail() async {
        var state = guestState()
        state.auth.channel = .email
        state.form[.registerFirstName] = "Nia"
        let store = makeStore(StubAPI(), state: state)
        await store.send(.session(.view(.submitRegistration))) { $0.auth.message = "Enter your email." }
        await store.finish()
    }

    @Test func theCartRefusingTheAddressOrTheDeliveryOptionIsANotice() async {
        let refused = APIError.http(status: 400, code: nil, message: "Address incomplete", details: [])
        let api = StubAPI {
            $0.setAddress = { _ throws(APIError) in throw refused }
            $0.setFulfillmentPreference = { _ throws(APIError) in throw refused }
            $0.redeemGiftCard = { _ throws(APIError) in throw refused }
        }
        var state = reviewState()
        state.route = [.catalog, .checkout(.address)]
        let store = makeStore(api, state: state)
        await store.send(.checkout(.view(.chooseAddress))) {
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setAddresses(billingID: "a1", shippingID: "a1"))
            $0.inFlight = [.addresses, .cart]
        }
        await store.receive(.cart(.response(.mutationFailed(sequence: 1, refused)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.notice = Notice(.error, "Could not use that address: Address incomplete")
        }
        await store.send(.navigate(.checkout(.delivery))) {
            $0.notice = nil
            $0.route.append(.checkout(.delivery))
        }
        await store.send(.select) {
            $0.cart.sequence = 2
            $0.cart.inFlight = CartRequest(sequence: 2, command: .setDelivery(methodID: "std", courierID: nil))
            $0.inFlight = [.delivery, .cart]
        }
        await store.receive(.cart(.response(.mutationFailed(sequence: 2, refused)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.notice = Notice(.error, "Could not choose that delivery option: Address incomplete")
        }
        await store.send(.setField(.giftCardCode, "BAD")) { $0.form[.giftCardCode] = "BAD" }
        await store.send(.cart(.view(.applyGiftCard))) {
            $0.notice = nil
            $0.cart.sequence = 3
            $0.cart.inFlight = CartRequest(sequence: 3, command: .applyGiftCard("BAD"))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationFailed(sequence: 3, refused)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.notice = Notice(.error, "Gift card not applied: Address incomplete")
        }
        await store.finish()
    }

    @Test func placingNeedsAnAddressAndADeliveryOption() async {
        var state = reviewState()
        state.checkout.deliveryMethodID = nil
        let store = makeStore(StubAPI(), state: state)
        await store.send(.checkout(.view(.placeOrder))) {
            $0.notice = Notice(.error, "Choose an address and a delivery option first.")
        }
        await store.finish()
    }
}
