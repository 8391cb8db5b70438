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

/// `CartItem`: unit prices plus the line's tax and discounts; the part an order's list shows, and the rest.
typealias CartItemWire = MergedWire<OrderLineWire, CartLineDetailsWire>

/// A line as both a cart and the list of orders show it: the product, unit prices, the line's tax and discounts.
struct OrderLineWire: Codable, Sendable, Equatable {
    var productId: String
    var productName: String
    var productImageUrl: String
    var sku: String
    var onOffer: Bool
    var onPromotion: Bool
    var onSubscription: Bool
    var quantity: Int
    var freeQuantity: Int
    var isFreeItem: Bool
    var sellingPrice: Paise
    var listingPrice: Paise
    var promotionDiscountAmount: Paise
    var couponDiscountAmount: Paise
    var taxType: String
    var taxRate: Int
    /// Of the line (unit × quantity).
    var taxAmount: Paise
}

/// What only a cart's line has.
struct CartLineDetailsWire: Codable, Sendable, Equatable {
    @Null var variantId: String?
    var slug: String
    @Null var variantName: String?
    var productType: String
    var stockAvailable: Bool
    var backorder: Bool
    var categoryIds: [String]
    /// Whether `selling_price` includes GST.
    var priceIncludingTax: Bool
    var sellingPriceExcludingTax: Paise
    /// Unit price the customer pays, GST included (sandbox extension).
    var sellingPriceIncludingTax: Paise
    var minOrderQuantity: Int
    var maxOrderQuantity: Int
    var incrementalQuantity: Int
    /// Line (unit × quantity) amounts.
    var subtotal: Paise
    var totalPriceIncludingTax: Paise
    var handlingChargeExcludingTax: Paise = .zero
    var handlingChargeTaxAmount: Paise = .zero
    var handlingChargeIncludingTax: Paise = .zero
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
