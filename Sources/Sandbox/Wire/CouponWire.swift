import Foundation

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

/// What a coupon and a promotion in the lists have in common (encoded into the same object as their own fields).
struct DiscountWire: Encodable, Sendable {
    var id: String
    var name: String
    var description: String
    var tags: [String] = []
    var redemptionLimits: RedemptionLimitsWire
    var redemptionCount: Int
    var minimumOrderTotal: Paise
    var startsAt: Date
    var expiresAt: Date
    var details: DiscountDetailsWire
    /// The documented `applies_to_product`: `all` (the only value the examples show) when nothing limits the
    /// discount to products or categories, `specific` when something does.
    var appliesToProduct: String

    init(
        id: String, name: String, description: String, redemptionLimits: RedemptionLimitsWire, redemptionCount: Int,
        minimumOrderTotal: Paise, startsAt: Date, expiresAt: Date, details: DiscountDetailsWire
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.redemptionLimits = redemptionLimits
        self.redemptionCount = redemptionCount
        self.minimumOrderTotal = minimumOrderTotal
        self.startsAt = startsAt
        self.expiresAt = expiresAt
        self.details = details
        appliesToProduct = details.products.isEmpty && details.categoryId.isEmpty ? "all" : "specific"
    }
}

/// A coupon in the list: its discount and its own terms.
typealias CouponWire = MergedWire<DiscountWire, CouponTermsWire>

struct CouponTermsWire: Encodable, Sendable {
    var couponType = "discount"
    var couponCode: [String]
    /// The sandbox applies one coupon to every eligible line: no limit on items, no priority among them.
    var applicationRules: [String: JSONValue] = ["max_applicable_items": .null, "application_priority": .null]
    var canBeUsedWithPromotion: Bool
}

extension MergedWire<DiscountWire, CouponTermsWire> {
    init(_ coupon: CouponRecord) {
        let discount = DiscountWire(
            id: coupon.id, name: coupon.name, description: coupon.description,
            redemptionLimits: RedemptionLimitsWire(
                totalRedemptions: coupon.totalRedemptions, perCustomerRedemptions: coupon.perCustomerRedemptions,
                perCouponCodeRedemptions: coupon.totalRedemptions),
            redemptionCount: coupon.redemptionCount, minimumOrderTotal: Paise(coupon.minimumOrder),
            startsAt: coupon.startsAt, expiresAt: coupon.expiresAt,
            details: DiscountDetailsWire(
                discountType: coupon.discountType, discountPercent: coupon.discountPercent,
                discountFixedAmount: Paise(coupon.discountFixedAmount),
                maximumDiscountAmount: Paise(coupon.maximumDiscount),
                products: coupon.productIds.map(DiscountProductWire.init), categoryId: coupon.categoryIds))
        self.init(
            shared: discount,
            own: CouponTermsWire(couponCode: [coupon.code], canBeUsedWithPromotion: coupon.canBeUsedWithPromotion))
    }
}

/// A promotion in the list: its discount and its type. The sandbox's promotions are automatic, unlimited and
/// without a minimum order.
typealias PromotionWire = MergedWire<DiscountWire, PromotionTermsWire>

struct PromotionTermsWire: Encodable, Sendable {
    var promotionType: String
    var canBeUsedWithOtherPromotion = false
}

extension MergedWire<DiscountWire, PromotionTermsWire> {
    init(_ promotion: PromotionRecord) {
        let discount = DiscountWire(
            id: promotion.id, name: promotion.name, description: promotion.description,
            redemptionLimits: RedemptionLimitsWire(
                totalRedemptions: 0, perCustomerRedemptions: 0, perCouponCodeRedemptions: 0),
            redemptionCount: 0, minimumOrderTotal: .zero, startsAt: promotion.startsAt,
            expiresAt: promotion.expiresAt,
            details: DiscountDetailsWire(
                discountType: promotion.discountType, discountPercent: promotion.discountPercent,
                discountFixedAmount: Paise(promotion.discountFixedAmount), maximumDiscountAmount: .zero,
                products: promotion.productIds.map(DiscountProductWire.init), categoryId: promotion.categoryIds))
        self.init(shared: discount, own: PromotionTermsWire(promotionType: promotion.promotionType))
    }
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
