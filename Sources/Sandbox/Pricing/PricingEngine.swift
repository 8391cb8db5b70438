import Foundation

/// Exact cart pricing in integer paise. Pure: no database, no clock (the time comes in `now`).
///
/// Definitions (the sandbox's reading of the Commerce Engine reference):
/// - per line: `price_including_tax` is what one unit costs the customer. GST-inclusive products carry it as their
///   selling price; GST-exclusive ones add `tax_rate`% on top. Line tax is computed on the line (unit × quantity),
///   rounded half up to the paisa: inclusive `excl = round(incl × 100 / (100 + rate))`, exclusive
///   `tax = round(excl × rate / 100)`.
/// - `subtotal` = Σ line amounts excluding tax; `items_tax_amount` = Σ line tax;
///   `subtotal_including_tax` = subtotal + items_tax_amount.
/// - promotions (automatic) and coupons are taken off tax-inclusive line amounts; the coupon works on what the
///   promotion left.
/// - shipping: standard shipping is free when the discounted item value reaches the free-shipping threshold;
///   shipping tax is added on top of the shipping amount at `shipping_tax_rate`%.
/// - `total_tax` = items_tax_amount + shipping_tax_amount.
/// - `grand_total` = subtotal_including_tax + shipping_amount_including_tax − promotion − coupon discounts.
/// - `to_be_paid` = grand_total − loyalty points value − credit balance used − gift card amount, in that order,
///   each limited to what is still left to pay (never below zero).
enum PricingEngine {
    struct Line: Sendable, Equatable {
        var productId: String
        var variantId: String?
        var categoryIds: [String]
        var unitSellingPrice: Int
        var taxRate: Int
        var taxInclusive: Bool
        var quantity: Int
    }

    struct Promotion: Sendable, Equatable {
        var id: String
        var name: String
        /// "percentage" or "fixed-amount" (per unit).
        var discountType: String
        var discountPercent: Int
        var discountFixedAmount: Int
        var productIds: [String]
        var categoryIds: [String]
        var startsAt: Date
        var expiresAt: Date
    }

    struct Coupon: Sendable, Equatable {
        var code: String
        var discountType: String
        var discountPercent: Int
        var discountFixedAmount: Int
        /// 0 = no cap.
        var maximumDiscount: Int
        var minimumOrder: Int
        var productIds: [String]
        var categoryIds: [String]
        var startsAt: Date
        var expiresAt: Date
        /// 0 = unlimited.
        var totalRedemptions: Int
        var redemptionCount: Int
        /// 0 = unlimited.
        var perCustomerRedemptions: Int
        var customerRedemptionCount: Int
        var canBeUsedWithPromotion: Bool
    }

    enum Delivery: Sendable, Equatable {
        case standard
        case express
        case collectInStore
    }

    struct Input: Sendable {
        var lines: [Line]
        var promotions: [Promotion] = []
        var coupon: Coupon? = nil
        var delivery: Delivery = .standard
        var settings: StoreSettings = .fallback
        var loyaltyPointsRequested: Int = 0
        var loyaltyPointsAvailable: Int = 0
        var creditRequested: Int = 0
        var creditAvailable: Int = 0
        var giftCardBalance: Int? = nil
        var now: Date
    }

    struct LineResult: Sendable, Equatable {
        var unitPriceIncludingTax: Int
        var unitPriceExcludingTax: Int
        var amountIncludingTax: Int
        var amountExcludingTax: Int
        var tax: Int
        var promotionDiscount: Int
        var promotionId: String?
        var couponDiscount: Int
    }

    struct Result: Sendable, Equatable {
        var lines: [LineResult]
        var subtotal: Int
        var itemsTaxAmount: Int
        var subtotalIncludingTax: Int
        var promotionDiscountAmount: Int
        var appliedPromotionIds: [String]
        var couponDiscountAmount: Int
        /// Why the coupon gives nothing, when one is set and does not apply.
        var couponRejection: String?
        var shippingEstimatedCost: Int
        var shippingDiscountAmount: Int
        var shippingAmount: Int
        var shippingTaxRate: Int
        var shippingTaxAmount: Int
        var shippingAmountIncludingTax: Int
        var totalTax: Int
        var grandTotal: Int
        var loyaltyPointsRedeemed: Int
        var loyaltyPointsValue: Int
        var creditBalanceUsed: Int
        var giftCardAmount: Int
        var toBePaid: Int
        var loyaltyPointsEarned: Int
        var itemsCount: Int
    }

    static func unitPrices(sellingPrice: Int, taxRate: Int, taxInclusive: Bool) -> (including: Int, excluding: Int) {
        if taxInclusive {
            return (sellingPrice, Paise.mulDiv(sellingPrice, 100, 100 + taxRate))
        }
        return (sellingPrice + Paise.mulDiv(sellingPrice, taxRate, 100), sellingPrice)
    }

