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
        .session(.chooseChannel(.whatsapp)), .session(.requestOTP), .session(.resendOTP), .session(.submitOTP),
        .session(.submitRegistration), .session(.loginWithPassword), .session(.togglePasswordLogin),
        .session(.registerWithPassword), .session(.requestLogout), .session(.cancelLogout), .session(.logout),
        .session(.started(Fixtures.guest)),
        .session(.startFailed(.timeout)), .session(.otpSent(OTPChallenge(otpToken: "t", otpAction: "login"))),
        .session(.otpRequestFailed(.network("n"))), .session(.accountNotFound), .session(.cooldownTick),
        .session(.otpRejected(error)), .session(.signedIn(user: Fixtures.asha, claims: Fixtures.member)),
        .session(.signInFailed(.signedOut)), .session(.userLoaded(Fixtures.asha)), .session(.signedOut(Fixtures.guest)),
        .session(.logoutFailed(.cancelled)), .session(.expired(Fixtures.guest)),
        .catalog(.loadMore), .catalog(.refresh),
        .catalog(.pageLoaded(page: 1, products: [Fixtures.product("p1")], nextPage: 2, total: 9)),
        .catalog(.pageFailed(.timeout)), .catalog(.categoriesLoaded([Category(id: "k", name: "K", slug: "k")])),
        .catalog(.categoriesFailed(.timeout)), .catalog(.chooseCategory(nil)),
        .catalog(.searchAnswered(generation: 2, query: "q", items: [Fixtures.catalogItem("p1")])),
        .catalog(.searchFailed(generation: 1, .decoding(path: "a.b", message: "m"))), .catalog(.clearSearch),
        .product(.open(id: "p1")), .product(.loaded(Fixtures.product("p1"), variants: [])),
        .product(.failed(id: "p1", .timeout)), .product(.selectVariant(1)), .product(.changeQuantity(by: 1)),
        .product(.addToCart), .product(.addToWishlist),
        .cart(.load), .cart(.loaded(cart)), .cart(.loaded(nil)), .cart(.loadFailed(.timeout)),
        .cart(.setQuantity(line, 2, preview: Fixtures.item("p1", quantity: 2))), .cart(.incrementSelected),
        .cart(.decrementSelected), .cart(.removeSelected), .cart(.undoRemove), .cart(.moveSelectedToWishlist),
        .cart(.moveToWishlist(line)),
        .cart(.movedToWishlist(line, [Fixtures.catalogItem("p1")])), .cart(.moveToWishlistFailed(line, .timeout)),
        .cart(.applyGiftCard), .cart(.removeGiftCard), .cart(.redeemLoyaltyPoints), .cart(.removeLoyaltyPoints),
        .cart(.redeemCreditBalance), .cart(.removeCreditBalance), .cart(.mutationSucceeded(sequence: 3, cart)),
        .cart(.mutationFailed(sequence: 3, error)),
        .wishlist(.load), .wishlist(.loaded([])), .wishlist(.failed(.timeout)), .wishlist(.add(line)),
        .wishlist(.remove(line)), .wishlist(.removeSelected), .wishlist(.moveToCart(line)),
        .wishlist(.moveSelectedToCart),
        .wishlist(.updated([Fixtures.catalogItem("p2")])),
        .coupons(.load), .coupons(.evaluated(applicable: [CouponTests.save10], inapplicable: [CouponTests.big])),
        .coupons(.failed(.timeout)), .coupons(.apply(code: "SAVE10")), .coupons(.applyTyped), .coupons(.applySelected),
        .coupons(.remove),
        .checkout(.start), .checkout(.addressesLoaded([Fixtures.address()])), .checkout(.addressesFailed(.timeout)),
        .checkout(.chooseAddress), .checkout(.newAddress), .checkout(.saveAddress),
        .checkout(.addressSaved(Fixtures.address())),
        .checkout(.addressFailed(.timeout)), .checkout(.skipBusiness), .checkout(.submitBusiness),
        .checkout(.businessSaved(try! Fixtures.decode(#"{"id":"c","business":{"name":"B"}}"#))),
        .checkout(.businessFailed(.timeout)),
        .checkout(.serviceabilityChecked(Serviceability(isServiceable: true), methods: [standard])),
        .checkout(
            .serviceabilityChecked(
                Serviceability(isServiceable: false), methods: [], stores: try! collectOnlyOptions().collect ?? [])),
        .checkout(.pincodeChecked(pincode: "194101", .undeliverable(items: ["Shirt"], collect: true))),
        .checkout(.pincodeChecked(pincode: "560001", .deliverable)),
        .checkout(.pincodeChecked(pincode: "560002", .checking)), .checkout(.pincodeChecked(pincode: "1", .unknown)),
        .checkout(.deliveryFailed(.timeout)), .checkout(.chooseDelivery), .checkout(.placeOrder),
        .checkout(.orderPlaced(order, paymentRequired: true, paymentInfo: info)), .checkout(.orderFailed(.timeout)),
        .payment(.linkReady("https://p")), .payment(.linkReady(nil)), .payment(.setupFailed(.timeout)),
        .payment(.statusPolled(attempt: 1, PaymentStatus(status: .partiallyPaid, amountPaid: Fixtures.rupees(1)))),
        .payment(.pollFailed(attempt: 2, .timeout)), .payment(.timedOut), .payment(.stopPolling), .payment(.checkAgain),
        .payment(.retry), .payment(.retried(info)), .payment(.retried(nil)), .payment(.retryFailed(.timeout)),
        .payment(.done),
        .orders(.load), .orders(.loadMore), .orders(.loaded(page: 1, orders: [order], nextPage: nil)),
        .orders(.failed(.timeout)), .orders(.open(orderNumber: "ORD-1")), .orders(.detailLoaded(order)),
        .orders(.detailFailed(.timeout)),
        .account(.editProfile), .account(.saveProfile), .account(.profileSaved(Fixtures.asha)),
        .account(.loadPreferences),
        .account(.preferencesLoaded(preferences)), .account(.togglePreference(.promotional, .sms)),
        .account(.toggleSelectedPreference), .account(.savePreferences), .account(.preferencesSaved(preferences)),
        .account(.changePassword), .account(.passwordChanged), .account(.forgotPassword),
        .account(.resetOTPSent(OTPChallenge(otpToken: "t", otpAction: "reset-password"))), .account(.submitReset),
        .account(.passwordReset), .account(.requestDeactivation), .account(.confirmDeactivation),
        .account(.cancelDeactivation), .account(.deactivated(Fixtures.guest)), .account(.failed(.profile, .timeout)),
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
        let action = Action.session(.started(claims))
        #expect(try ActionLog.action(from: ActionLog.line(for: action)) == action)
    }

    @Test func otpsTokensAndPasswordsAreRedacted() throws {
        let secrets: [Action] = [
            .edit(.otp, .insert("1")), .setField(.otp, "123456"), .setField(.password, "hunter22"),
            .edit(.password, .insert("hunter22")), .edit(.currentPassword, .insert("old-pass")),
            .setField(.newPassword, "new-pass-9"),
            .session(.otpSent(OTPChallenge(otpToken: "tok-SECRET", otpAction: "login", otp: "123456"))),
            .account(.resetOTPSent(OTPChallenge(otpToken: "tok-SECRET", otpAction: "reset-password", otp: "123456"))),
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
        store.send(.product(.changeQuantity(by: 2)))
        store.send(.select)
        await store.finish()
        store.send(.navigate(.cart))
        await store.finish()
        store.send(.cart(.incrementSelected))
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
