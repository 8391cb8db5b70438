import Foundation
import Sandbox
import Testing

@testable import StorefrontAPI

/// The sandbox against the vendor's documented answers (`VendorExamples/`): one journey through every endpoint
/// the examples document, over real HTTP, recorded; then each documented answer is compared with the sandbox's
/// answers to the same route. Every documented key must be there at every level (a list's elements each against
/// the documented first element), with a compatible type; a key the sandbox adds must be a listed extension.
@Suite("Sandbox answers have the vendor's documented shapes", .timeLimit(.minutes(5)))
struct SandboxShapeTests {
    /// Keys the sandbox answers beyond the documented ones, as `example path` (`*` for every example), each with
    /// its reason.
    static let sandboxExtensions: [String: String] = [
        "* content.otp": "the OTP itself, only in debug mode (x-debug-mode: true), so tests and the demo can sign in",
        "* content.user.credit_balance":
            "the credit balance, which the vendor documents no read for (SANDBOX.md): the app shows and prefills it "
            + "where a store tells it; a real store does not",
        "coupons-retrieve-all-coupons content.coupons[].details.discount_fixed_amount": fixedAmount,
        "coupons-retrieve-all-promotions content.promotions[].details.discount_fixed_amount": fixedAmount,
    ]

    static let fixedAmount =
        "the amount of a fixed-amount discount, which the documented details of a coupon or promotion list have no "
        + "key for (the promotion details of a catalog item document it)"

    /// Differences that come from the seeded data rather than the shape, as `example path`, each with its reason.
    static let seededOptionNames: [String: String] = [
        "catalog-retrieve-product-variants content.variants[].associated_options.background_color": seededOptionName,
        "catalog-retrieve-product-variants content.variants[].associated_options.size": seededOptionName,
        "catalog-retrieve-product-variants content.variants[].associated_options.storage": seededOptionName,
        "catalog-retrieve-variant-detail content.variant.associated_options.background_color": seededOptionName,
        "catalog-retrieve-variant-detail content.variant.associated_options.size": seededOptionName,
        "catalog-retrieve-variant-detail content.variant.associated_options.storage": seededOptionName,
    ]

    /// Documented examples the journey does not call, each with its reason.
    static let notExercised: [String: String] = [:]