    static func price(_ input: Input) -> Result {
        var lines: [LineResult] = input.lines.map { line in
            let unit = unitPrices(
                sellingPrice: line.unitSellingPrice, taxRate: line.taxRate, taxInclusive: line.taxInclusive)
            let including: Int
            let excluding: Int
            if line.taxInclusive {
                including = line.unitSellingPrice * line.quantity
                excluding = Paise.mulDiv(including, 100, 100 + line.taxRate)
            } else {
                excluding = line.unitSellingPrice * line.quantity
                including = excluding + Paise.mulDiv(excluding, line.taxRate, 100)
            }
            return LineResult(
                unitPriceIncludingTax: unit.including, unitPriceExcludingTax: unit.excluding,
                amountIncludingTax: including, amountExcludingTax: excluding, tax: including - excluding,
                promotionDiscount: 0, promotionId: nil, couponDiscount: 0)
        }
        // Promotions: the best active promotion per line.
        for index in lines.indices {
            let line = input.lines[index]
            var best = 0
            var bestId: String?
            for promotion in input.promotions where isActive(promotion.startsAt, promotion.expiresAt, input.now) {
                guard matches(line, productIds: promotion.productIds, categoryIds: promotion.categoryIds) else {
                    continue
                }
                let amount: Int
                if promotion.discountType == "percentage" {
                    amount = Paise.mulDiv(lines[index].amountIncludingTax, promotion.discountPercent, 100)
                } else {
                    amount = min(promotion.discountFixedAmount * line.quantity, lines[index].amountIncludingTax)
                }
                if amount > best {
                    best = amount
                    bestId = promotion.id
                }
            }
            lines[index].promotionDiscount = best
            lines[index].promotionId = bestId
        }
        let subtotal = lines.reduce(0) { $0 + $1.amountExcludingTax }
        let itemsTax = lines.reduce(0) { $0 + $1.tax }
        let subtotalIncludingTax = subtotal + itemsTax
        let promotionDiscount = lines.reduce(0) { $0 + $1.promotionDiscount }

        // Coupon.
        var couponDiscount = 0
        var couponRejection: String?
        if let coupon = input.coupon {
            switch evaluate(coupon: coupon, lines: input.lines, priced: lines, now: input.now) {
            case .applicable(let perLine):
                for (index, amount) in perLine { lines[index].couponDiscount = amount }
                couponDiscount = perLine.reduce(0) { $0 + $1.amount }
            case .notApplicable(let reason, _):
                couponRejection = reason
            }
        }

        // Shipping.
        let itemValue = subtotalIncludingTax - promotionDiscount - couponDiscount
        var shippingCost = 0
        var shippingDiscount = 0
        if !input.lines.isEmpty {
            switch input.delivery {
            case .collectInStore:
                shippingCost = 0
            case .express:
                shippingCost = input.settings.expressShippingPaise
            case .standard:
                shippingCost = input.settings.standardShippingPaise
                if itemValue >= input.settings.freeShippingThresholdPaise { shippingDiscount = shippingCost }
            }
        }
        let shippingAmount = shippingCost - shippingDiscount
        let shippingTaxRate = input.settings.shippingTaxRate
        let shippingTax = Paise.mulDiv(shippingAmount, shippingTaxRate, 100)
        let shippingIncluding = shippingAmount + shippingTax

        let grandTotal = max(0, subtotalIncludingTax + shippingIncluding - promotionDiscount - couponDiscount)
        var remaining = grandTotal
        let pointValue = max(1, input.settings.loyaltyPointValuePaise)
        let points = max(0, min(input.loyaltyPointsRequested, input.loyaltyPointsAvailable, remaining / pointValue))
        remaining -= points * pointValue
        let credit = max(0, min(input.creditRequested, input.creditAvailable, remaining))
        remaining -= credit
        let giftCard = max(0, min(input.giftCardBalance ?? 0, remaining))
        remaining -= giftCard
        let earned = remaining / max(1, input.settings.loyaltyEarnPerPaise)

        return Result(
            lines: lines, subtotal: subtotal, itemsTaxAmount: itemsTax, subtotalIncludingTax: subtotalIncludingTax,
            promotionDiscountAmount: promotionDiscount,
            appliedPromotionIds: Array(Set(lines.compactMap(\.promotionId))).sorted(),
            couponDiscountAmount: couponDiscount, couponRejection: couponRejection,
            shippingEstimatedCost: shippingCost, shippingDiscountAmount: shippingDiscount,
            shippingAmount: shippingAmount, shippingTaxRate: shippingTaxRate, shippingTaxAmount: shippingTax,
            shippingAmountIncludingTax: shippingIncluding, totalTax: itemsTax + shippingTax, grandTotal: grandTotal,
            loyaltyPointsRedeemed: points, loyaltyPointsValue: points * pointValue, creditBalanceUsed: credit,
            giftCardAmount: giftCard, toBePaid: remaining, loyaltyPointsEarned: earned,
            itemsCount: input.lines.reduce(0) { $0 + $1.quantity })
    }

