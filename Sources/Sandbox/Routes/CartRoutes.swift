import Foundation
import GRDB
import Hummingbird

/// `/carts/...`: create, read, delete, items, address and the money off it (coupon, loyalty points, credit
/// balance, gift card). Every mutation answers `{cart}`.
struct CartRoutes {
    let services: SandboxServices

    func register(on api: RouteGroups) {
        let customer = api.customer
        // The hot routes: the token is verified by the middleware and the user checked in the same transaction.
        let token = api.customerToken
        customer.post("carts") { request, context in try await create(request, context) }
        customer.get("carts/available-coupons") { _, _ in try await availableCoupons() }
        customer.get("carts/available-promotions") { _, _ in try await availablePromotions() }
        api.reader.get("carts/users/:user") { request, context in try await userCart(request, context) }
        customer.delete("carts/users/:user") { request, context in try await deleteUserCart(request, context) }
        token.get("carts/:id") { request, context in try await read(request, context) }
        customer.delete("carts/:id") { request, context in try await deleteCart(request, context) }
        token.post("carts/:id/items") { request, context in try await setItem(request, context) }
        customer.post("carts/:id/address") { request, context in try await setAddress(request, context) }
        token.post("carts/:id/coupon") { request, context in try await applyCoupon(request, context) }
        token.delete("carts/:id/coupon") { request, context in
            try await mutate(request, context, message: "Coupon removed") { db, cart in
                try cart.update(db, columns: ["coupon_code"]) { $0.couponCode = nil }
            }
        }
        customer.get("carts/:id/evaluate-coupons") { request, context in try await evaluateCoupons(request, context) }
        token.post("carts/:id/loyalty-points") { request, context in try await redeemLoyalty(request, context) }
        token.delete("carts/:id/loyalty-points") { request, context in
            try await mutate(request, context, message: "Loyalty points removed") { db, cart in
                try cart.update(db, columns: ["loyalty_points_requested"]) { $0.loyaltyPointsRequested = 0 }
            }
        }
        token.post("carts/:id/credit-balance") { request, context in try await redeemCredit(request, context) }
        token.delete("carts/:id/credit-balance") { request, context in
            try await mutate(request, context, message: "Credit balance removed") { db, cart in
                try cart.update(db, columns: ["credit_balance_requested"]) { $0.creditBalanceRequested = 0 }
            }
        }
        token.post("carts/:id/gift-card") { request, context in try await redeemGiftCard(request, context) }
        // The reference's remove-gift-card answer is the cart itself, not `{cart}`.
        token.delete("carts/:id/gift-card") { request, context in
            try await mutate(request, context, message: "Gift card removed", wrapped: false) { db, cart in
                try cart.update(db, columns: ["gift_card_code"]) { $0.giftCardCode = nil }
            }
        }
    }

    /// Loads the caller's cart `:id`, applies `change` in the same transaction and answers the priced cart
    /// (as `{cart}`, or the cart itself when not `wrapped`).
    func mutate(
        _ request: Request, _ context: SandboxContext, message: String, wrapped: Bool = true,
        _ change: @escaping @Sendable (Database, CartRecord) throws -> Void
    ) async throws -> Response {
        let session = try context.requireSession()
        let id = try context.parameters.require("id")
        let catalog = services.catalog
        let cart = try await services.database.write { db -> CartWire in
            try Authenticator.requireActive(db, userId: session.userId)
            let now = services.now()
            let cart = try CartStore.ownCart(db, id: id, userId: session.userId, now: now)
            try change(db, cart)
            let updated = try CartStore.cart(db, id: id) ?? cart
            return try CartStore.priced(db, updated, catalog: catalog, now: now)
        }
        return wrapped ? try Reply.ok(["cart": cart], message: message) : try Reply.ok(cart, message: message)
    }