    /// Differences from the documented shapes not fixed (yet), as `example path`, each with its reason.
    static let knownDifferences: [String: String] = [
        "auth-register-with-email content.access_token": registerAnswersOTP,
        "auth-register-with-email content.otp_action": registerAnswersOTP,
        "auth-register-with-email content.otp_token": registerAnswersOTP,
        "auth-register-with-email content.refresh_token": registerAnswersOTP,
        "auth-register-with-email content.user": registerAnswersOTP,
        "auth-register-with-password content.access_token": registerAnswersOTP,
        "auth-register-with-password content.otp_action": registerAnswersOTP,
        "auth-register-with-password content.otp_token": registerAnswersOTP,
        "auth-register-with-password content.refresh_token": registerAnswersOTP,
        "auth-register-with-password content.user": registerAnswersOTP,
        "auth-register-with-phone content.access_token": registerAnswersOTP,
        "auth-register-with-phone content.otp_action": registerAnswersOTP,
        "auth-register-with-phone content.otp_token": registerAnswersOTP,
        "auth-register-with-phone content.refresh_token": registerAnswersOTP,
        "auth-register-with-phone content.user": registerAnswersOTP,
        "auth-register-with-whatsapp content.access_token": registerAnswersOTP,
        "auth-register-with-whatsapp content.otp_action": registerAnswersOTP,
        "auth-register-with-whatsapp content.otp_token": registerAnswersOTP,
        "auth-register-with-whatsapp content.refresh_token": registerAnswersOTP,
        "auth-register-with-whatsapp content.user": registerAnswersOTP,
        "carts-delete-product-from-wishlist content.products[].attributes[].value": attributeValues,
        "carts-delete-product-from-wishlist content.products[].on_subscription": catalogItem,
        "carts-delete-product-from-wishlist content.products[].slug": catalogItem,
        "carts-retrieve-wishlist content.products[].on_subscription": catalogItem,
        "carts-retrieve-wishlist content.products[].slug": catalogItem,
        "catalog-list-all-products content.products[].attributes[].value": attributeValues,
        "catalog-list-all-products content.products[].categories[].active": productCategories,
        "catalog-list-all-products content.products[].categories[].description": productCategories,
        "catalog-list-all-products content.products[].categories[].parent_category_id": productCategories,
        "catalog-list-all-products content.products[].categories[].product_count": productCategories,
        "catalog-list-all-products content.products[].pricing.selling_price_including_tax": inclusivePrice,
        "catalog-list-all-products content.products[].promotion.name": productPromotion,
        "catalog-list-all-products content.products[].variant_options[].value[]": optionValues,
        "catalog-retrieve-a-product-detail content.product.attributes[].value": attributeValues,
        "catalog-retrieve-a-product-detail content.product.pricing.selling_price_including_tax": inclusivePrice,
        "catalog-retrieve-product-variants content.variants[].pricing.selling_price_including_tax": inclusivePrice,
        "catalog-retrieve-variant-detail content.variant.description": variantDetail,
        "catalog-retrieve-variant-detail content.variant.pricing.selling_price_including_tax": inclusivePrice,
        "catalog-retrieve-variant-detail content.variant.product_type": variantDetail,
        "catalog-search-products content.skus[].attributes[].value": attributeValues,
        "catalog-search-products content.skus[].on_subscription": catalogItem,
        "catalog-search-products content.skus[].pricing.selling_price_including_tax": inclusivePrice,
        "catalog-search-products content.skus[].slug": catalogItem,
        "catalog-search-products content.skus[].subscription": catalogItem,
        "customers-create-customer content.customer_detail.address": customerAddress,
        "orders-retry-payment content.payment_info.payment_links.iframe": retryPayment,
        "orders-retry-payment content.payment_info.payment_links.mobile": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.clientAuthTokenExpiry": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.customerEmail": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.customerPhone": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.description": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.firstName": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.lastName": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.mandate.end_date ": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.mandate.frequency": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.mandate.maxAmount": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.mandate.rule_value ": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.mandate.start_date ": retryPayment,
        "orders-retry-payment content.payment_info.sdk_payload.payload.options.createMandate": retryPayment,
        "orders-retry-payment content.payment_info.txn_id": retryPayment,
        "shipping-check-fulfillment content.estimated_delivery_days": fulfillment,
        "shipping-retrieve-fulfillment-options content.deliver.shipments": fulfillment,
    ]

    static let registerAnswersOTP =
        "the vendor's pages disagree (example answer: tokens; request pages and SDK: OtpContent); the sandbox "
        + "answers the OTP (SANDBOX.md, Where our reference was wrong)"
    static let attributeValues =
        "attributes[].value: the docs show a list of {name, hexcode}; the sandbox answers the seeded single value "
        + "(a string or a colour object); not aligned yet"
    static let catalogItem =
        "the sandbox's catalog item (wishlist, search) predates the documented product/SKU keys (slug, "
        + "on_subscription, subscription); not aligned yet"
    static let productCategories =
        "a product's categories[] carry the whole Category (active, description, parent, product count), not the "
        + "documented reference; not aligned yet"
    static let inclusivePrice =
        "pricing.selling_price_including_tax, the GST-inclusive unit price, is a sandbox addition the documented "
        + "ProductPricing has not; not yet dropped (the client does not read it)"
    static let productPromotion = "a product's promotion carries its name, the documented one has none; not aligned yet"
    static let optionValues =
        "variant_options[].value[] elements are the seeded strings or colour objects, not the documented element "
        + "type; not aligned yet"
    static let variantDetail =
        "the variant detail's description and product_type differ from the documented variant; not aligned yet"
    static let customerAddress =
        "the address created with the customer is echoed in customer_detail, which the documented CustomerDetail "
        + "has not; not aligned yet"
    static let retryPayment =
        "retry-payment answers the sandbox's HyperCheckout payment_info (as create-order does); the example documents "
        + "a different payload (customer keys, mandate, txn_id); not aligned yet"
    static let fulfillment =
        "the fulfillment answers predate the documented shape (estimated_delivery_days, deliver.shipments); not "
        + "aligned yet"
    static let seededOptionName =
        "data, not shape: associated_options is keyed by option name; the example's product has background_color "
        + "and size, the seeded smartphone storage"