    enum CouponOutcome: Sendable, Equatable {
        /// Discount per line index.
        case applicable([(index: Int, amount: Int)])
        /// A reason for the customer and a suggestion.
        case notApplicable(reason: String, suggestion: String?)

        static func == (lhs: CouponOutcome, rhs: CouponOutcome) -> Bool {
            switch (lhs, rhs) {
            case (.applicable(let a), .applicable(let b)):
                a.map(\.index) == b.map(\.index) && a.map(\.amount) == b.map(\.amount)
            case (.notApplicable(let a, let s), .notApplicable(let b, let t)): a == b && s == t
            default: false
            }
        }

        var discount: Int {
            if case .applicable(let lines) = self { return lines.reduce(0) { $0 + $1.amount } }
            return 0
        }
    }

    /// Evaluates a coupon against a cart, without applying it.
    static func evaluate(coupon: Coupon, input: Input) -> CouponOutcome {
        var withoutCoupon = input
        withoutCoupon.coupon = nil
        let priced = price(withoutCoupon)
        return evaluate(coupon: coupon, lines: input.lines, priced: priced.lines, now: input.now)
    }

    private static func evaluate(coupon: Coupon, lines: [Line], priced: [LineResult], now: Date) -> CouponOutcome {
        if now < coupon.startsAt {
            return .notApplicable(reason: "Coupon is not active yet", suggestion: nil)
        }
        if now > coupon.expiresAt {
            return .notApplicable(reason: "Coupon has expired", suggestion: nil)
        }
        if coupon.totalRedemptions > 0 && coupon.redemptionCount >= coupon.totalRedemptions {
            return .notApplicable(reason: "Coupon usage limit has been reached", suggestion: nil)
        }
        if coupon.perCustomerRedemptions > 0 && coupon.customerRedemptionCount >= coupon.perCustomerRedemptions {
            return .notApplicable(reason: "You have already used this coupon", suggestion: nil)
        }
        if lines.isEmpty {
            return .notApplicable(reason: "Cart is empty", suggestion: "Add items to use this coupon")
        }
        if !coupon.canBeUsedWithPromotion && priced.contains(where: { $0.promotionDiscount > 0 }) {
            return .notApplicable(reason: "Coupon cannot be combined with promotions", suggestion: nil)
        }
        let eligible = lines.indices.filter {
            matches(lines[$0], productIds: coupon.productIds, categoryIds: coupon.categoryIds)
        }
        if eligible.isEmpty {
            return .notApplicable(
                reason: "Coupon does not apply to the items in your cart",
                suggestion: "Add an eligible product to use this coupon")
        }
        let cartValue = priced.reduce(0) { $0 + $1.amountIncludingTax - $1.promotionDiscount }
        if cartValue < coupon.minimumOrder {
            let short = Paise(coupon.minimumOrder - cartValue).decimal
            return .notApplicable(
                reason: "Minimum order value is ₹\(Paise(coupon.minimumOrder).decimal)",
                suggestion: "Add items worth ₹\(short) more to use this coupon")
        }
        let bases = eligible.map { priced[$0].amountIncludingTax - priced[$0].promotionDiscount }
        let base = bases.reduce(0, +)
        var discount: Int
        if coupon.discountType == "percentage" {
            discount = Paise.mulDiv(base, coupon.discountPercent, 100)
            if coupon.maximumDiscount > 0 { discount = min(discount, coupon.maximumDiscount) }
        } else {
            discount = min(coupon.discountFixedAmount, base)
        }
        guard discount > 0, base > 0 else {
            return .notApplicable(reason: "Coupon gives no discount on this cart", suggestion: nil)
        }
        // Spread over the eligible lines in proportion to their value; the last line takes the remainder.
        var allocation: [(index: Int, amount: Int)] = []
        var given = 0
        for (position, index) in eligible.enumerated() {
            let share =
                position == eligible.count - 1 ? discount - given : discount * bases[position] / base
            allocation.append((index, share))
            given += share
        }
        return .applicable(allocation)
    }

    static func isActive(_ startsAt: Date, _ expiresAt: Date, _ now: Date) -> Bool {
        startsAt <= now && now <= expiresAt
    }

    private static func matches(_ line: Line, productIds: [String], categoryIds: [String]) -> Bool {
        if productIds.isEmpty && categoryIds.isEmpty { return true }
        if productIds.contains(line.productId) { return true }
        return line.categoryIds.contains(where: categoryIds.contains)
    }
}