    /// `GET /carts/:id`: the priced cart in a read transaction, so that reads run side by side on the pool
    /// instead of queueing behind the single writer. The encoded answer is kept (``CartAnswerCache``) and sent
    /// again as long as nothing in the database changed and no time limit of the cart passed.
    func read(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let id = try context.parameters.require("id")
        let catalog = services.catalog
        let answers = services.cartAnswers
        let body = try await services.database.read { db -> ByteBuffer in
            let now = services.now()
            let version = try ChangeCounters.data(db)
            if let body = answers.answer(key: id, userId: session.userId, version: version, now: now) {
                // Cached under this very counter value, when this user was active and owned the cart.
                return body
            }
            try Authenticator.requireActive(db, userId: session.userId)
            let cart = try CartStore.ownCart(db, id: id, userId: session.userId, now: now)
            let loaded = try CartPricing.load(db, cart: cart, catalog: catalog, now: now)
            let body = try Reply.okBody(["cart": CartPricing.wire(loaded, now: now).0], message: "Cart retrieved")
            answers.store(
                .init(userId: session.userId, validUntil: CartPricing.validUntil(loaded, now: now), body: body),
                key: id, version: version, db)
            return body
        }
        return Reply.conditional(body, request: request)
    }

    static func parseLine(_ body: inout RequestBody, prefix: String = "") -> CartStore.LineRequest {
        let productId = body.requiredString("product_id", prefix: prefix)
        let variantId = body.string("variant_id", prefix: prefix)
        let quantity = body.requiredInt("quantity", prefix: prefix, min: 0)
        return CartStore.LineRequest(productId: productId, variantId: variantId, quantity: quantity)
    }

    func create(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        var lines: [CartStore.LineRequest] = []
        if let items = body.objects("items", { nested, prefix in Self.parseLine(&nested, prefix: prefix) }) {
            lines = items
            if body.issues.isEmpty && !lines.contains(where: { $0.quantity > 0 }) {
                body.fail("items", "A cart needs at least one item with quantity ≥ 1")
            }
        } else if !body.has("items") {
            body.fail("items", "Is required")
        }
        var metadata: [String: String]?
        if let nested = body.object("metadata") {
            metadata = [:]
            for (key, value) in nested.fields {
                if case .string(let text) = value {
                    metadata?[key] = text
                } else {
                    body.fail("metadata.\(key)", "Must be a string")
                }
            }
        }
        try body.validate()
        let catalog = services.catalog
        let cart = try await services.database.write { [lines, metadata] db -> CartWire in
            let now = services.now()
            for (index, line) in lines.enumerated() {
                try CartStore.validate(db, line, catalog: catalog, prefix: "items[\(index)].")
            }
            // One active cart per user: creating again adds the items to it.
            var cart: CartRecord
            if let existing = try CartStore.activeCart(db, userId: session.userId, now: now) {
                cart = existing
                if let metadata { cart.metadata = (cart.metadata ?? [:]).merging(metadata) { $1 } }
                try cart.update(db)
            } else {
                cart = CartRecord(
                    id: IDs.make(now: now), userId: session.userId, active: true, couponCode: nil,
                    loyaltyPointsRequested: 0, creditBalanceRequested: 0, giftCardCode: nil, billingAddress: nil,
                    shippingAddress: nil, fulfillment: nil, customerNote: nil, metadata: metadata, createdAt: now,
                    expiresAt: now.addingTimeInterval(TimeInterval(catalog.settings.cartLifetimeDays * 86400)))
                try cart.insert(db)
            }
            for line in lines { try CartStore.setLine(db, cartId: cart.id, line) }
            return try CartStore.priced(db, cart, catalog: catalog, now: now)
        }
        return try Reply.ok(["cart": cart], message: "Cart created")
    }

    func setItem(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let line = Self.parseLine(&body)
        try body.validate()
        let catalog = services.catalog
        return try await mutate(request, context, message: line.quantity == 0 ? "Item removed" : "Cart updated") {
            db, cart in
            try CartStore.validate(db, line, catalog: catalog)
            try CartStore.setLine(db, cartId: cart.id, line)
        }
    }

