import Foundation

/// What an order keeps of its cart: the priced cart at the moment of ordering.
typealias OrderSnapshot = CartWire

struct AppliedCouponWire: Codable, Sendable, Equatable {
    var code: String
    var discountAmount: Paise
}

/// An order's `fulfillment_preference`: the cart's, with who chose it (`preference_type`; in the sandbox always
/// the customer, `user`).
typealias OrderFulfillmentPreferenceWire = MergedWire<FulfillmentPreferenceWire, PreferenceTypeWire>

struct PreferenceTypeWire: Codable, Sendable, Equatable {
    var preferenceType = "user"
}

extension MergedWire<FulfillmentPreferenceWire, PreferenceTypeWire> {
    init(_ preference: FulfillmentPreferenceWire) {
        self.init(shared: preference, own: PreferenceTypeWire())
    }
}

/// `Order` / `OrderDetail` (note the singular `loyalty_point_*` names on orders): its cart's totals as ordered,
/// its status (as the list shows it too) and its own fields.
typealias OrderWire = MergedWire<CartTotalsWire, MergedWire<OrderStatusWire, OrderDetailsWire>>

extension MergedWire<CartTotalsWire, MergedWire<OrderStatusWire, OrderDetailsWire>> {
    init(_ order: OrderRecord) {
        self.init(
            shared: order.snapshot.shared.ordered,
            own: MergedWire<OrderStatusWire, OrderDetailsWire>(
                shared: OrderStatusWire(order), own: OrderDetailsWire(order)))
    }
}

/// An order's number, dates, status and the counts both the order and the list of orders show.
struct OrderStatusWire: Encodable, Sendable {
    var orderNumber: String
    var orderDate: Date
    var status: String
    var paymentStatus: String
    @Null var paymentSuccessDate: Date?
    var onSubscription = false
    var loyaltyPointRedeemed: Int
    var loyaltyPointEarned: Int
    var orderItemsCount: Int

    init(_ order: OrderRecord) {
        let cart = order.snapshot
        orderNumber = order.orderNumber
        orderDate = order.createdAt
        status = order.status
        paymentStatus = order.paymentStatus
        paymentSuccessDate = order.paymentSuccessAt
        loyaltyPointRedeemed = cart.loyaltyPointsRedeemed
        loyaltyPointEarned = cart.loyaltyPointsEarned
        orderItemsCount = cart.cartItemsCount
    }
}

/// What only the full order has, next to its cart's totals and its status.
struct OrderDetailsWire: Encodable, Sendable {
    static let cancellableStatuses: Set<String> = ["pending", "confirmed"]

    var userId: String
    var cartId: String
    var appliedCoupons: [AppliedCouponWire]
    var promotionSavings: Paise
    var couponSavings: Paise
    var otherSavings: Paise
    var totalSavings: Paise
    var itemTotalTax: Paise
    @Null var fulfillmentPreference: OrderFulfillmentPreferenceWire?
    var amountPaid: Paise
    var orderItems: [CartItemWire]
    var isCancellationAllowed: Bool
    @Null var cancellationReason: String?

    init(_ order: OrderRecord) {
        let cart = order.snapshot
        userId = order.userId
        cartId = order.cartId
        appliedCoupons =
            cart.isCouponApplied
            ? [AppliedCouponWire(code: cart.couponCode ?? "", discountAmount: cart.couponDiscountAmount)] : []
        promotionSavings = cart.promotionDiscountAmount
        couponSavings = cart.couponDiscountAmount
        otherSavings = cart.shippingDiscountAmount
        totalSavings = cart.promotionDiscountAmount + cart.couponDiscountAmount + cart.shippingDiscountAmount
        itemTotalTax = cart.itemsTaxAmount
        fulfillmentPreference = cart.fulfillmentPreference.map(OrderFulfillmentPreferenceWire.init)
        amountPaid = Paise(order.amountPaid)
        orderItems = cart.cartItems
        isCancellationAllowed = Self.cancellableStatuses.contains(order.status)
        cancellationReason = order.cancellationReason
    }
}

/// An order in `GET /orders`: the documented summary (`OrderList`), not the full order of `GET /orders/{n}`.
typealias OrderSummaryWire = MergedWire<OrderStatusWire, OrderSummaryDetailsWire>

extension MergedWire<OrderStatusWire, OrderSummaryDetailsWire> {
    init(_ order: OrderRecord) {
        self.init(shared: OrderStatusWire(order), own: OrderSummaryDetailsWire(order))
    }
}

/// What the list of orders shows beyond the status: the money, the lines and the times.
struct OrderSummaryDetailsWire: Encodable, Sendable {
    var hasRefund: Bool
    var grandTotal: Paise
    var creditBalanceUsed: Paise
    var toBePaid: Paise
    var orderItems: [OrderSummaryItemWire]
    @Null var customerNote: String?
    var currency: CurrencyWire
    var createdAt: Date
    var modifiedAt: Date

    init(_ order: OrderRecord) {
        let cart = order.snapshot
        // A cancelled order that had been paid is refunded to the original payment mode.
        hasRefund = order.status == "cancelled" && order.amountPaid > 0
        grandTotal = cart.grandTotal
        creditBalanceUsed = cart.creditBalanceUsed
        toBePaid = cart.toBePaid
        orderItems = cart.cartItems.map(OrderSummaryItemWire.init)
        customerNote = cart.customerNote
        currency = cart.currency
        createdAt = order.createdAt
        // The sandbox keeps no modification time of its own: the last it knows of is the payment's.
        modifiedAt = max(order.createdAt, order.paymentSuccessAt ?? order.createdAt)
    }
}

/// A line of an order in `GET /orders` (`OrderItem` of the list): the cart line's ``OrderLineWire`` with the
/// subscription and shipping fields the sandbox leaves empty.
typealias OrderSummaryItemWire = MergedWire<OrderLineWire, OrderLineExtrasWire>

struct OrderLineExtrasWire: Encodable, Sendable {
    @Null var subscriptionPlan: String?
    @Null var subscriptionInterval: Int?
    @Null var subscriptionFrequency: String?
    var shippingAdditionalCost = Paise.zero
}

extension MergedWire<OrderLineWire, OrderLineExtrasWire> {
    init(_ item: CartItemWire) {
        self.init(shared: item.shared, own: OrderLineExtrasWire())
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
