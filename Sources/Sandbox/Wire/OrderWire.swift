import Foundation

/// What an order keeps of its cart: the priced cart at the moment of ordering.
typealias OrderSnapshot = CartWire

struct AppliedCouponWire: Codable, Sendable, Equatable {
    var code: String
    var discountAmount: Paise
}

/// An order's `fulfillment_preference`: the cart's, with who chose it (`preference_type`; in the sandbox always
/// the customer, `user`).
struct OrderFulfillmentPreferenceWire: Codable, Sendable, Equatable {
    var fulfillmentType: String
    @Null var pickupLocationId: String?
    var preferenceType: String
    @Null var pickupLocationName: String?

    init(_ preference: FulfillmentPreferenceWire) {
        fulfillmentType = preference.fulfillmentType
        pickupLocationId = preference.pickupLocationId
        preferenceType = "user"
        pickupLocationName = preference.pickupLocationName
    }
}

/// `Order` / `OrderDetail` (note the singular `loyalty_point_*` names on orders): its cart's totals as ordered,
/// and its own fields.
typealias OrderWire = MergedWire<CartTotalsWire, OrderDetailsWire>

extension MergedWire<CartTotalsWire, OrderDetailsWire> {
    init(_ order: OrderRecord) {
        self.init(shared: order.snapshot.shared.ordered, own: OrderDetailsWire(order))
    }
}

/// What only an order has, next to its cart's totals.
struct OrderDetailsWire: Encodable, Sendable {
    static let cancellableStatuses: Set<String> = ["pending", "confirmed"]

    var orderNumber: String
    var orderDate: Date
    var userId: String
    var cartId: String
    var status: String
    var paymentStatus: String
    @Null var paymentSuccessDate: Date?
    var appliedCoupons: [AppliedCouponWire]
    var promotionSavings: Paise
    var couponSavings: Paise
    var otherSavings: Paise
    var totalSavings: Paise
    var onSubscription: Bool
    var itemTotalTax: Paise
    @Null var fulfillmentPreference: OrderFulfillmentPreferenceWire?
    var loyaltyPointRedeemed: Int
    var amountPaid: Paise
    var loyaltyPointEarned: Int
    var orderItemsCount: Int
    var orderItems: [CartItemWire]
    var isCancellationAllowed: Bool
    @Null var cancellationReason: String?

    init(_ order: OrderRecord) {
        let cart = order.snapshot
        orderNumber = order.orderNumber
        orderDate = order.createdAt
        userId = order.userId
        cartId = order.cartId
        status = order.status
        paymentStatus = order.paymentStatus
        paymentSuccessDate = order.paymentSuccessAt
        appliedCoupons =
            cart.isCouponApplied
            ? [AppliedCouponWire(code: cart.couponCode ?? "", discountAmount: cart.couponDiscountAmount)] : []
        promotionSavings = cart.promotionDiscountAmount
        couponSavings = cart.couponDiscountAmount
        otherSavings = cart.shippingDiscountAmount
        totalSavings = cart.promotionDiscountAmount + cart.couponDiscountAmount + cart.shippingDiscountAmount
        onSubscription = false
        itemTotalTax = cart.itemsTaxAmount
        fulfillmentPreference = cart.fulfillmentPreference.map(OrderFulfillmentPreferenceWire.init)
        loyaltyPointRedeemed = cart.loyaltyPointsRedeemed
        amountPaid = Paise(order.amountPaid)
        loyaltyPointEarned = cart.loyaltyPointsEarned
        orderItemsCount = cart.cartItemsCount
        orderItems = cart.cartItems
        isCancellationAllowed = Self.cancellableStatuses.contains(order.status)
        cancellationReason = order.cancellationReason
    }
}

/// An order in `GET /orders`: the documented summary (`OrderList`), not the full order of `GET /orders/{n}`.
struct OrderSummaryWire: Encodable, Sendable {
    var orderNumber: String
    var orderDate: Date
    var status: String
    var paymentStatus: String
    @Null var paymentSuccessDate: Date?
    var hasRefund: Bool
    var onSubscription: Bool
    var grandTotal: Paise
    var loyaltyPointRedeemed: Int
    var creditBalanceUsed: Paise
    var toBePaid: Paise
    var orderItemsCount: Int
    var orderItems: [OrderSummaryItemWire]
    @Null var customerNote: String?
    var loyaltyPointEarned: Int
    var currency: CurrencyWire
    var createdAt: Date
    var modifiedAt: Date

    init(_ order: OrderRecord) {
        let cart = order.snapshot
        orderNumber = order.orderNumber
        orderDate = order.createdAt
        status = order.status
        paymentStatus = order.paymentStatus
        paymentSuccessDate = order.paymentSuccessAt
        // A cancelled order that had been paid is refunded to the original payment mode.
        hasRefund = order.status == "cancelled" && order.amountPaid > 0
        onSubscription = false
        grandTotal = cart.grandTotal
        loyaltyPointRedeemed = cart.loyaltyPointsRedeemed
        creditBalanceUsed = cart.creditBalanceUsed
        toBePaid = cart.toBePaid
        orderItemsCount = cart.cartItemsCount
        orderItems = cart.cartItems.map(OrderSummaryItemWire.init)
        customerNote = cart.customerNote
        loyaltyPointEarned = cart.loyaltyPointsEarned
        currency = cart.currency
        createdAt = order.createdAt
        // The sandbox keeps no modification time of its own: the last it knows of is the payment's.
        modifiedAt = max(order.createdAt, order.paymentSuccessAt ?? order.createdAt)
    }
}

/// A line of an order in `GET /orders` (`OrderItem` of the list: unit prices, the line's tax and discounts).
struct OrderSummaryItemWire: Encodable, Sendable {
    var productId: String
    var productName: String
    var productImageUrl: String
    var sku: String
    var onOffer: Bool
    var onPromotion: Bool
    var onSubscription: Bool
    @Null var subscriptionPlan: String?
    @Null var subscriptionInterval: Int?
    @Null var subscriptionFrequency: String?
    var quantity: Int
    var freeQuantity: Int
    var isFreeItem: Bool
    var sellingPrice: Paise
    var listingPrice: Paise
    var promotionDiscountAmount: Paise
    var couponDiscountAmount: Paise
    var taxType: String
    var taxRate: Int
    var taxAmount: Paise
    var shippingAdditionalCost: Paise

    init(_ item: CartItemWire) {
        productId = item.productId
        productName = item.productName
        productImageUrl = item.productImageUrl
        sku = item.sku
        onOffer = item.onOffer
        onPromotion = item.onPromotion
        onSubscription = item.onSubscription
        quantity = item.quantity
        freeQuantity = item.freeQuantity
        isFreeItem = item.isFreeItem
        sellingPrice = item.sellingPrice
        listingPrice = item.listingPrice
        promotionDiscountAmount = item.promotionDiscountAmount
        couponDiscountAmount = item.couponDiscountAmount
        taxType = item.taxType
        taxRate = item.taxRate
        taxAmount = item.taxAmount
        shippingAdditionalCost = .zero
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
