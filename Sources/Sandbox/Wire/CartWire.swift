import Foundation

struct CurrencyWire: Codable, Sendable, Equatable {
    var name: String
    var code: String
    var symbol: String
}

struct FulfillmentPreferenceWire: Codable, Sendable, Equatable {
    var fulfillmentType: String
    @Null var pickupLocationId: String?
    @Null var pickupLocationName: String?
}

struct AppliedPromotionWire: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var discountAmount: Paise
}

/// `CartItem`: unit prices plus the line's tax and discounts.
struct CartItemWire: Codable, Sendable, Equatable {
    var productId: String
    @Null var variantId: String?
    var sku: String
    var slug: String
    var productName: String
    @Null var variantName: String?
    var productType: String
    var productImageUrl: String
    var stockAvailable: Bool
    var backorder: Bool
    var onOffer: Bool
    var onSubscription: Bool
    var onPromotion: Bool
    var quantity: Int
    var isFreeItem: Bool
    var freeQuantity: Int
    var categoryIds: [String]
    /// Whether `selling_price` includes GST.
    var priceIncludingTax: Bool
    var listingPrice: Paise
    var sellingPrice: Paise
    var sellingPriceExcludingTax: Paise
    /// Unit price the customer pays, GST included (sandbox extension).
    var sellingPriceIncludingTax: Paise
    var minOrderQuantity: Int
    var maxOrderQuantity: Int
    var incrementalQuantity: Int
    var taxType: String
    var taxRate: Int
    /// Line (unit × quantity) amounts.
    var subtotal: Paise
    var taxAmount: Paise
    var totalPriceIncludingTax: Paise
    var promotionDiscountAmount: Paise
    var couponDiscountAmount: Paise
    var handlingChargeExcludingTax: Paise
    var handlingChargeTaxAmount: Paise
    var handlingChargeIncludingTax: Paise
}

/// `Cart`, priced by ``PricingEngine``. Also the snapshot stored with an order.
struct CartWire: Codable, Sendable, Equatable {
    var id: String
    var userId: String
    var active: Bool
    @Null var customerEmail: String?
    @Null var customerPhone: String?
    @Null var customerNote: String?
    var isPromotionApplied: Bool
    var promotionDiscountAmount: Paise
    /// A percentage only when one promotion's percentage gives the whole discount; the sandbox sends `null`.
    @Null var promotionDiscountPercent: Int?
    var appliedPromotions: [AppliedPromotionWire]
    var isCouponApplied: Bool
    @Null var couponCode: String?
    var couponDiscountAmount: Paise
    @Null var couponDiscountPercent: Int?
    /// Why a set coupon currently gives nothing (sandbox extension).
    @Null var couponMessage: String?
    var subtotal: Paise
    var itemsTaxAmount: Paise
    var subtotalIncludingTax: Paise
    var shippingEstimatedCost: Paise
    var shippingDiscountAmount: Paise
    var shippingAmount: Paise
    var shippingTaxRate: Int
    var shippingTaxAmount: Paise
    var shippingAmountIncludingTax: Paise
    @Null var shippingProviderId: String?
    @Null var shippingProviderName: String?
    @Null var courierCompanyId: String?
    @Null var courierCompanyName: String?
    @Null var fulfillmentPreference: FulfillmentPreferenceWire?
    @Null var estimatedDeliveryDays: Int?
    var handlingChargeExcludingTax: Paise
    var handlingChargeTaxAmount: Paise
    var handlingChargeIncludingTax: Paise
    var totalTax: Paise
    var grandTotal: Paise
    var loyaltyPointsRedeemed: Int
    var loyaltyPointsValue: Paise
    var loyaltyPointsEarned: Int
    var creditBalanceUsed: Paise
    @Null var giftCardCode: String?
    var giftCardAmount: Paise
    @Null var giftCardBalance: Paise?
    var toBePaid: Paise
    var cartItemsCount: Int
    var cartItems: [CartItemWire]
    @Null var billingAddress: AddressPayload?
    @Null var shippingAddress: AddressPayload?
    var metadata: [String: String]
    var currency: CurrencyWire
    var createdAt: Date
    var expiresAt: Date
}
