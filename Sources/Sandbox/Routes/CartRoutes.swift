import Foundation
import GRDB
import Hummingbird

/// `/carts/...`: create, read, delete, items, address and the money off it (coupon, loyalty points, credit
/// balance, gift card). Every mutation answers `{cart}`.
struct CartRoutes {
    let services: SandboxServices
    let auth: Authenticator

    func register(on group: RouterGroup<SandboxContext>) {
        group.post("carts") { request, context in try await create(request, context) }
        group.get("carts/available-coupons") { request, _ in try await availableCoupons(request) }
        group.get("carts/available-promotions") { request, _ in try await availablePromotions(request) }
        group.get("carts/users/:user") { request, context in try await userCart(request, context) }
        group.delete("carts/users/:user") { request, context in try await deleteUserCart(request, context) }
        group.get("carts/:id") { request, context in try await read(request, context) }
        group.delete("carts/:id") { request, context in try await deleteCart(request, context) }
        group.post("carts/:id/items") { request, context in try await setItem(request, context) }
        group.post("carts/:id/address") { request, context in try await setAddress(request, context) }
        group.post("carts/:id/coupon") { request, context in try await applyCoupon(request, context) }
        group.delete("carts/:id/coupon") { request, context in
            try await mutate(request, context, message: "Coupon removed") { db, cart in
                try db.execute(literal: "UPDATE cart SET coupon_code = NULL WHERE id = \(cart.id)")
            }
        }
        group.get("carts/:id/evaluate-coupons") { request, context in try await evaluateCoupons(request, context) }
        group.post("carts/:id/loyalty-points") { request, context in try await redeemLoyalty(request, context) }
        group.delete("carts/:id/loyalty-points") { request, context in
            try await mutate(request, context, message: "Loyalty points removed") { db, cart in
                try db.execute(literal: "UPDATE cart SET loyalty_points_requested = 0 WHERE id = \(cart.id)")
            }
        }
        group.post("carts/:id/credit-balance") { request, context in try await redeemCredit(request, context) }
        group.delete("carts/:id/credit-balance") { request, context in
            try await mutate(request, context, message: "Credit balance removed") { db, cart in
                try db.execute(literal: "UPDATE cart SET credit_balance_requested = 0 WHERE id = \(cart.id)")
            }
        }
        group.post("carts/:id/gift-card") { request, context in try await redeemGiftCard(request, context) }
        // The reference's remove-gift-card answer is the cart itself, not `{cart}`.
        group.delete("carts/:id/gift-card") { request, context in
            try await mutate(request, context, message: "Gift card removed", wrapped: false) { db, cart in
                try db.execute(literal: "UPDATE cart SET gift_card_code = NULL WHERE id = \(cart.id)")
            }
        }
    }