    /// `GET /carts/users/:user`: the caller's own cart, or any user's for a support token (read-only). Served from
    /// ``CartAnswerCache`` like `GET /carts/:id`: an answer is kept only while its user exists and is active, so a
    /// hit stands for the checks (active for the caller, exists for a support token) that a miss makes.
    func userCart(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let userId = try context.parameters.require("user")
        try Authenticator.requireSelfOrSupport(session, userId)
        let catalog = services.catalog
        let answers = services.cartAnswers
        let support = session.isSupport
        let key = CartAnswerCache.userCartKey(userId)
        let body = try await services.database.read { db -> ByteBuffer? in
            let now = services.now()
            let version = try ChangeCounters.data(db)
            if let body = answers.answer(key: key, userId: userId, version: version, now: now) { return body }
            let active: Bool
            if support {
                guard let user = try UserRecord.fetchOne(db, key: userId) else {
                    throw APIError(status: .notFound, code: "USER_NOT_FOUND", message: "No user \(userId)")
                }
                active = user.active
            } else {
                try Authenticator.requireActive(db, userId: userId)
                active = true
            }
            guard let cart = try CartStore.activeCart(db, userId: userId, now: now) else { return nil }
            let loaded = try CartPricing.load(db, cart: cart, catalog: catalog, now: now)
            let body = try Reply.okBody(["cart": CartPricing.wire(loaded, now: now).0], message: "Cart retrieved")
            if active {
                answers.store(
                    .init(userId: userId, validUntil: CartPricing.validUntil(loaded, now: now), body: body),
                    key: key, version: version, db)
            }
            return body
        }
        guard let body else { throw APIError.notFound("Cart not found") }
        return Reply.conditional(body, request: request)
    }

    func deleteUserCart(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let userId = try context.parameters.require("user")
        try Authenticator.requireSelf(session, userId)
        let deleted = try await services.database.write { db -> Bool in
            guard let cart = try CartStore.activeCart(db, userId: userId, now: services.now()) else { return false }
            try cart.update(db, columns: ["active"]) { $0.active = false }
            return true
        }
        guard deleted else { throw APIError.notFound("Cart not found") }
        return try Reply.message("All cart items are removed.")
    }

    func deleteCart(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let id = try context.parameters.require("id")
        try await services.database.write { db in
            let cart = try CartStore.ownCart(db, id: id, userId: session.userId, now: services.now())
            try cart.update(db, columns: ["active"]) { $0.active = false }
        }
        return try Reply.message("Cart deleted")
    }

    func setAddress(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        var billing: AddressPayload?
        var shipping: AddressPayload?
        var billingId: String?
        var shippingId: String?
        if body.has("billing_address_id") || body.has("shipping_address_id") {
            billingId = body.requiredString("billing_address_id")
            shippingId = body.requiredString("shipping_address_id")
        } else {
            if let nested = body.object("billing_address") {
                billing = AddressInput.parse(nested, prefix: "billing_address.", into: &body)
            } else {
                body.fail("billing_address", "Is required (or billing_address_id and shipping_address_id)")
            }
            if let nested = body.object("shipping_address") {
                shipping = AddressInput.parse(nested, prefix: "shipping_address.", into: &body)
            } else if billing != nil {
                shipping = billing
            }
        }
        let note = body.string("customer_note")
        try body.validate()
        let userId = session.userId
        return try await mutate(request, context, message: "Address updated successfully") {
            [billing, shipping, billingId, shippingId] db, cart in
            var cart = cart
            if let billingId, let shippingId {
                func own(_ id: String, _ field: String) throws -> AddressPayload {
                    guard let record = try AddressRecord.fetchOne(db, key: id), record.userId == userId else {
                        throw APIError.validation(field: field, "Address not found")
                    }
                    var payload = record.payload
                    payload.id = record.id
                    return payload
                }
                cart.billingAddress = try own(billingId, "billing_address_id")
                cart.shippingAddress = try own(shippingId, "shipping_address_id")
            } else {
                cart.billingAddress = billing
                cart.shippingAddress = shipping
            }
            if let note { cart.customerNote = note }
            try cart.update(db)
        }
    }

