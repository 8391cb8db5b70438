import Foundation

/// One line of a cart.
public struct CartItem: Codable, Sendable, Hashable {
    @LenientID public var productId: String
    @LenientOptionalID public var variantId: String?
    public var sku: String?
    public var slug: String?
    public var productName: String?
    public var variantName: String?
    public var productImageUrl: String?
    @Defaulted<Defaults.False> public var stockAvailable: Bool
    @Defaulted<Defaults.ZeroInt> public var quantity: Int
    @Defaulted<Defaults.False> public var isFreeItem: Bool
    @Defaulted<Defaults.Zero> public var listingPrice: Money
    @Defaulted<Defaults.Zero> public var sellingPrice: Money
    public var sellingPriceExcludingTax: Money?
    @Defaulted<Defaults.Zero> public var promotionDiscountAmount: Money
    @Defaulted<Defaults.Zero> public var couponDiscountAmount: Money
    public var minOrderQuantity: Int?
    public var maxOrderQuantity: Int?
    public var incrementalQuantity: Int?
    public var taxType: String?
    public var taxRate: Decimal?

    public init(productId: String, variantId: String?, productName: String?, quantity: Int, sellingPrice: Money) {
        self.productId = productId
        self.variantId = variantId
        self.productName = productName
        self.quantity = quantity
        self.sellingPrice = sellingPrice
        self.listingPrice = sellingPrice
        self.stockAvailable = true
    }

    /// The line's identity within a cart: product and variant.
    public var lineID: LineID { LineID(productId: productId, variantId: variantId) }

    public var displayName: String { ItemName.of(product: productName, variant: variantName) }

    /// Selling price times quantity.
    public var lineTotal: Money { sellingPrice * quantity }
}

/// A product and (optional) variant: what a cart line or a wishlist entry is keyed by.
public struct LineID: Codable, Sendable, Hashable, Comparable {
    public var productId: String
    public var variantId: String?

    public init(productId: String, variantId: String?) {
        self.productId = productId
        self.variantId = variantId
    }

    public static func < (lhs: LineID, rhs: LineID) -> Bool {
        (lhs.productId, lhs.variantId ?? "") < (rhs.productId, rhs.variantId ?? "")
    }
}

/// Body of `POST /carts` items and `POST /carts/{id}/items`: quantity sets the line; 0 removes it.
public struct CartItemUpdate: Codable, Sendable, Hashable {
    public var productId: String
    public var variantId: String?
    public var quantity: Int

    public init(productId: String, variantId: String?, quantity: Int) {
        self.productId = productId
        self.variantId = variantId
        self.quantity = quantity
    }

    private enum CodingKeys: String, CodingKey { case productId, variantId, quantity }

    // `variant_id` is required and nullable: always write it, as `null` for simple products.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(productId, forKey: .productId)
        try container.encodeOrNull(variantId, forKey: .variantId)
        try container.encode(quantity, forKey: .quantity)
    }
}

public struct FulfillmentPreference: Codable, Sendable, Hashable {
    public var fulfillmentType: FulfillmentType?
    public var pickupLocationId: String?
    /// The store's name (an order's preference carries it; a cart's may not).
    public var pickupLocationName: String?
}

/// A cart with its totals, exactly as the API computes them.
///
/// `grand_total = subtotal_including_tax + shipping_amount_including_tax − discounts`;
/// `to_be_paid` is what is left after loyalty points, credit balance and gift card: the amount to show.
public struct Cart: Codable, Sendable, Hashable, Identifiable {
    @LenientID public var id: String
    @Defaulted<Defaults.False> public var active: Bool
    public var customerEmail: String?
    public var customerPhone: String?
    public var customerNote: String?
    @Defaulted<Defaults.False> public var isPromotionApplied: Bool
    @Defaulted<Defaults.Zero> public var promotionDiscountAmount: Money
    @Defaulted<Defaults.False> public var isCouponApplied: Bool
    public var couponCode: String?
    @Defaulted<Defaults.Zero> public var couponDiscountAmount: Money
    @Defaulted<Defaults.Zero> public var subtotal: Money
    @Defaulted<Defaults.Zero> public var itemsTaxAmount: Money
    @Defaulted<Defaults.Zero> public var subtotalIncludingTax: Money
    @Defaulted<Defaults.Zero> public var shippingEstimatedCost: Money
    @Defaulted<Defaults.Zero> public var shippingDiscountAmount: Money
    @Defaulted<Defaults.Zero> public var shippingAmount: Money
    @Defaulted<Defaults.Zero> public var shippingTaxAmount: Money
    @Defaulted<Defaults.Zero> public var shippingAmountIncludingTax: Money
    public var shippingProviderId: String?
    public var shippingProviderName: String?
    public var courierCompanyId: String?
    public var courierCompanyName: String?
    public var fulfillmentPreference: FulfillmentPreference?
    public var estimatedDeliveryDays: Int?
    @Defaulted<Defaults.Zero> public var handlingChargeIncludingTax: Money
    @Defaulted<Defaults.Zero> public var totalTax: Money
    @Defaulted<Defaults.Zero> public var grandTotal: Money
    @Defaulted<Defaults.Zero> public var creditBalanceUsed: Money
    @Defaulted<Defaults.Zero> public var toBePaid: Money
    @Defaulted<Defaults.ZeroInt> public var loyaltyPointsRedeemed: Int
    @Defaulted<Defaults.ZeroInt> public var loyaltyPointsEarned: Int
    public var giftCardCode: String?
    @Defaulted<Defaults.Zero> public var giftCardAmount: Money
    @Defaulted<Defaults.ZeroInt> public var cartItemsCount: Int
    @Defaulted<Defaults.EmptyList<CartItem>> public var cartItems: [CartItem]
    public var expiresAt: String?
    public var billingAddress: Address?
    public var shippingAddress: Address?
    public var currency: Currency?