    /// Loads the caller's cart `:id`, applies `change` in the same transaction and answers the priced cart
    /// (as `{cart}`, or the cart itself when not `wrapped`).
    func mutate(
        _ request: Request, _ context: SandboxContext, message: String, wrapped: Bool = true,
        _ change: @escaping @Sendable (Database, CartRecord) throws -> Void
    ) async throws -> Response {
        let session = try await auth.verifiedSession(request)
        let id = try context.parameters.require("id")
        let catalog = services.catalog
        let cart = try await services.database.write { db -> CartWire in
            try Authenticator.requireActive(db, userId: session.userId)
            let now = Date()
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
        let session = try await auth.verifiedSession(request)
        let id = try context.parameters.require("id")
        let catalog = services.catalog
        let answers = services.cartAnswers
        let body = try await services.database.read { db -> ByteBuffer in
            let now = Date()
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
        let session = try await auth.require(request)
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        var lines: [CartStore.LineRequest] = []
        if let items = body.array("items") {
            for (index, item) in items.enumerated() {
                guard case .object(let fields) = item else {
                    body.fail("items[\(index)]", "Must be an object")
                    continue
                }
                var nested = RequestBody(fields: fields)
                lines.append(Self.parseLine(&nested, prefix: "items[\(index)]."))
                body.absorb(nested)
            }
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
            let now = Date()
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
        let session = try await auth.verifiedReader(request)
        let userId = try context.parameters.require("user")
        try Authenticator.requireSelfOrSupport(session, userId)
        let catalog = services.catalog
        let answers = services.cartAnswers
        let support = session.isSupport
        let key = CartAnswerCache.userCartKey(userId)
        let body = try await services.database.read { db -> ByteBuffer? in
            let now = Date()
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
        let session = try await auth.require(request)
        let userId = try context.parameters.require("user")
        try Authenticator.requireSelf(session, userId)
        let deleted = try await services.database.write { db -> Bool in
            guard let cart = try CartStore.activeCart(db, userId: userId, now: Date()) else { return false }
            try db.execute(literal: "UPDATE cart SET active = 0 WHERE id = \(cart.id)")
            return true
        }
        guard deleted else { throw APIError.notFound("Cart not found") }
        return try Reply.message("All cart items are removed.")
    }

    func deleteCart(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try await auth.require(request)
        let id = try context.parameters.require("id")
        try await services.database.write { db in
            let cart = try CartStore.ownCart(db, id: id, userId: session.userId, now: Date())
            try db.execute(literal: "UPDATE cart SET active = 0 WHERE id = \(cart.id)")
        }
        return try Reply.message("Cart deleted")
    }

    func setAddress(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try await auth.require(request)
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
            let now = Date()
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
            try db.execute(literal: "UPDATE cart SET coupon_code = \(code) WHERE id = \(cart.id)")
        }
    }

    func redeemLoyalty(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let points = body.requiredInt("loyalty_point_redeemed", min: 1)
        try body.validate()
        return try await mutate(request, context, message: "Loyalty points applied") { db, cart in
            let available =
                try Int.fetchOne(
                    db, sql: "SELECT loyalty_points FROM user WHERE id = ?", arguments: [cart.userId]) ?? 0
            guard points <= available else {
                throw APIError(
                    status: .badRequest, code: "INSUFFICIENT_LOYALTY_POINTS",
                    message: "Only \(available) loyalty points available",
                    details: [FieldIssue(field: "loyalty_point_redeemed", message: "At most \(available)")])
            }
            try db.execute(literal: "UPDATE cart SET loyalty_points_requested = \(points) WHERE id = \(cart.id)")
        }
    }

    func redeemCredit(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let amount = body.requiredMoney("credit_balance_used")
        if body.issues.isEmpty && amount == 0 { body.fail("credit_balance_used", "Must be greater than 0") }
        try body.validate()
        return try await mutate(request, context, message: "Credit balance applied") { db, cart in
            let available =
                try Int.fetchOne(
                    db, sql: "SELECT credit_balance FROM user WHERE id = ?", arguments: [cart.userId]) ?? 0
            guard amount <= available else {
                throw APIError(
                    status: .badRequest, code: "INSUFFICIENT_CREDIT_BALANCE",
                    message: "Only ₹\(Paise(available).decimal) credit balance available",
                    details: [FieldIssue(field: "credit_balance_used", message: "At most \(Paise(available).decimal)")])
            }
            try db.execute(literal: "UPDATE cart SET credit_balance_requested = \(amount) WHERE id = \(cart.id)")
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
            guard card.expiresAt > Date() else {
                throw APIError(
                    status: .badRequest, code: "GIFT_CARD_EXPIRED", message: "Gift card has expired",
                    details: [FieldIssue(field: "gift_card_code", message: "Expired")])
            }
            guard card.balance > 0 else {
                throw APIError(
                    status: .badRequest, code: "GIFT_CARD_EMPTY", message: "Gift card has no balance left",
                    details: [FieldIssue(field: "gift_card_code", message: "No balance")])
            }
            try db.execute(literal: "UPDATE cart SET gift_card_code = \(code) WHERE id = \(cart.id)")
        }
    }

    // MARK: Coupons and promotions

    /// `redemption_limits` of a coupon or promotion (0 = unlimited).
    struct RedemptionLimitsWire: Encodable, Sendable {
        var totalRedemptions: Int
        var perCustomerRedemptions: Int
        var perCouponCodeRedemptions: Int
    }

    /// A product a coupon or promotion is limited to (`details.products[]`); the sandbox sets no quantity or value
    /// bounds beyond one unit.
    struct DiscountProductWire: Encodable, Sendable {
        var productId: String
        @Null var variantId: String?
        var minimumQuantity: Int
        @Null var maximumQuantity: Int?
        @Null var minimumValue: Paise?
        @Null var maximumValue: Paise?

        init(_ productId: String) {
            self.productId = productId
            minimumQuantity = 1
        }
    }

    /// `details` of a coupon or promotion in the lists (`discount_fixed_amount` is a listed sandbox extension: the
    /// documented details have no amount for the documented `fixed-amount` type).
    struct DiscountDetailsWire: Encodable, Sendable {
        var discountType: String
        var discountPercent: Int
        var discountFixedAmount: Paise
        var maximumDiscountAmount: Paise
        var products: [DiscountProductWire]
        var categoryId: [String]
    }

    /// The documented `applies_to_product`: `all` (the only value the examples show) when nothing limits the
    /// discount to products or categories, `specific` when something does.
    static func appliesToProduct(productIds: [String], categoryIds: [String]) -> String {
        productIds.isEmpty && categoryIds.isEmpty ? "all" : "specific"
    }

    struct CouponWire: Encodable, Sendable {
        var id: String
        var name: String
        var description: String
        var tags: [String]
        var redemptionLimits: RedemptionLimitsWire
        var redemptionCount: Int
        var minimumOrderTotal: Paise
        var startsAt: Date
        var expiresAt: Date
        var details: DiscountDetailsWire
        var appliesToProduct: String
        var couponType: String
        var couponCode: [String]
        /// The sandbox applies one coupon to every eligible line: no limit on items, no priority among them.
        var applicationRules: [String: JSONValue]
        var canBeUsedWithPromotion: Bool
    }

    static func couponWire(_ coupon: CouponRecord) -> CouponWire {
        CouponWire(
            id: coupon.id, name: coupon.name, description: coupon.description, tags: [],
            redemptionLimits: RedemptionLimitsWire(
                totalRedemptions: coupon.totalRedemptions, perCustomerRedemptions: coupon.perCustomerRedemptions,
                perCouponCodeRedemptions: coupon.totalRedemptions),
            redemptionCount: coupon.redemptionCount, minimumOrderTotal: Paise(coupon.minimumOrder),
            startsAt: coupon.startsAt, expiresAt: coupon.expiresAt,
            details: DiscountDetailsWire(
                discountType: coupon.discountType, discountPercent: coupon.discountPercent,
                discountFixedAmount: Paise(coupon.discountFixedAmount),
                maximumDiscountAmount: Paise(coupon.maximumDiscount),
                products: coupon.productIds.map(DiscountProductWire.init), categoryId: coupon.categoryIds),
            appliesToProduct: appliesToProduct(productIds: coupon.productIds, categoryIds: coupon.categoryIds),
            couponType: "discount", couponCode: [coupon.code],
            applicationRules: ["max_applicable_items": .null, "application_priority": .null],
            canBeUsedWithPromotion: coupon.canBeUsedWithPromotion)
    }

    func availableCoupons(_ request: Request) async throws -> Response {
        _ = try await auth.require(request)
        let coupons = try await services.database.read { db -> [CouponWire] in
            let now = Date()
            return try CouponRecord.fetchAll(db, sql: "SELECT * FROM coupon ORDER BY code")
                .filter {
                    PricingEngine.isActive($0.startsAt, $0.expiresAt, now)
                        && ($0.totalRedemptions == 0 || $0.redemptionCount < $0.totalRedemptions)
                }
                .map(Self.couponWire)
        }
        return try Reply.ok(["coupons": coupons], message: "Coupons retrieved")
    }

    struct PromotionWire: Encodable, Sendable {
        var id: String
        var name: String
        var description: String
        var tags: [String]
        var redemptionLimits: RedemptionLimitsWire
        var redemptionCount: Int
        var minimumOrderTotal: Paise
        var startsAt: Date
        var expiresAt: Date
        var details: DiscountDetailsWire
        var appliesToProduct: String
        var promotionType: String
        var canBeUsedWithOtherPromotion: Bool

        /// The sandbox's promotions are automatic, unlimited and without a minimum order.
        init(_ promotion: PromotionRecord) {
            id = promotion.id
            name = promotion.name
            description = promotion.description
            tags = []
            redemptionLimits = RedemptionLimitsWire(
                totalRedemptions: 0, perCustomerRedemptions: 0, perCouponCodeRedemptions: 0)
            redemptionCount = 0
            minimumOrderTotal = .zero
            startsAt = promotion.startsAt
            expiresAt = promotion.expiresAt
            details = DiscountDetailsWire(
                discountType: promotion.discountType, discountPercent: promotion.discountPercent,
                discountFixedAmount: Paise(promotion.discountFixedAmount), maximumDiscountAmount: .zero,
                products: promotion.productIds.map(DiscountProductWire.init), categoryId: promotion.categoryIds)
            appliesToProduct = CartRoutes.appliesToProduct(
                productIds: promotion.productIds, categoryIds: promotion.categoryIds)
            promotionType = promotion.promotionType
            canBeUsedWithOtherPromotion = false
        }
    }

    func availablePromotions(_ request: Request) async throws -> Response {
        _ = try await auth.require(request)
        let promotions = try await services.database.read { db -> [PromotionWire] in
            let now = Date()
            return try PromotionRecord.fetchAll(db).filter { PricingEngine.isActive($0.startsAt, $0.expiresAt, now) }
                .map(PromotionWire.init)
        }
        return try Reply.ok(["promotions": promotions], message: "Promotions retrieved")
    }

    /// An evaluated coupon: an applicable one with its estimated discount and savings message, an inapplicable one
    /// with the reason and a suggestion (each list documents only its own pair).
    struct EvaluatedCoupon: Encodable, Sendable {
        var id: String
        var name: String
        var couponType: String
        var couponCode: [String]
        var estimatedDiscount: Paise?
        var savingsMessage: String?
        var reason: String?
        var suggestion: String?

        enum CodingKeys: String, CodingKey {
            case id, name, couponType, couponCode, estimatedDiscount, savingsMessage, reason, suggestion
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(couponType, forKey: .couponType)
            try container.encode(couponCode, forKey: .couponCode)
            if let estimatedDiscount {
                try container.encode(estimatedDiscount, forKey: .estimatedDiscount)
                try container.encode(savingsMessage, forKey: .savingsMessage)
            } else {
                try container.encode(reason, forKey: .reason)
                try container.encode(suggestion, forKey: .suggestion)
            }
        }
    }

    func evaluateCoupons(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try await auth.require(request)
        let id = try context.parameters.require("id")
        let catalog = services.catalog
        let result = try await services.database.read { db -> [String: [EvaluatedCoupon]] in
            let now = Date()
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