    @Test("one journey through every documented endpoint; each answer has the documented keys and types")
    func documentedShapes() async throws {
        let recorder = RecordingTransport()
        var basePath = ""
        try await SandboxHarness.with(transport: recorder) { harness in
            basePath = harness.server.baseURL.path
            try await Self.journey(harness)
        }

        var findings: [String] = []
        var covered: [String] = []
        var known: Set<String> = []
        for example in try VendorExample.all() {
            let answers = recorder.exchanges.filter { exchange in
                guard (200..<300).contains(exchange.response.status), exchange.path.hasPrefix(basePath) else {
                    return false
                }
                return example.matches(method: exchange.method, path: String(exchange.path.dropFirst(basePath.count)))
            }
            guard !answers.isEmpty else {
                if Self.notExercised[example.name] == nil {
                    findings.append("\(example.name): not exercised by the journey (\(example.method) \(example.path))")
                }
                continue
            }
            covered.append(example.name)
            let documented = try #require(example.answer, "\(example.name): no documented answer")
            var found: Set<AnswerShape.Difference> = []
            for answer in answers {
                guard let actual = try? JSONSerialization.jsonObject(with: answer.response.body) else {
                    found.insert(AnswerShape.Difference(path: "", detail: "the sandbox's answer is not JSON"))
                    continue
                }
                found.formUnion(
                    AnswerShape.differences(
                        documented: documented, actual: actual, open: example.openPaths,
                        allowed: Self.allowedExtras(for: example.name)))
            }
            for finding in found.sorted() {
                let key = "\(example.name) \(finding.path)"
                if Self.knownDifferences[key] == nil && Self.seededOptionNames[key] == nil {
                    findings.append("\(example.name): \(finding)")
                } else {
                    known.insert(key)
                }
            }
        }
        for stale in Set(Self.knownDifferences.keys).union(Self.seededOptionNames.keys).subtracting(known).sorted() {
            findings.append("\(stale): listed as a known difference, but the sandbox now matches: remove it")
        }
        for name in Self.notExercised.keys where covered.contains(name) {
            findings.append("\(name): listed as not exercised, but the journey calls it: remove it")
        }
        print("SandboxShapeTests: \(covered.count) examples compared: \(covered.joined(separator: ", "))")
        #expect(findings.isEmpty, "\(findings.count) differences:\n\(findings.joined(separator: "\n"))")
    }

    static func allowedExtras(for example: String) -> Set<String> {
        Set(
            sandboxExtensions.keys.compactMap { key in
                let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
                return parts[0] == "*" || parts[0] == example ? parts[1] : nil
            })
    }