    public init(id: String, items: [CartItem] = []) {
        self.id = id
        self.active = true
        self.cartItems = items
        self.cartItemsCount = items.count
    }

    /// Number of units across lines (the header's cart count).
    public var unitCount: Int { cartItems.reduce(0) { $0 + $1.quantity } }

    public func line(_ id: LineID) -> CartItem? { cartItems.first { $0.lineID == id } }
}

public struct CartContent: Decodable, Sendable, Hashable {
    public var cart: Cart

    private enum CodingKeys: String, CodingKey { case cart }

    // Remove-gift-card's example answers the cart itself, not `{cart}`: accept both.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: CodingKeys.self),
            let cart = try container.decodeIfPresent(Cart.self, forKey: .cart)
        {
            self.cart = cart
        } else {
            cart = try Cart(from: decoder)
        }
    }
}

/// Body of `POST /carts/{id}/address`: saved address ids or full addresses.
public enum CartAddressUpdate: Sendable, Hashable, Encodable {
    case saved(billingAddressId: String, shippingAddressId: String)
    case new(billing: Address, shipping: Address)

    private enum CodingKeys: String, CodingKey {
        case billingAddressId, shippingAddressId, billingAddress, shippingAddress
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .saved(let billing, let shipping):
            try container.encode(billing, forKey: .billingAddressId)
            try container.encode(shipping, forKey: .shippingAddressId)
        case .new(let billing, let shipping):
            try container.encode(billing, forKey: .billingAddress)
            try container.encode(shipping, forKey: .shippingAddress)
        }
    }
}

/// A coupon as `evaluate-coupons` rates it for this cart.
public struct EvaluatedCoupon: Codable, Sendable, Hashable {
    public var id: String?
    public var name: String?
    public var couponType: CouponType?
    @Defaulted<Defaults.EmptyList<String>> public var couponCode: [String]
    public var estimatedDiscount: Money?
    public var savingsMessage: String?
    public var reason: String?
    public var suggestion: String?

    public init(name: String?, couponCode: [String], estimatedDiscount: Money?, reason: String? = nil) {
        self.name = name
        self.couponCode = couponCode
        self.estimatedDiscount = estimatedDiscount
        self.reason = reason
    }

    /// The first code a person would type.
    public var code: String { couponCode.first ?? name ?? "" }
}

public struct CouponEvaluation: Decodable, Sendable, Hashable {
    @Defaulted<Defaults.EmptyList<EvaluatedCoupon>> public var applicableCoupons: [EvaluatedCoupon]
    @Defaulted<Defaults.EmptyList<EvaluatedCoupon>> public var inapplicableCoupons: [EvaluatedCoupon]
}

/// A coupon from `GET /carts/available-coupons`.
public struct Coupon: Codable, Sendable, Hashable {
    public var id: String?
    public var name: String?
    public var description: String?
    public var couponType: CouponType?
    @Defaulted<Defaults.EmptyList<String>> public var couponCode: [String]
    public var minimumOrderTotal: Money?
    public var startsAt: String?
    public var expiresAt: String?
}

public struct CouponsContent: Decodable, Sendable, Hashable {
    @Defaulted<Defaults.EmptyList<Coupon>> public var coupons: [Coupon]
}

public struct Promotion: Codable, Sendable, Hashable {
    public var id: String?
    public var name: String?
    public var description: String?
    public var promotionType: String?
}

public struct PromotionsContent: Decodable, Sendable, Hashable {
    @Defaulted<Defaults.EmptyList<Promotion>> public var promotions: [Promotion]
}

/// `GET/POST/DELETE /wishlist/{user_id}` all answer the list.
public struct WishlistContent: Decodable, Sendable, Hashable {
    @Defaulted<Defaults.EmptyList<CatalogItem>> public var products: [CatalogItem]
}
