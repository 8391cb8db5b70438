import Foundation
import GRDB

/// Loads a cart with everything pricing needs and turns it into a priced ``CartWire``.
enum CartPricing {
    struct Loaded: Sendable {
        var cart: CartRecord
        var items: [CartItemRecord]
        var products: [String: ProductRecord]
        var variants: [String: VariantRecord]
        var user: Customer?
        var coupon: CouponRecord?
        var customerCouponUses: Int
        var giftCard: GiftCardRecord?
        var pincode: PincodeRecord?
        var pickupStore: PickupStoreRecord?
        var snapshot: CatalogSnapshot
    }

    /// What pricing reads of the cart's user (four columns, not the whole record).
    struct Customer: Sendable {
        var email: String?
        var phone: String?
        var loyaltyPoints: Int
        /// Paise.
        var creditBalance: Int
    }

    static func load(_ db: Database, cart: CartRecord, catalog: CatalogCache, now: Date) throws -> Loaded {
        let items = try CartItemRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM cart_item WHERE cart_id = ? ORDER BY position"),
            arguments: [cart.id])
        let products = try catalog.products(db, ids: items.map(\.productId))
        let variants = try catalog.variants(db, ids: items.map(\.variantId).filter { !$0.isEmpty })
        let user = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT email, phone, loyalty_points, credit_balance FROM user WHERE id = ?"),
            arguments: [cart.userId]
        ).map { Customer(email: $0[0], phone: $0[1], loyaltyPoints: $0[2], creditBalance: $0[3]) }
        var coupon: CouponRecord?
        var uses = 0
        if let code = cart.couponCode {
            coupon = try CouponRecord.fetchOne(db, key: code)
            uses =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM coupon_redemption WHERE code = ? AND user_id = ?",
                    arguments: [code, cart.userId]) ?? 0
        }
        let giftCard = try cart.giftCardCode.flatMap { try GiftCardRecord.fetchOne(db, key: $0) }
        let pincode = try cart.shippingAddress.map { try Pincodes.lookup(db, $0.pincode) }
        let pickupStore = try cart.fulfillment?.pickupLocationId.flatMap { try PickupStoreRecord.fetchOne(db, key: $0) }
        return Loaded(
            cart: cart, items: items, products: products, variants: variants, user: user, coupon: coupon,
            customerCouponUses: uses, giftCard: giftCard, pincode: pincode,
            pickupStore: pickupStore, snapshot: try catalog.snapshot(db, now: now))
    }

    /// The first moment from `now` on at which the priced cart could change with no write to the database: the
    /// cart expires, or a promotion, the coupon or the gift card starts or ends (`now` itself when one of them
    /// does so right now, i.e. the answer is not to be reused).
    static func validUntil(_ loaded: Loaded, now: Date) -> Date {
        var moments = [loaded.cart.expiresAt, loaded.snapshot.nextChange]
        if let coupon = loaded.coupon { moments += [coupon.startsAt, coupon.expiresAt] }
        if let giftCard = loaded.giftCard { moments.append(giftCard.expiresAt) }
        return moments.filter { $0 >= now }.min() ?? now
    }

    static func engineCoupon(_ coupon: CouponRecord, customerUses: Int) -> PricingEngine.Coupon {
        PricingEngine.Coupon(
            code: coupon.code, discountType: coupon.discountType, discountPercent: coupon.discountPercent,
            discountFixedAmount: coupon.discountFixedAmount, maximumDiscount: coupon.maximumDiscount,
            minimumOrder: coupon.minimumOrder, productIds: coupon.productIds, categoryIds: coupon.categoryIds,
            startsAt: coupon.startsAt, expiresAt: coupon.expiresAt, totalRedemptions: coupon.totalRedemptions,
            redemptionCount: coupon.redemptionCount, perCustomerRedemptions: coupon.perCustomerRedemptions,
            customerRedemptionCount: customerUses, canBeUsedWithPromotion: coupon.canBeUsedWithPromotion)
    }

    /// The engine input for a loaded cart (lines whose product disappeared are skipped).
    static func input(_ loaded: Loaded, now: Date) -> PricingEngine.Input {
        let lines: [PricingEngine.Line] = loaded.items.compactMap { item in
            guard let product = loaded.products[item.productId] else { return nil }
            let variant = item.variantId.isEmpty ? nil : loaded.variants[item.variantId]
            return PricingEngine.Line(
                productId: product.id, variantId: variant?.id, categoryIds: product.categoryIds,
                unitSellingPrice: variant?.sellingPrice ?? product.sellingPrice, taxRate: product.taxRate,
                taxInclusive: product.taxInclusive, quantity: item.quantity)
        }
        var delivery = PricingEngine.Delivery.standard
        if let fulfillment = loaded.cart.fulfillment {
            if fulfillment.fulfillmentType == "collect-in-store" {
                delivery = .collectInStore
            } else if fulfillment.shippingProviderId == ShippingMethods.express.id {
                delivery = .express
            }
        }
        let giftCardUsable =
            loaded.giftCard.map { $0.expiresAt >= now && $0.balance > 0 } ?? false
        return PricingEngine.Input(
            lines: lines, promotions: loaded.snapshot.enginePromotions,
            coupon: loaded.coupon.map { engineCoupon($0, customerUses: loaded.customerCouponUses) },
            delivery: delivery, settings: loaded.snapshot.settings,
            loyaltyPointsRequested: loaded.cart.loyaltyPointsRequested,
            loyaltyPointsAvailable: loaded.user?.loyaltyPoints ?? 0,
            creditRequested: loaded.cart.creditBalanceRequested, creditAvailable: loaded.user?.creditBalance ?? 0,
            giftCardBalance: giftCardUsable ? loaded.giftCard?.balance : nil, now: now)
    }

    static func wire(_ loaded: Loaded, now: Date) -> (CartWire, PricingEngine.Result) {
        let input = input(loaded, now: now)
        let result = PricingEngine.price(input)
        let settings = loaded.snapshot.settings
        var items: [CartItemWire] = []
        var lineIndex = 0
        for item in loaded.items {
            guard let product = loaded.products[item.productId] else { continue }
            let variant = item.variantId.isEmpty ? nil : loaded.variants[item.variantId]
            let line = result.lines[lineIndex]
            lineIndex += 1
            let selling = variant?.sellingPrice ?? product.sellingPrice
            let listing = variant?.listingPrice ?? product.listingPrice
            let stock = variant?.stock ?? product.stock
            items.append(
                CartItemWire(
                    shared: OrderLineWire(
                        productId: product.id, productName: product.name,
                        productImageUrl: ImageWire.placeholder(slug: product.slug, title: product.name).urlThumbnail,
                        sku: variant?.sku ?? product.sku, onOffer: listing > selling,
                        onPromotion: line.promotionId != nil,
                        onSubscription: false, quantity: item.quantity, freeQuantity: 0, isFreeItem: false,
                        sellingPrice: Paise(selling), listingPrice: Paise(listing),
                        promotionDiscountAmount: Paise(line.promotionDiscount),
                        couponDiscountAmount: Paise(line.couponDiscount), taxType: "GST", taxRate: product.taxRate,
                        taxAmount: Paise(line.tax)),
                    own: CartLineDetailsWire(
                        variantId: variant?.id, slug: variant?.slug ?? product.slug, variantName: variant?.name,
                        productType: product.productType, stockAvailable: stock > 0, backorder: product.backorder,
                        categoryIds: product.categoryIds, priceIncludingTax: product.taxInclusive,
                        sellingPriceExcludingTax: Paise(line.unitPriceExcludingTax),
                        sellingPriceIncludingTax: Paise(line.unitPriceIncludingTax),
                        minOrderQuantity: product.minOrderQuantity, maxOrderQuantity: product.maxOrderQuantity,
                        incrementalQuantity: product.incrementalQuantity, subtotal: Paise(line.amountExcludingTax),
                        totalPriceIncludingTax: Paise(line.amountIncludingTax))))
        }
        let promotions = loaded.snapshot.promotions.compactMap { promotion -> AppliedPromotionWire? in
            let amount = result.lines.filter { $0.promotionId == promotion.id }.reduce(0) { $0 + $1.promotionDiscount }
            return amount > 0
                ? AppliedPromotionWire(id: promotion.id, name: promotion.name, discountAmount: Paise(amount)) : nil
        }
        let cart = loaded.cart
        let fulfillment = cart.fulfillment
        let isCollect = fulfillment?.fulfillmentType == "collect-in-store"
        let method = isCollect ? nil : ShippingMethods.method(id: fulfillment?.shippingProviderId)
        var deliveryDays: Int?
        if isCollect {
            deliveryDays = 0
        } else if let pincode = loaded.pincode, pincode.serviceable {
            deliveryDays =
                method?.id == ShippingMethods.express.id ? max(1, pincode.deliveryDays - 1) : pincode.deliveryDays
        }
        let coupon = loaded.coupon
        let totals = CartTotalsWire(
            customerEmail: cart.billingAddress?.email ?? loaded.user?.email,
            customerPhone: cart.billingAddress?.phone ?? loaded.user?.phone, customerNote: cart.customerNote,
            isPromotionApplied: result.promotionDiscountAmount > 0,
            promotionDiscountAmount: Paise(result.promotionDiscountAmount), promotionDiscountPercent: nil,
            appliedPromotions: promotions, isCouponApplied: result.couponDiscountAmount > 0,
            couponCode: cart.couponCode, couponDiscountAmount: Paise(result.couponDiscountAmount),
            couponDiscountPercent: coupon?.discountType == "percentage" ? coupon?.discountPercent : nil,
            subtotal: Paise(result.subtotal), subtotalIncludingTax: Paise(result.subtotalIncludingTax),
            shippingEstimatedCost: Paise(result.shippingEstimatedCost),
            shippingDiscountAmount: Paise(result.shippingDiscountAmount), shippingAmount: Paise(result.shippingAmount),
            shippingTaxRate: result.shippingTaxRate, shippingTaxAmount: Paise(result.shippingTaxAmount),
            shippingAmountIncludingTax: Paise(result.shippingAmountIncludingTax),
            shippingProviderId: method?.id, shippingProviderName: method?.name, courierCompanyId: method?.courierId,
            estimatedDeliveryDays: deliveryDays, totalTax: Paise(result.totalTax), grandTotal: Paise(result.grandTotal),
            creditBalanceUsed: Paise(result.creditBalanceUsed), giftCardCode: cart.giftCardCode,
            giftCardAmount: Paise(result.giftCardAmount), toBePaid: Paise(result.toBePaid),
            currency: CurrencyWire(
                name: settings.currencyName, code: settings.currencyCode, symbol: settings.currencySymbol),
            billingAddress: cart.billingAddress, shippingAddress: cart.shippingAddress)
        let details = CartDetailsWire(
            id: cart.id, userId: cart.userId, active: cart.active, couponMessage: result.couponRejection,
            itemsTaxAmount: Paise(result.itemsTaxAmount), courierCompanyName: method?.courierName,
            fulfillmentPreference: fulfillment.map {
                FulfillmentPreferenceWire(
                    fulfillmentType: $0.fulfillmentType, pickupLocationId: $0.pickupLocationId,
                    pickupLocationName: loaded.pickupStore?.name)
            },
            loyaltyPointsRedeemed: result.loyaltyPointsRedeemed, loyaltyPointsValue: Paise(result.loyaltyPointsValue),
            loyaltyPointsEarned: result.loyaltyPointsEarned, giftCardBalance: loaded.giftCard.map { Paise($0.balance) },
            cartItemsCount: items.count, cartItems: items, metadata: cart.metadata ?? [:], createdAt: cart.createdAt,
            expiresAt: cart.expiresAt)
        let wire = CartWire(shared: totals, own: details)
        return (wire, result)
    }
}

/// The delivery methods the sandbox offers (ids used as `shipping_provider_id`).
enum ShippingMethods {
    struct Method: Sendable, Equatable {
        var id: String
        var name: String
        var courierId: String
        var courierName: String
    }

    static let standard = Method(
        id: "standard", name: "Standard Delivery", courierId: "sandbox-post", courierName: "Sandbox Post")
    static let express = Method(
        id: "express", name: "Express Delivery", courierId: "sandbox-express", courierName: "Sandbox Express")
    static let all = [standard, express]

    static func method(id: String?) -> Method {
        all.first { $0.id == id } ?? standard
    }
}
