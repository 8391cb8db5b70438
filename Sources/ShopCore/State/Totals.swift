import StorefrontAPI

/// The totals panel of the cart, the review and an order: rows that add up, to the paisa,
/// subtotal − discounts + tax + shipping − loyalty points − credit − gift card = to be paid.
///
/// `total_tax` already holds the shipping tax, so shipping is its amount before tax (a discounted shipping is
/// its amount after the discount: free shipping is "free", never a saving on top). Zero discounts, points,
/// credit and gift card are left out.
public struct Totals: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case subtotal
        /// Coupon and promotion discounts (never the shipping discount: shipping is shown after it).
        case discounts(couponCode: String?)
        case tax
        case shipping
        case loyalty(points: Int)
        case credit
        case giftCard(code: String?)
        /// What the rows above leave, when no known reduction explains it (a store's own adjustment).
        case other
        case toBePaid
    }

    public struct Row: Equatable, Sendable {
        public var kind: Kind
        /// Signed as it adds up: reductions are negative.
        public var amount: Money
    }

    /// Every row; the last is `toBePaid`.
    public var rows: [Row]

    public var toBePaid: Money { rows.last?.amount ?? .zero }

    /// The rows above "to be paid", added up.
    public var sumAboveToBePaid: Money {
        rows.dropLast().reduce(Money.zero) { $0 + $1.amount }
    }

    init(
        subtotal: Money, discounts: Money, couponCode: String?, totalTax: Money, shipping: Money, points: Int,
        credit: Money, giftCard: Money, giftCardCode: String?, grandTotal: Money, toBePaid: Money
    ) {
        var rows = [Row(kind: .subtotal, amount: subtotal)]
        if !discounts.isZero { rows.append(Row(kind: .discounts(couponCode: couponCode), amount: -discounts)) }
        rows.append(Row(kind: .tax, amount: totalTax))
        rows.append(Row(kind: .shipping, amount: shipping))
        // Points have no amount of their own in the answers: they are what the grand total loses beyond credit
        // and gift card.
        let pointsValue = grandTotal - credit - giftCard - toBePaid
        if points > 0 { rows.append(Row(kind: .loyalty(points: points), amount: -pointsValue)) }
        if !credit.isZero { rows.append(Row(kind: .credit, amount: -credit)) }
        if !giftCard.isZero { rows.append(Row(kind: .giftCard(code: giftCardCode), amount: -giftCard)) }
        let left = toBePaid - rows.reduce(Money.zero) { $0 + $1.amount }
        if !left.isZero { rows.append(Row(kind: .other, amount: left)) }
        rows.append(Row(kind: .toBePaid, amount: toBePaid))
        self.rows = rows
    }

    public init(cart c: Cart) {
        self.init(
            subtotal: c.subtotal, discounts: c.couponDiscountAmount + c.promotionDiscountAmount,
            couponCode: c.couponCode, totalTax: c.totalTax, shipping: c.shippingAmount,
            points: c.loyaltyPointsRedeemed, credit: c.creditBalanceUsed, giftCard: c.giftCardAmount,
            giftCardCode: c.giftCardCode, grandTotal: c.grandTotal, toBePaid: c.toBePaid)
    }

    public init(order o: Order) {
        // Older answers name the discounts `*_savings` only.
        let coupon = o.couponDiscountAmount.isZero ? o.couponSavings : o.couponDiscountAmount
        let promotion = o.promotionDiscountAmount.isZero ? o.promotionSavings : o.promotionDiscountAmount
        self.init(
            subtotal: o.subtotal, discounts: coupon + promotion, couponCode: o.couponCode, totalTax: o.totalTax,
            shipping: o.shippingAmount, points: o.loyaltyPointRedeemed, credit: o.creditBalanceUsed,
            giftCard: o.giftCardAmount, giftCardCode: o.giftCardCode, grandTotal: o.grandTotal, toBePaid: o.toBePaid)
    }
}
