import Foundation
import Testing

@testable import Sandbox

@Suite("PricingEngine: exact paise")
struct PricingEngineTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    var always: (Date, Date) { (now.addingTimeInterval(-86400), now.addingTimeInterval(86400)) }

    func line(_ price: Int, rate: Int, inclusive: Bool, quantity: Int, product: String = "p", category: String = "c")
        -> PricingEngine.Line
    {
        PricingEngine.Line(
            productId: product, variantId: nil, categoryIds: [category], unitSellingPrice: price, taxRate: rate,
            taxInclusive: inclusive, quantity: quantity)
    }

    func coupon(
        _ type: String, percent: Int = 0, fixed: Int = 0, cap: Int = 0, minimum: Int = 0, products: [String] = [],
        categories: [String] = [], window: (Date, Date)? = nil, total: Int = 0, used: Int = 0
    ) -> PricingEngine.Coupon {
        let (start, end) = window ?? always
        return PricingEngine.Coupon(
            code: "C", discountType: type, discountPercent: percent, discountFixedAmount: fixed, maximumDiscount: cap,
            minimumOrder: minimum, productIds: products, categoryIds: categories, startsAt: start, expiresAt: end,
            totalRedemptions: total, redemptionCount: used, perCustomerRedemptions: 0, customerRedemptionCount: 0,
            canBeUsedWithPromotion: true)
    }

    @Test func inclusiveGSTIsExtractedPerLineAndRoundedHalfUp() {
        // 3 × ₹333.33 incl. 18% = ₹999.99 → excl. 999.99 / 1.18 = 847.449… → ₹847.45, tax ₹152.54.
        let result = PricingEngine.price(.init(lines: [line(33333, rate: 18, inclusive: true, quantity: 3)], now: now))
        #expect(result.subtotalIncludingTax == 99999)
        #expect(result.subtotal == 84745)
        #expect(result.itemsTaxAmount == 15254)
        // ₹999.99 ≥ ₹999 → free standard shipping.
        #expect(result.shippingAmountIncludingTax == 0)
        #expect(result.shippingDiscountAmount == 4900)
        #expect(result.grandTotal == 99999)
    }

    @Test func exclusiveGSTIsAddedAndShippingTaxed() {
        // 2 × ₹10.05 excl. 12% = ₹20.10 + ₹2.412 → ₹2.41; shipping ₹49 + ₹8.82.
        let result = PricingEngine.price(.init(lines: [line(1005, rate: 12, inclusive: false, quantity: 2)], now: now))
        #expect(result.subtotal == 2010)
        #expect(result.itemsTaxAmount == 241)
        #expect(result.shippingTaxAmount == 882)
        #expect(result.totalTax == 241 + 882)
        #expect(result.grandTotal == 2251 + 5782)
        #expect(result.toBePaid == result.grandTotal)
    }

    @Test func percentCouponIsCappedAndScopedToItsCategory() {
        let lines = [
            line(100000, rate: 5, inclusive: true, quantity: 1, product: "a", category: "books"),
            line(50000, rate: 18, inclusive: true, quantity: 1, product: "b", category: "toys"),
        ]
        var input = PricingEngine.Input(lines: lines, now: now)
        input.coupon = coupon("percentage", percent: 30, cap: 25000, categories: ["books"])
        let capped = PricingEngine.price(input)
        #expect(capped.couponDiscountAmount == 25000)
        #expect(capped.lines.map(\.couponDiscount) == [25000, 0])
        input.coupon = coupon("percentage", percent: 10, categories: ["books"])
        #expect(PricingEngine.price(input).couponDiscountAmount == 10000)
    }

    @Test func fixedCouponIsSpreadOverLinesAndNeverExceedsTheBase() {
        let lines = [
            line(1000, rate: 5, inclusive: true, quantity: 1), line(2000, rate: 5, inclusive: true, quantity: 1),
        ]
        var input = PricingEngine.Input(lines: lines, now: now)
        input.coupon = coupon("fixed-amount", fixed: 1000)
        let spread = PricingEngine.price(input)
        #expect(spread.lines.map(\.couponDiscount) == [333, 667])
        input.coupon = coupon("fixed-amount", fixed: 999_999)
        #expect(PricingEngine.price(input).couponDiscountAmount == 3000)
    }

    @Test func couponRejectionsCarryReasons() {
        let input = PricingEngine.Input(lines: [line(40000, rate: 5, inclusive: true, quantity: 1)], now: now)
        let expired = coupon(
            "percentage", percent: 5, window: (now.addingTimeInterval(-20), now.addingTimeInterval(-10)))
        #expect(
            PricingEngine.evaluate(coupon: expired, input: input)
                == .notApplicable(reason: "Coupon has expired", suggestion: nil))
        let minimum = coupon("fixed-amount", fixed: 100, minimum: 50000)
        #expect(
            PricingEngine.evaluate(coupon: minimum, input: input)
                == .notApplicable(
                    reason: "Minimum order value is ₹500", suggestion: "Add items worth ₹100 more to use this coupon"))
        let limited = coupon("fixed-amount", fixed: 100, total: 10, used: 10)
        #expect(
            PricingEngine.evaluate(coupon: limited, input: input)
                == .notApplicable(reason: "Coupon usage limit has been reached", suggestion: nil))
        let scoped = coupon("fixed-amount", fixed: 100, products: ["other"])
        if case .notApplicable(let reason, _) = PricingEngine.evaluate(coupon: scoped, input: input) {
            #expect(reason == "Coupon does not apply to the items in your cart")
        } else {
            Issue.record("scoped coupon should not apply")
        }
        var withCoupon = input
        withCoupon.coupon = expired
        let priced = PricingEngine.price(withCoupon)
        #expect(priced.couponDiscountAmount == 0)
        #expect(priced.couponRejection == "Coupon has expired")
    }

    @Test func promotionThenCouponThenLoyaltyCreditAndGiftCard() {
        var input = PricingEngine.Input(
            lines: [line(120000, rate: 12, inclusive: true, quantity: 1, category: "fashion")], now: now)
        input.promotions = [
            PricingEngine.Promotion(
                id: "promo", name: "Sale", discountType: "percentage", discountPercent: 10, discountFixedAmount: 0,
                productIds: [], categoryIds: ["fashion"], startsAt: always.0, expiresAt: always.1)
        ]
        input.coupon = coupon("percentage", percent: 10)
        input.loyaltyPointsRequested = 300
        input.loyaltyPointsAvailable = 250
        input.creditRequested = 50050
        input.creditAvailable = 100000
        input.giftCardBalance = 100000
        let result = PricingEngine.price(input)
        #expect(result.promotionDiscountAmount == 12000)
        #expect(result.couponDiscountAmount == 10800)  // 10% of what the promotion left (₹1,080)
        // ₹972 after discounts is below the ₹999 free-shipping threshold: ₹49 + 18%.
        #expect(result.shippingAmountIncludingTax == 5782)
        #expect(result.grandTotal == 102_982)
        #expect(result.loyaltyPointsRedeemed == 250)
        #expect(result.creditBalanceUsed == 50050)
        #expect(result.giftCardAmount == 27932)
        #expect(result.toBePaid == 0)
    }

    @Test func rupeesOnTheWireAreExact() throws {
        let encoder = Reply.makeEncoder()
        let json = String(
            decoding: try encoder.encode([Paise(123450), Paise(5), Paise(100000), Paise(-250)]), as: UTF8.self)
        #expect(json == "[1234.5,0.05,1000,-2.5]")
        #expect(Paise(rupees: Decimal(string: "1234.56")!) == Paise(123456))
        #expect(Paise(rupees: Decimal(string: "0.005")!) == nil)
    }
}
