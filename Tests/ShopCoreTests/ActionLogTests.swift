import Foundation
import ShopTestSupport
import StorefrontAPI
import Synchronization
import Testing

@testable import ShopCore

/// One value of every action case: each must survive the log.
@MainActor let everyAction: [Action] = {
    let cart = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
    let line = Fixtures.line("p1")
    let order = Fixtures.order()
    let error = APIError.http(status: 400, code: "X", message: "m", details: [FieldIssue(field: "f", message: "bad")])
    let preferences = NotificationPreferences(
        transactional: NotificationChannels(email: true, sms: false, whatsapp: true), promotional: nil, newsletter: nil)
    let info = PaymentInfo(id: "i", status: "NEW", orderId: "ORD-1", paymentLinks: PaymentLinks(web: "https://p"))
    return [
        .appStarted, .moveSelection(by: -2), .select, .edit(.searchQuery, .insert("k")), .edit(.couponCode, .backspace),
        .edit(.gstin, .clear), .setField(.addressCity, "Pune"), .dismissNotice, .navigate(.product(id: "p1")),
        .navigate(.checkout(.delivery)), .navigate(.payment(orderNumber: "ORD-1")), .back,
        .session(.view(.chooseChannel(.whatsapp))), .session(.view(.requestOTP)), .session(.view(.resendOTP)),
        .session(.view(.submitOTP)),
        .session(.view(.submitRegistration)), .session(.view(.loginWithPassword)),
        .session(.view(.togglePasswordLogin)),
        .session(.view(.registerWithPassword)), .session(.view(.requestLogout)), .session(.view(.cancelLogout)),
        .session(.view(.logout)),
        .session(.response(.started(Fixtures.guest))),
        .session(.response(.startFailed(.timeout))),
        .session(.response(.otpSent(OTPChallenge(otpToken: "t", otpAction: "login")))),
        .session(.response(.otpRequestFailed(.network("n")))), .session(.response(.accountNotFound)),
        .session(.response(.cooldownTick)),
        .session(.response(.otpRejected(error))),
        .session(.response(.signedIn(user: Fixtures.asha, claims: Fixtures.member))),
        .session(.response(.signInFailed(.signedOut))), .session(.response(.userLoaded(Fixtures.asha))),
        .session(.response(.signedOut(Fixtures.guest))),
        .session(.response(.logoutFailed(.cancelled))), .session(.response(.expired(Fixtures.guest))),
        .catalog(.view(.loadMore)), .catalog(.view(.refresh)),
        .catalog(.response(.pageLoaded(page: 1, products: [Fixtures.product("p1")], nextPage: 2, total: 9))),
        .catalog(.response(.pageFailed(.timeout))),
        .catalog(.response(.categoriesLoaded([Category(id: "k", name: "K", slug: "k")]))),
        .catalog(.response(.categoriesFailed(.timeout))), .catalog(.view(.chooseCategory(nil))),
        .catalog(.response(.searchAnswered(generation: 2, query: "q", items: [Fixtures.catalogItem("p1")]))),
        .catalog(.response(.searchFailed(generation: 1, .decoding(path: "a.b", message: "m")))),
        .catalog(.view(.clearSearch)),
        .product(.view(.open(id: "p1"))), .product(.response(.loaded(Fixtures.product("p1"), variants: []))),
        .product(.response(.failed(id: "p1", .timeout))), .product(.view(.selectVariant(1))),
        .product(.view(.changeQuantity(by: 1))),
        .product(.view(.addToCart)), .product(.view(.addToWishlist)),
        .cart(.view(.load)), .cart(.response(.loaded(cart))), .cart(.response(.loaded(nil))),
        .cart(.response(.loadFailed(.timeout))),
        .cart(.view(.setQuantity(line, 2, preview: Fixtures.item("p1", quantity: 2)))),
        .cart(.view(.incrementSelected)),
        .cart(.view(.decrementSelected)), .cart(.view(.removeSelected)), .cart(.view(.undoRemove)),
        .cart(.view(.moveSelectedToWishlist)),
        .cart(.view(.moveToWishlist(line))),
        .cart(.response(.movedToWishlist(line, [Fixtures.catalogItem("p1")]))),
        .cart(.response(.moveToWishlistFailed(line, .timeout))),
        .cart(.view(.applyGiftCard)), .cart(.view(.removeGiftCard)), .cart(.view(.redeemLoyaltyPoints)),
        .cart(.view(.removeLoyaltyPoints)),
        .cart(.view(.redeemCreditBalance)), .cart(.view(.removeCreditBalance)),
        .cart(.response(.mutationSucceeded(sequence: 3, cart))),
        .cart(.response(.mutationFailed(sequence: 3, error))),
        .wishlist(.view(.load)), .wishlist(.response(.loaded([]))), .wishlist(.response(.failed(.timeout))),
        .wishlist(.view(.add(line))),
        .wishlist(.view(.remove(line))), .wishlist(.view(.removeSelected)), .wishlist(.view(.moveToCart(line))),
        .wishlist(.view(.moveSelectedToCart)),
        .wishlist(.response(.updated([Fixtures.catalogItem("p2")]))),
        .coupons(.view(.load)),
        .coupons(.response(.evaluated(applicable: [CouponTests.save10], inapplicable: [CouponTests.big]))),
        .coupons(.response(.failed(.timeout))), .coupons(.view(.apply(code: "SAVE10"))), .coupons(.view(.applyTyped)),
        .coupons(.view(.applySelected)),
        .coupons(.view(.remove)),
        .checkout(.view(.start)), .checkout(.response(.addressesLoaded([Fixtures.address()]))),
        .checkout(.response(.addressesFailed(.timeout))),
        .checkout(.view(.chooseAddress)), .checkout(.view(.newAddress)), .checkout(.view(.saveAddress)),
        .checkout(.response(.addressSaved(Fixtures.address()))),
        .checkout(.response(.addressFailed(.timeout))), .checkout(.view(.skipBusiness)),
        .checkout(.view(.submitBusiness)),
        .checkout(.response(.businessSaved(try! Fixtures.decode(#"{"id":"c","business":{"name":"B"}}"#)))),
        .checkout(.response(.businessFailed(.timeout))),
        .checkout(.response(.serviceabilityChecked(Serviceability(isServiceable: true), methods: [standard]))),
        .checkout(
            .response(
                .serviceabilityChecked(
                    Serviceability(isServiceable: false), methods: [], stores: try! collectOnlyOptions().collect ?? []))
        ),
        .checkout(.response(.pincodeChecked(pincode: "194101", .undeliverable(items: ["Shirt"], collect: true)))),
        .checkout(.response(.pincodeChecked(pincode: "560001", .deliverable))),
        .checkout(.response(.pincodeChecked(pincode: "560002", .checking))),
        .checkout(.response(.pincodeChecked(pincode: "1", .unknown))),
        .checkout(.response(.deliveryFailed(.timeout))), .checkout(.view(.chooseDelivery)),
        .checkout(.view(.placeOrder)),
        .checkout(.response(.orderPlaced(order, paymentRequired: true, paymentInfo: info))),
        .checkout(.response(.orderFailed(.timeout))),
        .payment(.response(.linkReady("https://p"))), .payment(.response(.linkReady(nil))),
        .payment(.response(.setupFailed(.timeout))),
        .payment(
            .response(.statusPolled(attempt: 1, PaymentStatus(status: .partiallyPaid, amountPaid: Fixtures.rupees(1))))),
        .payment(.response(.pollFailed(attempt: 2, .timeout))), .payment(.response(.timedOut)),
        .payment(.view(.stopPolling)), .payment(.view(.checkAgain)),
        .payment(.view(.retry)), .payment(.response(.retried(info))), .payment(.response(.retried(nil))),
        .payment(.response(.retryFailed(.timeout))),
        .payment(.view(.done)),
        .orders(.view(.load)), .orders(.view(.loadMore)),
        .orders(.response(.loaded(page: 1, orders: [order], nextPage: nil))),
        .orders(.response(.failed(.timeout))), .orders(.view(.open(orderNumber: "ORD-1"))),
        .orders(.response(.detailLoaded(order))),
        .orders(.response(.detailFailed(.timeout))),
        .account(.view(.editProfile)), .account(.view(.saveProfile)), .account(.response(.profileSaved(Fixtures.asha))),
        .account(.view(.loadPreferences)),
        .account(.response(.preferencesLoaded(preferences))), .account(.view(.togglePreference(.promotional, .sms))),
        .account(.view(.toggleSelectedPreference)), .account(.view(.savePreferences)),
        .account(.response(.preferencesSaved(preferences))),
        .account(.view(.changePassword)), .account(.response(.passwordChanged)), .account(.view(.forgotPassword)),
        .account(.response(.resetOTPSent(OTPChallenge(otpToken: "t", otpAction: "reset-password")))),
        .account(.view(.submitReset)),
        .account(.response(.passwordReset)), .account(.view(.requestDeactivation)),
        .account(.view(.confirmDeactivation)),
        .account(.view(.cancelDeactivation)), .account(.response(.deactivated(Fixtures.guest))),
        .account(.response(.failed(.profile, .timeout))),
    ]
}()

@MainActor @Suite struct ActionLogTests {
    @Test func everyActionIsOneJSONLineThatReadsBack() throws {
        for action in everyAction {
            let line = try ActionLog.line(for: action)
            #expect(!line.contains("\n"))
            let back = try ActionLog.action(from: line)
            if action.redacted == action {
                #expect(back == action, "\(line)")
            } else {
                #expect(back == action.redacted, "\(line)")
            }
        }
    }

    @Test func tokenExpiryDatesSurviveTheLog() throws {
        let claims = TokenClaims(
            userId: "u1", isAnonymous: false, isLoggedIn: true, expiresAt: Date(timeIntervalSince1970: 1_800_000_000))
        let action = Action.session(.response(.started(claims)))
        #expect(try ActionLog.action(from: ActionLog.line(for: action)) == action)
    }

    @Test func otpsTokensAndPasswordsAreRedacted() throws {
        let secrets: [Action] = [
            .edit(.otp, .insert("1")), .setField(.otp, "123456"), .setField(.password, "hunter22"),
            .edit(.password, .insert("hunter22")), .edit(.currentPassword, .insert("old-pass")),
            .setField(.newPassword, "new-pass-9"),
            .session(.response(.otpSent(OTPChallenge(otpToken: "tok-SECRET", otpAction: "login", otp: "123456")))),
            .account(
                .response(
                    .resetOTPSent(OTPChallenge(otpToken: "tok-SECRET", otpAction: "reset-password", otp: "123456")))),
        ]
        for action in secrets {
            let line = try ActionLog.line(for: action)
            for secret in ["123456", "hunter22", "old-pass", "new-pass-9", "tok-SECRET"] {
                #expect(!line.contains(secret), "\(line) leaks \(secret)")
            }
        }
        #expect(try ActionLog.line(for: secrets[6]).contains(ActionLog.mask))
        // Backspace on a secret field carries nothing secret and stays as it is.
        #expect(Action.edit(.otp, .backspace).redacted == .edit(.otp, .backspace))
        // Non-secret fields are kept.
        #expect(try ActionLog.line(for: .setField(.couponCode, "SAVE10")).contains("SAVE10"))
    }

    @Test func secretKeysAreScrubbedWhereverTheyAppear() throws {
        let scrubbed = ActionLog.scrub([
            "access_token": "a.b.c", "nested": [["refreshToken": "r", "otp": "1", "name": "Asha"]], "otp": NSNull(),
        ])
        let data = try JSONSerialization.data(withJSONObject: scrubbed, options: [.sortedKeys])
        let text = String(decoding: data, as: UTF8.self)
        #expect(
            text
                == #"{"access_token":"[redacted]","nested":[{"name":"Asha","otp":"[redacted]","refreshToken":"[redacted]"}],"otp":null}"#
        )
    }

    /// Records a real store's session (intents and answers) and replays it: the same state.
    @Test func replayingARecordedSessionRebuildsTheSameState() async throws {
        let page = try Fixtures.productsPage(["p1", "p2"], next: nil)
        let server = Mutex<Cart?>(nil)
        let api = StubAPI {
            $0.session = { _ in Fixtures.guest }
            $0.products = { _ in page }
            $0.categories = { _ in try! Fixtures.decode(#"{"categories":[]}"#) }
            $0.userCart = { _ in server.withLock { $0 } }
            $0.product = { id in Fixtures.product(id) }
            $0.createCart = { items in
                let cart = Fixtures.cart([Fixtures.item(items[0].productId, quantity: items[0].quantity)])
                server.withLock { $0 = cart }
                return cart
            }
            $0.setItem = { input in
                let cart = Fixtures.cart([Fixtures.item("p1", quantity: input.1.quantity)])
                server.withLock { $0 = cart }
                return cart
            }
        }
        let environment = ShopEnvironment(api: api, clock: TestClock(), policy: .test)
        let store = Store(environment: environment)
        var lines: [String] = []
        store.observe { action, _ in lines.append(try! ActionLog.line(for: action)) }
        store.send(.appStarted)
        await store.finish()
        store.send(.select)
        await store.finish()
        store.send(.product(.view(.changeQuantity(by: 2))))
        store.send(.select)
        await store.finish()
        store.send(.navigate(.cart))
        await store.finish()
        store.send(.cart(.view(.incrementSelected)))
        await store.finish()
        store.send(.setField(.otp, "123456"))
        #expect(store.state.cartCount == 4)
        #expect(!store.hasRunningEffects)
        #expect(lines.count > 10)
        #expect(!lines.joined().contains("123456"))

        let replayed = try ActionLog.replay(lines, environment: environment)
        var expected = store.state
        expected.form[.otp] = ""  // The OTP was redacted and its field only accepts digits.
        #expect(replayed == expected)
        #expect(replayed.currentRoute == .cart)
    }
}
