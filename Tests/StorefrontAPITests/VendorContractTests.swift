import Foundation
import Testing

@testable import StorefrontAPI

/// The client against the vendor's own documented examples (`VendorExamples/`): a loopback server answers every
/// call with the documented example answer, the client decodes it and the fields the app uses are checked, and
/// the body the client sent is compared key by key with the documented request body.
@Suite("Vendor contract: documented answers decode, requests match the documented bodies")
struct VendorContractTests {
    typealias Call = @Sendable (StorefrontClient) async throws -> Void

    /// Documented request keys the client leaves out on purpose, each with its reason.
    static let unsentOnPurpose: [String: Set<String>] = [
        // Optional cart metadata: the app has none.
        "carts-create-cart": ["metadata"],
        // `bank_account_id` only with `refund_mode: bank_transfer`; `feedback` is optional.
        "orders-cancel-order": ["bank_account_id"],
        // Optional parts of the user the profile screen does not edit (the reference marks first/last name and
        // email required; they and the phone are always sent).
        "auth-update-a-user": ["profile_image_url", "login_methods", "notification_preferences"],
        // Register by email: the phone is optional.
        "auth-register-with-email": ["phone"],
        // Register by password with an email: the phone and its country code are optional.
        "auth-register-with-password": ["phone", "country_code"],
        // Forgot password by phone: no email.
        "auth-forgot-password": ["email"],
        // A new address has no id yet; the default flags are optional and the app leaves them to the store.
        "customers-create-address": ["id", "is_default_billing", "is_default_shipping"],
        "customers-create-customer": ["address.id"],
    ]

    static let identified = TokenPair(
        accessToken: "opaque-access", refreshToken: "opaque-refresh",
        identity: SessionIdentity(userId: "u1", isAnonymous: false, isLoggedIn: true))

    static let hostedPage = PaymentMethodPayload(gatewayReferenceId: "gw-1", returnUrl: "https://example.com/done")

