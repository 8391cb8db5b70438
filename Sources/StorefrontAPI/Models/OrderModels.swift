/// How an order is to be paid: Juspay's hosted payment page (the simplest for a terminal).
public struct PaymentMethodPayload: Codable, Sendable, Hashable {
    public var paymentProviderSlug: String
    public var integrationType: String
    public var gatewayReferenceId: String?
    public var returnUrl: String
    public var action: String?

    public init(
        paymentProviderSlug: String = "juspay", integrationType: String = "hyper-checkout",
        gatewayReferenceId: String? = nil, returnUrl: String, action: String? = "paymentPage"
    ) {
        self.paymentProviderSlug = paymentProviderSlug
        self.integrationType = integrationType
        self.gatewayReferenceId = gatewayReferenceId
        self.returnUrl = returnUrl
        self.action = action
    }

    public static func juspayHostedPage(returnURL: String) -> PaymentMethodPayload {
        PaymentMethodPayload(returnUrl: returnURL)
    }
}

public struct OrderCreate: Codable, Sendable, Hashable {
    public var cartId: String
    public var paymentMethod: PaymentMethodPayload?

    public init(cartId: String, paymentMethod: PaymentMethodPayload?) {
        self.cartId = cartId
        self.paymentMethod = paymentMethod
    }
}

public struct OrderItem: Codable, Sendable, Hashable {
    public var productId: String?
    public var variantId: String?
    public var productName: String?
    public var variantName: String?
    @Defaulted<Defaults.ZeroInt> public var quantity: Int
    @Defaulted<Defaults.Zero> public var sellingPrice: Money
}

/// An order (list entries carry fewer fields than the detail).
public struct Order: Codable, Sendable, Hashable, Identifiable {
    @LenientID public var orderNumber: String
    public var orderDate: String?
    public var status: OrderStatus?
    public var paymentStatus: PaymentState?
    public var couponCode: String?
    @Defaulted<Defaults.Zero> public var subtotal: Money
    @Defaulted<Defaults.Zero> public var totalTax: Money
    @Defaulted<Defaults.Zero> public var shippingAmountIncludingTax: Money
    /// Shipping after its discount, before its tax (the tax is in `total_tax`).
    @Defaulted<Defaults.Zero> public var shippingAmount: Money
    @Defaulted<Defaults.Zero> public var shippingDiscountAmount: Money
    @Defaulted<Defaults.Zero> public var couponDiscountAmount: Money
    @Defaulted<Defaults.Zero> public var promotionDiscountAmount: Money
    @Defaulted<Defaults.Zero> public var couponSavings: Money
    @Defaulted<Defaults.Zero> public var promotionSavings: Money
    @Defaulted<Defaults.Zero> public var totalSavings: Money
    @Defaulted<Defaults.Zero> public var grandTotal: Money
    @Defaulted<Defaults.ZeroInt> public var loyaltyPointRedeemed: Int
    @Defaulted<Defaults.Zero> public var creditBalanceUsed: Money
    public var giftCardCode: String?
    @Defaulted<Defaults.Zero> public var giftCardAmount: Money
    @Defaulted<Defaults.Zero> public var toBePaid: Money
    @Defaulted<Defaults.ZeroInt> public var orderItemsCount: Int
    public var orderItems: [OrderItem]?
    public var currency: Currency?
    public var isCancellationAllowed: Bool?
    public var shippingAddress: Address?
    /// Delivered, or collected from a store (its name), as the order was placed.
    public var fulfillmentPreference: FulfillmentPreference?

    public var id: String { orderNumber }

    /// Placed, not cancelled, and its payment not (fully) received: it can still be paid (or cancelled).
    public var isAwaitingPayment: Bool {
        guard status != .cancelled, toBePaid > .zero else { return false }
        switch paymentStatus {
        case .pending?, .failed?, .partiallyPaid?: return true
        default: return false
        }
    }

    /// What cancelling it gives back in money: the amount paid, when its payment was received in full (the
    /// cancellation asks for it on the original payment method); nil when nothing was paid.
    public var refundOnCancel: Money? {
        guard paymentStatus == .success, toBePaid > .zero else { return nil }
        return toBePaid
    }

