import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

/// The totals panel's rows add up, to the paisa: subtotal − discounts + tax + shipping − points − credit − gift
/// card = to be paid; for carts and for orders alike.
@Suite struct TotalsTests {
    /// An order with every kind of reduction, as the sandbox answers it: ₹1,000 of books, a ₹100 coupon and a
    /// ₹50 promotion, 5% tax on the items and 18% on ₹49 shipping (in `total_tax`), 100 points of ₹1,
    /// ₹200 credit and a ₹250 gift card.
    static let everyReduction = """
        {"order_number":"ORD-7","status":"pending","payment_status":"pending","coupon_code":"WELCOME10",
         "subtotal":1000,"item_total_tax":42.5,"subtotal_including_tax":1042.5,
         "coupon_discount_amount":100,"promotion_discount_amount":50,"coupon_savings":100,"promotion_savings":50,
         "other_savings":0,"total_savings":150,"shipping_estimated_cost":49,"shipping_discount_amount":0,
         "shipping_amount":49,"shipping_tax_amount":8.82,"shipping_amount_including_tax":57.82,
         "total_tax":51.32,"grand_total":950.32,"loyalty_point_redeemed":100,"credit_balance_used":200,
         "gift_card_code":"GIFT250","gift_card_amount":250,"to_be_paid":400.32}
        """

    @Test func anOrderWithEveryReductionAddsUpToThePaisa() throws {
        let order: Order = try Fixtures.decode(Self.everyReduction)
        let totals = Totals(order: order)
        #expect(
            totals.rows.map(\.kind) == [
                .subtotal, .discounts(couponCode: "WELCOME10"), .tax, .shipping, .loyalty(points: 100), .credit,
                .giftCard(code: "GIFT250"), .toBePaid,
            ])
        #expect(
            totals.rows.map(\.amount) == [
                Money(minorUnits: 100_000), Money(minorUnits: -15_000), Money(minorUnits: 5_132),
                Money(minorUnits: 4_900), Money(minorUnits: -10_000), Money(minorUnits: -20_000),
                Money(minorUnits: -25_000), Money(minorUnits: 40_032),
            ])
        #expect(totals.sumAboveToBePaid == order.toBePaid)
    }

    @Test func freeShippingIsFreeNotASaving() throws {
        // ₹600 of items ships free: the ₹49 shipping discount is in `total_savings`, and shipping is ₹0.
        let order: Order = try Fixtures.decode(
            """
            {"order_number":"ORD-8","subtotal":600,"total_tax":30,"shipping_estimated_cost":49,
             "shipping_discount_amount":49,"shipping_amount":0,"shipping_amount_including_tax":0,
             "other_savings":49,"total_savings":49,"grand_total":630,"to_be_paid":630}
            """)
        let totals = Totals(order: order)
        #expect(totals.rows.map(\.kind) == [.subtotal, .tax, .shipping, .toBePaid])
        #expect(totals.rows.first { $0.kind == .shipping }?.amount == .zero)
        #expect(totals.sumAboveToBePaid == order.toBePaid)
    }

    @Test func whatNoRowExplainsIsShownSoTheRowsStillAddUp() throws {
        // An answer whose figures leave ₹5 unexplained (a store's own adjustment): an "other" row says so.
        let order: Order = try Fixtures.decode(
            #"{"order_number":"ORD-9","subtotal":100,"total_tax":5,"shipping_amount":0,"grand_total":100,"to_be_paid":100}"#
        )
        let totals = Totals(order: order)
        #expect(totals.rows.map(\.kind) == [.subtotal, .tax, .shipping, .other, .toBePaid])
        #expect(totals.sumAboveToBePaid == order.toBePaid)
    }

    @Test func aCartAndItsOrderHaveTheSameRows() throws {
        let cart: Cart = try Fixtures.decode(
            Self.everyReduction.replacingOccurrences(of: "loyalty_point_redeemed", with: "loyalty_points_redeemed")
                .replacingOccurrences(of: "\"order_number\":\"ORD-7\"", with: "\"id\":\"c1\"")
                .replacingOccurrences(of: "item_total_tax", with: "items_tax_amount"))
        let order: Order = try Fixtures.decode(Self.everyReduction)
        #expect(Totals(cart: cart) == Totals(order: order))
    }
}