    func applyCoupon(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let code = body.requiredString("coupon_code").uppercased()
        try body.validate()
        let catalog = services.catalog
        return try await mutate(request, context, message: "Coupon applied") { db, cart in
            guard let coupon = try CouponRecord.fetchOne(db, key: code) else {
                throw APIError(
                    status: .badRequest, code: "INVALID_COUPON", message: "Coupon '\(code)' does not exist",
                    details: [FieldIssue(field: "coupon_code", message: "Unknown coupon")])
            }
            let now = services.now()
            var loaded = try CartPricing.load(db, cart: cart, catalog: catalog, now: now)
            loaded.coupon = coupon
            loaded.customerCouponUses =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM coupon_redemption WHERE code = ? AND user_id = ?",
                    arguments: [code, cart.userId]) ?? 0
            let outcome = PricingEngine.evaluate(
                coupon: CartPricing.engineCoupon(coupon, customerUses: loaded.customerCouponUses),
                input: CartPricing.input(loaded, now: now))
            if case .notApplicable(let reason, let suggestion) = outcome {
                throw APIError(
                    status: .badRequest, code: "COUPON_NOT_APPLICABLE", message: reason,
                    details: [FieldIssue(field: "coupon_code", message: suggestion ?? reason)])
            }
            try cart.update(db, columns: ["coupon_code"]) { $0.couponCode = code }
        }
    }

    func redeemLoyalty(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let points = body.requiredInt("loyalty_point_redeemed", min: 1)
        try body.validate()
        let redemption = Redemption(
            balance: "loyalty_points", column: "loyalty_points_requested", field: "loyalty_point_redeemed",
            refusalCode: "INSUFFICIENT_LOYALTY_POINTS", cartField: \.loyaltyPointsRequested
        ) { ("\($0) loyalty points", "\($0)") }
        return try await redeem(request, context, points, redemption, message: "Loyalty points applied")
    }

    func redeemCredit(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let amount = body.requiredMoney("credit_balance_used")
        if body.issues.isEmpty && amount == 0 { body.fail("credit_balance_used", "Must be greater than 0") }
        try body.validate()
        let redemption = Redemption(
            balance: "credit_balance", column: "credit_balance_requested", field: "credit_balance_used",
            refusalCode: "INSUFFICIENT_CREDIT_BALANCE", cartField: \.creditBalanceRequested
        ) { ("₹\(Paise($0).decimal) credit balance", "\(Paise($0).decimal)") }
        return try await redeem(request, context, amount, redemption, message: "Credit balance applied")
    }

    /// A balance of the user (loyalty points, credit) that a cart may ask to use.
    struct Redemption: Sendable {
        /// The user's column holding the balance.
        var balance: String
        /// The cart's column holding what it asks for, and the request's field.
        var column: String
        var field: String
        var refusalCode: String
        var cartField: WritableKeyPath<CartRecord, Int> & Sendable
        /// The balance as the refusal says it: in a sentence, and as a bare amount.
        var describe: @Sendable (Int) -> (sentence: String, amount: String)
    }

    /// Asks for `amount` of the user's balance; more than the balance is refused.
    func redeem(
        _ request: Request, _ context: SandboxContext, _ amount: Int, _ redemption: Redemption, message: String
    ) async throws -> Response {
        try await mutate(request, context, message: message) { db, cart in
            let available =
                try Int.fetchOne(
                    db, sql: "SELECT \(redemption.balance) FROM user WHERE id = ?", arguments: [cart.userId]) ?? 0
            guard amount <= available else {
                let (sentence, limit) = redemption.describe(available)
                throw APIError(
                    status: .badRequest, code: redemption.refusalCode, message: "Only \(sentence) available",
                    details: [FieldIssue(field: redemption.field, message: "At most \(limit)")])
            }
            try cart.update(db, columns: [redemption.column]) { $0[keyPath: redemption.cartField] = amount }
        }
    }

    func redeemGiftCard(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let code = body.requiredString("gift_card_code").uppercased()
        try body.validate()
        return try await mutate(request, context, message: "Gift card applied") { db, cart in
            guard let card = try GiftCardRecord.fetchOne(db, key: code) else {
                throw APIError(
                    status: .notFound, code: "NOT_FOUND", message: "Gift card '\(code)' not found",
                    details: [FieldIssue(field: "gift_card_code", message: "Unknown gift card")])
            }
            guard card.expiresAt > services.now() else {
                throw APIError(
                    status: .badRequest, code: "GIFT_CARD_EXPIRED", message: "Gift card has expired",
                    details: [FieldIssue(field: "gift_card_code", message: "Expired")])
            }
            guard card.balance > 0 else {
                throw APIError(
                    status: .badRequest, code: "GIFT_CARD_EMPTY", message: "Gift card has no balance left",
                    details: [FieldIssue(field: "gift_card_code", message: "No balance")])
            }
            try cart.update(db, columns: ["gift_card_code"]) { $0.giftCardCode = code }
        }
    }

    // MARK: Coupons and promotions

    func availableCoupons() async throws -> Response {
        let coupons = try await services.database.read { db -> [CouponWire] in
            let now = services.now()
            return try CouponRecord.fetchAll(db, sql: "SELECT * FROM coupon ORDER BY code")
                .filter {
                    PricingEngine.isActive($0.startsAt, $0.expiresAt, now)
                        && ($0.totalRedemptions == 0 || $0.redemptionCount < $0.totalRedemptions)
                }
                .map(CouponWire.init)
        }
        return try Reply.ok(["coupons": coupons], message: "Coupons retrieved")
    }

    func availablePromotions() async throws -> Response {
        let promotions = try await services.database.read { db -> [PromotionWire] in
            let now = services.now()
            return try PromotionRecord.fetchAll(db).filter { PricingEngine.isActive($0.startsAt, $0.expiresAt, now) }
                .map(PromotionWire.init)
        }
        return try Reply.ok(["promotions": promotions], message: "Promotions retrieved")
    }

    func evaluateCoupons(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let id = try context.parameters.require("id")
        let catalog = services.catalog
        let result = try await services.database.read { db -> [String: [EvaluatedCoupon]] in
            let now = services.now()
            let cart = try CartStore.ownCart(db, id: id, userId: session.userId, now: now)
            let loaded = try CartPricing.load(db, cart: cart, catalog: catalog, now: now)
            let input = CartPricing.input(loaded, now: now)
            var applicable: [EvaluatedCoupon] = []
            var inapplicable: [EvaluatedCoupon] = []
            for coupon in try CouponRecord.fetchAll(db, sql: "SELECT * FROM coupon ORDER BY code") {
                let uses =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM coupon_redemption WHERE code = ? AND user_id = ?",
                        arguments: [coupon.code, cart.userId]) ?? 0
                let outcome = PricingEngine.evaluate(
                    coupon: CartPricing.engineCoupon(coupon, customerUses: uses), input: input)
                switch outcome {
                case .applicable:
                    let amount = Paise(outcome.discount)
                    applicable.append(
                        EvaluatedCoupon(
                            id: coupon.id, name: coupon.name, couponType: "discount", couponCode: [coupon.code],
                            estimatedDiscount: amount, savingsMessage: "You save ₹\(amount.decimal)", reason: nil,
                            suggestion: nil))
                case .notApplicable(let reason, let suggestion):
                    inapplicable.append(
                        EvaluatedCoupon(
                            id: coupon.id, name: coupon.name, couponType: "discount", couponCode: [coupon.code],
                            estimatedDiscount: nil, savingsMessage: nil, reason: reason, suggestion: suggestion))
                }
            }
            return ["applicable_coupons": applicable, "inapplicable_coupons": inapplicable]
        }
        return try Reply.ok(result, message: "Coupons evaluated")
    }
}
