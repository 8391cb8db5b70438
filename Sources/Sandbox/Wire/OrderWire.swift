import Foundation

/// What an order keeps of its cart: the priced cart at the moment of ordering.
typealias OrderSnapshot = CartWire

struct AppliedCouponWire: Codable, Sendable, Equatable {
    var code: String
    var discountAmount: Paise
}

/// `Order` / `OrderDetail` (note the singular `loyalty_point_*` names on orders).
struct OrderWire: Encodable, Sendable {
    var orderNumber: String
    var orderDate: Date
    var userId: String
    var cartId: String
    var status: String
    var paymentStatus: String
    @Null var paymentSuccessDate: Date?
    @Null var customerNote: String?
    @Null var customerEmail: String?
    @Null var customerPhone: String?
    var appliedPromotions: [AppliedPromotionWire]
    var appliedCoupons: [AppliedCouponWire]
    @Null var couponCode: String?
    var promotionSavings: Paise
    var couponSavings: Paise
    var otherSavings: Paise
    var totalSavings: Paise
    var onSubscription: Bool
    var subtotal: Paise
    var itemTotalTax: Paise
    var subtotalIncludingTax: Paise
    var shippingEstimatedCost: Paise
    var shippingDiscountAmount: Paise
    var shippingAmount: Paise
    var shippingTaxRate: Int
    var shippingTaxAmount: Paise
    var shippingAmountIncludingTax: Paise
    @Null var shippingProviderName: String?
    @Null var fulfillmentPreference: FulfillmentPreferenceWire?
    @Null var estimatedDeliveryDays: Int?
    var handlingChargeExcludingTax: Paise
    var handlingChargeTaxAmount: Paise
    var handlingChargeIncludingTax: Paise
    var totalTax: Paise
    var grandTotal: Paise
    var loyaltyPointRedeemed: Int
    var creditBalanceUsed: Paise
    @Null var giftCardCode: String?
    var giftCardAmount: Paise
    var toBePaid: Paise
    var amountPaid: Paise
    var loyaltyPointEarned: Int
    var orderItemsCount: Int
    var orderItems: [CartItemWire]
    var currency: CurrencyWire
    @Null var billingAddress: AddressPayload?
    @Null var shippingAddress: AddressPayload?
    var isCancellationAllowed: Bool
    @Null var cancellationReason: String?

    static let cancellableStatuses: Set<String> = ["pending", "confirmed"]

    init(_ order: OrderRecord) {
        let cart = order.snapshot
        orderNumber = order.orderNumber
        orderDate = order.createdAt
        userId = order.userId
        cartId = order.cartId
        status = order.status
        paymentStatus = order.paymentStatus
        paymentSuccessDate = order.paymentSuccessAt
        customerNote = cart.customerNote
        customerEmail = cart.customerEmail
        customerPhone = cart.customerPhone
        appliedPromotions = cart.appliedPromotions
        appliedCoupons =
            cart.isCouponApplied
            ? [AppliedCouponWire(code: cart.couponCode ?? "", discountAmount: cart.couponDiscountAmount)] : []
        couponCode = cart.isCouponApplied ? cart.couponCode : nil
        promotionSavings = cart.promotionDiscountAmount
        couponSavings = cart.couponDiscountAmount
        otherSavings = cart.shippingDiscountAmount
        totalSavings = cart.promotionDiscountAmount + cart.couponDiscountAmount + cart.shippingDiscountAmount
        onSubscription = false
        subtotal = cart.subtotal
        itemTotalTax = cart.itemsTaxAmount
        subtotalIncludingTax = cart.subtotalIncludingTax
        shippingEstimatedCost = cart.shippingEstimatedCost
        shippingDiscountAmount = cart.shippingDiscountAmount
        shippingAmount = cart.shippingAmount
        shippingTaxRate = cart.shippingTaxRate
        shippingTaxAmount = cart.shippingTaxAmount
        shippingAmountIncludingTax = cart.shippingAmountIncludingTax
        shippingProviderName = cart.shippingProviderName
        fulfillmentPreference = cart.fulfillmentPreference
        estimatedDeliveryDays = cart.estimatedDeliveryDays
        handlingChargeExcludingTax = cart.handlingChargeExcludingTax
        handlingChargeTaxAmount = cart.handlingChargeTaxAmount
        handlingChargeIncludingTax = cart.handlingChargeIncludingTax
        totalTax = cart.totalTax
        grandTotal = cart.grandTotal
        loyaltyPointRedeemed = cart.loyaltyPointsRedeemed
        creditBalanceUsed = cart.creditBalanceUsed
        giftCardCode = cart.giftCardAmount.value > 0 ? cart.giftCardCode : nil
        giftCardAmount = cart.giftCardAmount
        toBePaid = cart.toBePaid
        amountPaid = Paise(order.amountPaid)
        loyaltyPointEarned = cart.loyaltyPointsEarned
        orderItemsCount = cart.cartItemsCount
        orderItems = cart.cartItems
        currency = cart.currency
        billingAddress = cart.billingAddress
        shippingAddress = cart.shippingAddress
        isCancellationAllowed = Self.cancellableStatuses.contains(order.status)
        cancellationReason = order.cancellationReason
    }
}

struct PaymentLinksWire: Codable, Sendable, Equatable {
    var web: String
    var mobile: String
    var iframe: String
    @Null var expiry: Date?
}

/// `JusPayHyperCheckoutResponse` (and the express-checkout fields when that integration was asked for).
struct PaymentInfoWire: Codable, Sendable, Equatable {
    var id: String
    var status: String
    var orderId: String
    var paymentLinks: PaymentLinksWire
    var orderExpiry: Date
    var sdkPayload: [String: JSONValue]
    @Null var txnId: String?
    var payment: [String: [String: String]]?
}
