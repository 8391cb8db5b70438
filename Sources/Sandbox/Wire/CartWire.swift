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

/// `Cart`, priced by ``PricingEngine``: the totals it shares with an order and its own fields. Also the snapshot
/// stored with an order.
typealias CartWire = MergedWire<CartTotalsWire, CartDetailsWire>

/// The block a cart and an order share, encoded into the same object as their own fields: the customer's contact
/// and addresses, the discounts, subtotal, shipping, handling, taxes and what is left to pay.
struct CartTotalsWire: Codable, Sendable, Equatable {
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
    var subtotal: Paise
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
    @Null var estimatedDeliveryDays: Int?
    /// The sandbox charges no handling: all three are zero.
    var handlingChargeExcludingTax: Paise = .zero
    var handlingChargeTaxAmount: Paise = .zero
    var handlingChargeIncludingTax: Paise = .zero
    var totalTax: Paise
    var grandTotal: Paise
    var creditBalanceUsed: Paise
    @Null var giftCardCode: String?
    var giftCardAmount: Paise
    var toBePaid: Paise
    var currency: CurrencyWire
    @Null var billingAddress: AddressPayload?
    @Null var shippingAddress: AddressPayload?

    /// As an order shows them: no promotion percentage, and a coupon or gift card only when it gave something.
    var ordered: CartTotalsWire {
        var totals = self
        totals.promotionDiscountPercent = nil
        if !isCouponApplied {
            totals.couponCode = nil
            totals.couponDiscountPercent = nil
        }
        if giftCardAmount.value <= 0 { totals.giftCardCode = nil }
        return totals
    }
}

/// What only a cart has (an order names these its own way, see ``OrderDetailsWire``).
struct CartDetailsWire: Codable, Sendable, Equatable {
    var id: String
    var userId: String
    var active: Bool
    /// Why a set coupon currently gives nothing (sandbox extension).
    @Null var couponMessage: String?
    var itemsTaxAmount: Paise
    @Null var courierCompanyName: String?
    @Null var fulfillmentPreference: FulfillmentPreferenceWire?
    var loyaltyPointsRedeemed: Int
    var loyaltyPointsValue: Paise
    var loyaltyPointsEarned: Int
    @Null var giftCardBalance: Paise?
    var cartItemsCount: Int
    var cartItems: [CartItemWire]
    var metadata: [String: String]
    var createdAt: Date
    var expiresAt: Date
}