    /// Every documented endpoint the client calls, and what the app reads of its answer.
    static let calls: [String: Call] = [
        "auth-anonymous-user": { _ in },  // run by anonymousSessionFromTheDocumentedAnswer
        "auth-change-password": { try await $0.changePassword(old: "old-secret", new: "new-secret") },
        "auth-create-user-notification-preferences": { client throws in
            let saved = try await client.saveNotificationPreferences(Self.preferences, create: true)
            #expect(saved.transactional?.email == true)
        },
        "auth-update-user-notification-preferences": { client throws in
            let saved = try await client.saveNotificationPreferences(Self.preferences, create: false)
            #expect(saved.promotional?.sms == true)
        },
        "auth-retrieve-user-notification-preferences": { client throws in
            #expect(try await client.notificationPreferences().newsletter?.whatsapp == true)
        },
        "auth-forgot-password": { client throws in
            #expect(try await client.forgotPassword(email: nil, phone: "9876543210").otpToken == "<string>")
        },
        "auth-generate-otp": { client throws in
            let challenge = try await client.generateOTP(
                channel: "sms", phone: "9876543210", email: nil, action: "register")
            #expect(challenge.otpToken == "<string>")
        },
        "auth-login-with-email": { client throws in
            #expect(
                try await client.login(.email, identifier: "a@example.com", registerIfNotExists: true).otpToken
                    == "<string>")
        },
        "auth-login-with-phone": { client throws in
            #expect(
                try await client.login(.phone, identifier: "9876543210", registerIfNotExists: true).otpToken
                    == "<string>")
        },
        "auth-login-with-whatsapp": { client throws in
            #expect(
                try await client.login(.whatsapp, identifier: "9876543210", registerIfNotExists: true).otpToken
                    == "<string>")
        },
        "auth-login-with-password": { client throws in
            let user = try await client.loginWithPassword(identifier: "9876543210", password: "secret")
            #expect(user?.id == "<string>")
            #expect(await client.peekSession()?.userId == "<string>")
        },
        "auth-logout-user": { client throws in
            _ = try await client.logout()
            #expect(await client.peekSession()?.userId == "<string>")
        },
        "auth-refresh-access-token": { client throws in
            let claims = try await client.refreshSession()
            #expect(claims?.userId == "u1")
            #expect(await client.currentTokens()?.accessToken == "<string>")
        },
        "auth-register-with-email": { client throws in
            _ = try await client.register(
                .email, Registration(firstName: "Asha", lastName: "Rao", email: "a@example.com"))
        },
        "auth-register-with-phone": { client throws in
            _ = try await client.register(
                .phone, Registration(firstName: "Asha", lastName: "Rao", phone: "9876543210", email: "a@example.com"))
        },
        "auth-register-with-whatsapp": { client throws in
            _ = try await client.register(
                .whatsapp, Registration(firstName: "Asha", lastName: "Rao", phone: "9876543210", email: "a@example.com")
            )
        },
        "auth-register-with-password": { client throws in
            _ = try await client.register(
                nil, Registration(firstName: "Asha", email: "a@example.com", password: "correct-horse"))
        },
        "auth-reset-password": { try await $0.resetPassword(newPassword: "new-secret", otpToken: "otp-token") },
        "auth-retrieve-a-user": { client throws in
            let user = try await client.user()
            #expect(user.id == "<string>")
            #expect(user.loginMethods == ["email"])
        },
        "auth-update-a-user": { client throws in
            let user = try await client.updateUser(
                UserUpdate(firstName: "Asha", lastName: "Rao", email: "a@example.com", phone: "9876543210"))
            #expect(user.email == "jsmith@example.com")
        },
        "auth-update-profile-image": { client throws in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("vendor-\(UUID().uuidString).png")
            try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            _ = try await client.setProfileImage(fileAt: file.path, replace: true)
        },
        "auth-verify-otp": { client throws in
            let user = try await client.verifyOTP("123456", challenge: OTPChallenge(otpToken: "t", otpAction: "login"))
            #expect(user?.id == "<string>")
        },
        "carts-create-cart": { client throws in
            let cart = try await client.createCart(items: [CartItemUpdate(productId: "p1", variantId: nil, quantity: 1)]
            )
            #expect(cart.id == "<string>")
        },
        "carts-delete-product-from-wishlist": { client throws in
            _ = try await client.removeFromWishlist(LineID(productId: "p1", variantId: "v1"))
        },
        "carts-remove-gift-card": { client throws in
            #expect(try await client.removeGiftCard(cartID: "c1").id == "<string>")
        },
        "carts-retrieve-cart-using-user-id": { client throws in
            #expect(try await client.userCart(userID: "u1")?.id == "<string>")
        },
        "carts-retrieve-wishlist": { client throws in _ = try await client.wishlist() },
        "carts-update-cart-address": { client throws in
            let cart = try await client.setAddress(
                cartID: "c1", .saved(billingAddressId: "a1", shippingAddressId: "a1"))
            #expect(cart.id == "<string>")
        },
        "catalog-list-all-categories": { client throws in
            #expect(try await client.categories().categories.first?.id == "<string>")
        },
        "catalog-list-all-products": { client throws in
            let page = try await client.products()
            #expect(page.dropped.isEmpty)
            #expect(page.products.first?.id == "<string>")
        },
        "catalog-retrieve-a-product-detail": { client throws in
            #expect(try await client.product("p1").id == "<string>")
        },
        "catalog-retrieve-product-variants": { client throws in
            let variant = try #require(try await client.variants(productID: "p1").first)
            let colour = try #require(variant.associatedOptions?["background_color"]?.value)
            #expect(colour.displayText == "Blue")
            #expect(colour.hexColors == ["#0000FF"])
            #expect(variant.associatedOptions?["size"]?.value?.displayText == "Large")
            #expect(variant.pricing?.sellingPrice == Money(major: 123))
        },
        "catalog-retrieve-variant-detail": { client throws in
            let variant = try await client.variant(productID: "p1", variantID: "v1")
            #expect(variant.associatedOptions?["background_color"]?.value?.displayText == "Blue")
        },
        "catalog-search-products": { client throws in
            _ = try await client.search(SearchRequest(query: "kurta", facets: ["color"]))
        },
        "coupons-evaluate-coupons": { client throws in _ = try await client.evaluateCoupons(cartID: "c1") },
        "coupons-retrieve-all-coupons": { client throws in
            #expect(try await client.availableCoupons().isEmpty == false)
        },
        "coupons-retrieve-all-promotions": { client throws in
            #expect(try await client.availablePromotions().isEmpty == false)
        },
        "customers-create-address": { client throws in
            _ = try await client.createAddress(Self.address)
        },
        "customers-create-customer": { client throws in
            let business = BusinessDetails(name: "Rao Traders", panNumber: "ABCDE1234F", gstin: "29ABCDE1234F1Z5")
            _ = try await client.createCustomer(CustomerCreate(business: business, address: Self.address))
        },
        "customers-retrieve-all-addresses": { client throws in
            #expect(try await client.addresses().isEmpty == false)
        },
        "customers-retrieve-loyalty-details": { client throws in
            let loyalty = try await client.loyalty()
            #expect(loyalty.balance == 123)
            #expect(loyalty.redeemable == 123)
            #expect(loyalty.tier == "<string>")
        },
        "orders-cancel-order": { client throws in
            _ = try await client.cancelOrder(
                orderNumber: "ORD-1", OrderCancel(cancellationReason: "Changed my mind", feedback: "none"))
        },
        "orders-create-order": { client throws in
            _ = try await client.createOrder(cartID: "c1", paymentMethod: Self.hostedPage)
        },
        "orders-retrieve-all-orders": { client throws in
            #expect(try await client.orders().orders.isEmpty == false)
        },
        "orders-retrieve-order-detail": { client throws in _ = try await client.order("ORD-1") },
        "orders-retrieve-order-payments": { client throws in
            #expect(try await client.orderPayments(orderNumber: "ORD-1").isEmpty == false)
        },
        "orders-retrieve-payment-status": { client throws in _ = try await client.paymentStatus(orderNumber: "ORD-1") },
        "orders-retry-payment": { client throws in
            _ = try await client.retryPayment(orderNumber: "ORD-1", paymentMethod: Self.hostedPage)
        },
        "payments-create-customer-in-juspay": { client throws in
            #expect(try await client.createJuspayCustomer().id == "<string>")
        },
        "payments-create-order-in-juspay": { client throws in
            let order = try await client.createJuspayOrder(orderNumber: "ORD-1", returnURL: "https://example.com/done")
            #expect(order.statusId == "<string>")
            #expect(order.paymentLinks?.web == "<string>")
            #expect(order.paymentLinks?.mobile == "<string>")
            #expect(order.amount == Money(major: 123))
        },
        "shipping-check-fulfillment": { client throws in
            _ = try await client.checkServiceability(cartID: "c1", pincode: "560001")
        },
        "shipping-retrieve-fulfillment-options": { client throws in
            _ = try await client.fulfillmentOptions(cartID: "c1", pincode: "560001")
        },
    ]

    static let preferences = NotificationPreferences(
        transactional: NotificationChannels(email: true, sms: true, whatsapp: true),
        promotional: NotificationChannels(email: true, sms: true, whatsapp: true),
        newsletter: NotificationChannels(email: true, sms: true, whatsapp: true))

    static var address: Address {
        Address(
            firstName: "Asha", lastName: "Rao", phone: "9876543210", email: "a@example.com",
            addressLine1: "12 MG Road", addressLine2: "Floor 2", pincode: "560001", city: "Bengaluru",
            state: "Karnataka")
    }

    @Test("every example file is one the client calls, and names the vendor page it was copied from")
    func everyExampleIsCalled() throws {
        let examples = try VendorExample.all()
        #expect(examples.count >= 50)
        for example in examples {
            #expect(Self.calls[example.name] != nil, "no client call for \(example.name)")
            #expect(example.source.hasPrefix("https://docs.commercengine.io/api-reference/"), "\(example.name)")
        }
    }

    @Test(
        "each documented answer decodes; each request body has the documented keys", arguments: try VendorExample.all())
    func documentedAnswerAndRequest(_ example: VendorExample) async throws {
        let call = try #require(Self.calls[example.name])
        guard example.name != "auth-anonymous-user" else { return }
        let answer = try #require(example.answer, "\(example.name): no answer, not even a prefix")
        let body = example.answerBody
        let server = try await ScriptedServer.start { request, _ in
            example.matches(method: request.method, path: request.path)
                ? .raw(status: 200, body: body, contentType: "application/json")
                : .error(404, code: "NOT_FOUND", message: "not this example's route")
        }
        defer { Task { await server.stop() } }
        let client = TestClient.make(server.baseURL, tokens: Self.identified, maxAttempts: 1)
        try await call(client)
        _ = answer

        let sent = try #require(
            server.requests.last { example.matches(method: $0.method, path: $0.path) },
            "\(example.name): the client did not call \(example.method) \(example.path)")
        guard let documented = example.request else { return }
        if example.requestContentType == "multipart/form-data" {
            #expect(sent.headers["content-type"]?.hasPrefix("multipart/form-data; boundary=") == true)
            for part in (documented as? [String: Any] ?? [:]).keys {
                #expect(sent.body.contains("name=\"\(part)\""), "\(example.name): no part \(part)")
            }
            return
        }
        let json = try JSONSerialization.jsonObject(with: Data(sent.body.utf8))
        #expect(BodyShape.undocumented(sent: json, documented: documented) == [], "\(example.name)")
        for key in example.requiredRequestKeys {
            #expect(BodyShape.has(key, in: json), "\(example.name): required \(key) not sent")
        }
        let unsent = Set(BodyShape.unsent(sent: json, documented: documented))
        #expect(
            unsent.subtracting(Self.unsentOnPurpose[example.name] ?? []) == [],
            "\(example.name): documented keys not sent")
    }

    @Test("the anonymous session's identity is read from the documented answer's content.user")
    func anonymousSessionFromTheDocumentedAnswer() async throws {
        let example = try VendorExample.load("auth-anonymous-user")
        let body = example.answerBody
        let server = try await ScriptedServer.start { request, _ in
            request.route == "POST /auth/anonymous"
                ? .raw(status: 200, body: body, contentType: "application/json")
                : .error(404, code: "NOT_FOUND", message: "no route")
        }
        defer { Task { await server.stop() } }
        let client = TestClient.make(server.baseURL)
        let claims = try await client.session()
        #expect(claims.userId == "<string>")
        #expect(server.requests.first?.headers["x-api-key"] == client.configuration.apiKey)
    }

    @Test("a truncated example is closed after its last complete element, nothing added")
    func closedPrefix() {
        let closed = VendorExample.closedPrefix(#"{"a": 1, "b": [{"c": 2}, {"d": 3, "e"#) as? [String: Any]
        #expect(closed?["a"] as? Int == 1)
        #expect((closed?["b"] as? [[String: Any]])?.count == 2)
        #expect((closed?["b"] as? [[String: Any]])?.last?["d"] as? Int == 3)
    }

    @Test("one product the app cannot read is left out of its page and logged with the endpoint, id and JSON path")
    func anUnreadableProductIsDroppedAndLogged() async throws {
        let server = try await ScriptedServer.start { request, _ in
            request.route == "GET /catalog/products"
                ? .ok(
                    #"{"products":[{"id":"p1","name":"Tea"},{"id":42,"name":"Kettle","pricing":{"selling_price":{"amount":"free"}}},{"id":"p3","name":"Cup"}],"pagination":{"total_records":3}}"#
                )
                : .error(404, code: "NOT_FOUND", message: "no route")
        }
        defer { Task { await server.stop() } }
        let capture = LogCapture()
        let client = TestClient.make(server.baseURL, tokens: Self.identified, logger: capture.logger(level: .info))
        let page = try await client.products()
        #expect(page.products.map(\.id) == ["p1", "p3"])
        #expect(page.dropped.map(\.id) == ["42"])
        let line = try #require(capture.all.first { $0.contains("could not be read") }, "\(capture.text)")
        #expect(line.contains("endpoint=GET /catalog/products"))
        #expect(line.contains("id=42"))
        #expect(line.contains("json_path=content.products[1].pricing.selling_price"))
    }
}