    /// Every documented call, in an order a customer could make them.
    static func journey(_ harness: SandboxHarness) async throws {
        let client = harness.client
        func verify(_ challenge: OTPChallenge?) async throws {
            let challenge = try #require(challenge)
            _ = try await client.verifyOTP(try harness.otp(challenge), challenge: challenge)
        }
        let suffix = String(Int.random(in: 1_000_000...9_999_999))
        func phone(_ prefix: String) -> String { prefix + suffix }
        func email(_ name: String) -> String { "\(name)\(suffix)@example.com" }

        // A guest browses.
        _ = try await client.session()
        let categories = try await client.categories()
        #expect(!categories.categories.isEmpty)
        _ = try await client.products()
        let product = try await client.product(SandboxHarness.smartphone)
        let variant = try #require(try await client.variants(productID: product.id).first)
        _ = try await client.variant(productID: product.id, variantID: variant.id)
        _ = try await client.search(SearchRequest(query: "wireless", facets: ["*"]))
        _ = try await client.availableCoupons()
        _ = try await client.availablePromotions()

        // Registers with a password; changes, forgets and resets it; signs in with it.
        let password = Registration(
            firstName: "Kiran", phone: phone("981"), email: email("kiran"), password: "first-password")
        try await verify(try await client.register(nil, password))
        try await client.changePassword(old: "first-password", new: "second-password")
        let reset = try await client.forgotPassword(email: email("kiran"), phone: nil)
        try await client.resetPassword(newPassword: "third-password", otp: try harness.otp(reset), challenge: reset)
        _ = try await client.logout()
        _ = try await client.loginWithPassword(identifier: email("kiran"), password: "third-password")

        // Registers by email, becomes a customer with an address, adds another.
        try await verify(
            try await client.register(
                .email, Registration(firstName: "Meera", lastName: "Iyer", phone: phone("982"), email: email("meera"))))
        _ = try await client.createCustomer(
            CustomerCreate(
                business: BusinessDetails(name: "Iyer Traders", panNumber: "ABCDE1234F", gstin: "29ABCDE1234F1Z5"),
                address: SandboxHarness.address()))
        var delhi = SandboxHarness.address(pincode: "110001")
        delhi.city = "New Delhi"
        delhi.state = "Delhi"
        _ = try await client.createAddress(delhi)
        #expect(try await client.addresses().count >= 1)
        #expect(try await client.loyalty().balance == 0)

        // Registers by phone and by WhatsApp; signs in again by WhatsApp, by email and by phone (the demo).
        try await verify(
            try await client.register(
                .phone, Registration(firstName: "Ravi", lastName: "Nair", phone: phone("983"), email: email("ravi"))))
        try await verify(
            try await client.register(
                .whatsapp, Registration(firstName: "Anu", lastName: "Das", phone: phone("984"), email: email("anu"))))
        _ = try await client.logout()
        try await verify(try await client.login(.whatsapp, identifier: phone("984")))
        try await verify(try await client.login(.email, identifier: SandboxHarness.demoEmail))
        try await harness.loginDemo()
        _ = try await client.generateOTP(channel: "sms", phone: phone("985"), email: nil, action: "verify-phone")

        // The demo customer's profile.
        _ = try await client.user()
        _ = try await client.updateUser(
            UserUpdate(
                firstName: "Devi", lastName: "Rao", email: SandboxHarness.demoEmail, phone: SandboxHarness.demoPhone))
        let preferences = try await client.notificationPreferences()
        _ = try await client.saveNotificationPreferences(preferences, create: true)
        _ = try await client.saveNotificationPreferences(preferences, create: false)
        let image = harness.directory.appendingPathComponent("me.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: UInt8(7), count: 64)).write(
            to: image)
        _ = try await client.setProfileImage(fileAt: image.path, replace: true)
        _ = try await client.refreshSession()

        // The wishlist.
        _ = try await client.addToWishlist(LineID(productId: SandboxHarness.earbuds, variantId: nil))
        _ = try await client.addToWishlist(LineID(productId: SandboxHarness.mouse, variantId: nil))
        #expect(try await client.wishlist().count == 2)
        _ = try await client.removeFromWishlist(LineID(productId: SandboxHarness.mouse, variantId: nil))

        // A cart through to an order, paid by Juspay: fails once, retried, then cancelled.
        let cart = try await client.createCart(items: [CartSandboxTests.line(SandboxHarness.earbuds, 1)])
        #expect(try await client.userCart(userID: try await client.session().userId)?.id == cart.id)
        _ = try await client.setAddress(
            cartID: cart.id, .new(billing: SandboxHarness.address(), shipping: SandboxHarness.address()))
        _ = try await client.evaluateCoupons(cartID: cart.id)
        _ = try await client.redeemGiftCard(cartID: cart.id, code: "GIFT250")
        _ = try await client.removeGiftCard(cartID: cart.id)
        #expect(try await client.checkServiceability(cartID: cart.id, pincode: "560001").isServiceable)
        let options = try await client.fulfillmentOptions(cartID: cart.id, pincode: "560001")
        let method = try #require(options.deliver?.allMethods.first)
        _ = try await client.setFulfillmentPreference(cartID: cart.id, .delivery(methodID: method.id))
        let returnURL = "https://shop.example.com/paid"
        let created = try await client.createOrder(
            cartID: cart.id, paymentMethod: .juspayHostedPage(returnURL: returnURL))
        let number = created.order.orderNumber
        _ = try await client.order(number)
        _ = try await client.orders()
        _ = try await client.paymentStatus(orderNumber: number)
        try SandboxPayments.settle(orderNumber: number, fail: true, databasePath: harness.databasePath)
        _ = try await client.retryPayment(orderNumber: number, paymentMethod: .juspayHostedPage(returnURL: returnURL))
        #expect(try await client.orderPayments(orderNumber: number).count == 2)
        _ = try await client.createJuspayCustomer()
        _ = try await client.createJuspayOrder(orderNumber: number, returnURL: returnURL)
        _ = try await client.cancelOrder(orderNumber: number, OrderCancel(cancellationReason: "Changed my mind"))
        _ = try await client.logout()
    }
}