    public init(
        orderNumber: String, status: OrderStatus?, paymentStatus: PaymentState?, grandTotal: Money, toBePaid: Money
    ) {
        self.orderNumber = orderNumber
        self.status = status
        self.paymentStatus = paymentStatus
        self.grandTotal = grandTotal
        self.toBePaid = toBePaid
    }
}

public struct PaymentLinks: Codable, Sendable, Hashable {
    public var web: String?
    public var mobile: String?
    public var iframe: String?
    public var expiry: String?

    public init(web: String?) {
        self.web = web
    }
}

/// `payment_info` of a created order (HyperCheckout shape; Express Checkout fields are ignored).
public struct PaymentInfo: Codable, Sendable, Hashable {
    public var id: String?
    public var status: String?
    public var orderId: String?
    public var paymentLinks: PaymentLinks?
    public var orderExpiry: String?

    public init(id: String?, status: String?, orderId: String?, paymentLinks: PaymentLinks?) {
        self.id = id
        self.status = status
        self.orderId = orderId
        self.paymentLinks = paymentLinks
    }
}

public struct OrderCreated: Decodable, Sendable, Hashable {
    public var order: Order
    @Defaulted<Defaults.False> public var paymentRequired: Bool
    public var paymentInfo: PaymentInfo?
}

public struct OrderContent: Decodable, Sendable, Hashable {
    public var order: Order
}

public struct OrdersPage: Decodable, Sendable, Hashable {
    @Defaulted<Defaults.EmptyList<Order>> public var orders: [Order]
    public var pagination: Pagination?
}

/// `GET /orders/{n}/payment-status`.
public struct PaymentStatus: Codable, Sendable, Hashable {
    public typealias State = PaymentState

    public var status: State
    public var amountPaid: Money?
    public var amountUnpaid: Money?
    @Defaulted<Defaults.False> public var isRetryAvailable: Bool

    public init(status: State, amountPaid: Money? = nil, amountUnpaid: Money? = nil, isRetryAvailable: Bool = false) {
        self.status = status
        self.amountPaid = amountPaid
        self.amountUnpaid = amountUnpaid
        self.isRetryAvailable = isRetryAvailable
    }
}

public struct PaymentInfoContent: Decodable, Sendable, Hashable {
    public var paymentInfo: PaymentInfo?
}

public struct OrderCancel: Codable, Sendable, Hashable {
    public var cancellationReason: String
    public var refundMode: String
    public var feedback: String?

    public init(cancellationReason: String, refundMode: String = "original_payment_mode", feedback: String? = nil) {
        self.cancellationReason = cancellationReason
        self.refundMode = refundMode
        self.feedback = feedback
    }
}

public struct JuspayCustomer: Codable, Sendable, Hashable {
    public var id: String
    public var objectReferenceId: String?
    public var mobileNumber: String?
    public var emailAddress: String?
}

public struct JuspayOrder: Codable, Sendable, Hashable {
    @LenientOptionalID public var id: String?
    @LenientOptionalID public var orderId: String?
    public var status: String?
    /// Juspay's numeric status code, documented as a string (`"21"`); read from either.
    @LenientOptionalID public var statusId: String?
    public var paymentLinks: PaymentLinks?
    public var amount: Money?
    public var currency: String?
}

/// One payment attempt of an order (`GET /orders/{n}/payments`).
public struct OrderPayment: Codable, Sendable, Hashable {
    public var transactionType: String?
    public var requestNumber: String?
    @Defaulted<Defaults.Zero> public var amount: Money
    public var paymentStatus: String?
    public var paymentDate: String?
    public var paymentReferenceNumber: String?
    public var paymentMethod: String?
    public var cardNumber: String?
    public var cardType: String?
}

public struct OrderPaymentsContent: Decodable, Sendable, Hashable {
    @Defaulted<Defaults.EmptyList<OrderPayment>> public var payments: [OrderPayment]
}
