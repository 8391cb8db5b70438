/// A closed set of values the server sends as strings, open at the end: a value this app does not know yet
/// decodes as `unknown(raw)` instead of failing the answer, and encodes back as it came.
public protocol ServerEnum: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The cases this app knows, each with its spelling on the wire.
    static var spellings: [(Self, String)] { get }
    static func unknown(_ raw: String) -> Self
    /// The raw value of an `unknown` case, nil for a known one.
    var unknownRaw: String? { get }
}

extension ServerEnum {
    public init(rawValue: String) {
        self = Self.spellings.first { $0.1 == rawValue }?.0 ?? .unknown(rawValue)
    }

    public var rawValue: String {
        unknownRaw ?? Self.spellings.first { $0.0 == self }?.1 ?? ""
    }

    /// Words for a person: `partially_paid` → "partially paid".
    public var description: String {
        rawValue.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// `payment_status` of an order and `status` of `GET /orders/{n}/payment-status`.
public enum PaymentState: ServerEnum {
    case pending, success, failed, partiallyPaid
    case unknown(String)

    public static let spellings: [(PaymentState, String)] = [
        (.pending, "pending"), (.success, "success"), (.failed, "failed"), (.partiallyPaid, "partially_paid"),
    ]

    public var unknownRaw: String? { if case .unknown(let raw) = self { raw } else { nil } }
}

/// `status` of an order, as the reference lists them.
public enum OrderStatus: ServerEnum {
    case draft, awaitingApproval, confirmed, partiallyScheduled, awaitingShipment, shipped, partiallyShipped
    case undelivered, partiallyUndelivered, returnToOrigin, partiallyReturnToOrigin, complete, partiallyDelivered
    case delivered, cancelled, pending
    case unknown(String)

    public static let spellings: [(OrderStatus, String)] = [
        (.draft, "draft"), (.awaitingApproval, "awaiting_approval"), (.confirmed, "confirmed"),
        (.partiallyScheduled, "partially_scheduled"), (.awaitingShipment, "awaiting_shipment"),
        (.shipped, "shipped"), (.partiallyShipped, "partially_shipped"), (.undelivered, "undelivered"),
        (.partiallyUndelivered, "partially_undelivered"), (.returnToOrigin, "return_to_origin"),
        (.partiallyReturnToOrigin, "partially_return_to_origin"), (.complete, "complete"),
        (.partiallyDelivered, "partially_delivered"), (.delivered, "delivered"), (.cancelled, "cancelled"),
        (.pending, "pending"),
    ]

    public var unknownRaw: String? { if case .unknown(let raw) = self { raw } else { nil } }
}

/// How an order reaches the customer.
public enum FulfillmentType: ServerEnum {
    case delivery, collectInStore
    case unknown(String)

    public static let spellings: [(FulfillmentType, String)] = [
        (.delivery, "delivery"), (.collectInStore, "collect-in-store"),
    ]

    public var unknownRaw: String? { if case .unknown(let raw) = self { raw } else { nil } }
}

/// `coupon_type` of a coupon.
public enum CouponType: ServerEnum {
    case discount, freeShipping, freeGoods, buyXGetY, bundle, fixedPrice
    case unknown(String)

    public static let spellings: [(CouponType, String)] = [
        (.discount, "discount"), (.freeShipping, "free-shipping"), (.freeGoods, "free-goods"),
        (.buyXGetY, "buy-x-get-y"), (.bundle, "bundle"), (.fixedPrice, "fixed-price"),
    ]

    public var unknownRaw: String? { if case .unknown(let raw) = self { raw } else { nil } }
}