/// Key-by-key comparison of a documented answer with an actual one.
enum AnswerShape {
    struct Difference: Hashable, Comparable, CustomStringConvertible {
        /// The JSON path (`content.cart_items[].product_id`).
        let path: String
        let detail: String

        var description: String { "\(path): \(detail)" }
        static func < (a: Self, b: Self) -> Bool { (a.path, a.detail) < (b.path, b.detail) }
    }

    /// The documented keys missing from `actual`, the values of an incompatible type, and the keys `actual` has
    /// beyond the documented ones (except in the `open` containers a truncated example left unfinished, and the
    /// `allowed` paths).
    static func differences(
        documented: Any, actual: Any, open: Set<String>, allowed: Set<String>, at path: String = ""
    ) -> Set<Difference> {
        let expected = kind(documented)
        let found = kind(actual)
        if expected == "null" || found == "null" || expected == "any" { return [] }
        guard expected == found else {
            return [Difference(path: path, detail: "documented \(expected), sandbox \(found)")]
        }
        switch (documented, actual) {
        case (let documented as [String: Any], let actual as [String: Any]):
            var result: Set<Difference> = []
            for (key, value) in documented {
                let here = path.isEmpty ? key : "\(path).\(key)"
                guard let other = actual[key] else {
                    result.insert(Difference(path: here, detail: "documented key missing"))
                    continue
                }
                result.formUnion(differences(documented: value, actual: other, open: open, allowed: allowed, at: here))
            }
            if !open.contains(path) {
                for key in actual.keys where documented[key] == nil {
                    let here = path.isEmpty ? key : "\(path).\(key)"
                    if !allowed.contains(here) { result.insert(Difference(path: here, detail: "undocumented key")) }
                }
            }
            return result
        case (let documented as [Any], let actual as [Any]):
            guard let first = documented.first else { return [] }
            return actual.reduce(into: Set<Difference>()) { result, element in
                result.formUnion(
                    differences(documented: first, actual: element, open: open, allowed: allowed, at: path + "[]"))
            }
        default:
            return []
        }
    }

    /// The JSON type of a value from `JSONSerialization`; the documented `"<any>"` and `"<unknown>"` are any.
    static func kind(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case let string as String: ["<any>", "<unknown>"].contains(string) ? "any" : "string"
        case let number as NSNumber: String(cString: number.objCType) == "c" ? "bool" : "number"
        case is [String: Any]: "object"
        case is [Any]: "array"
        default: "\(type(of: value))"
        }
    }
}
