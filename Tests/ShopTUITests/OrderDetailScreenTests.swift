import Foundation
import ShopCore
import StorefrontAPI
import Testing

@testable import ShopTUI

/// Order detail: the same totals panel as the cart (its rows add up on screen, to the paisa), `p pay` and
/// `x cancel order` for an unpaid order, the cancel confirmation, and the list's amounts paid.
@MainActor
@Suite struct OrderDetailScreenTests {
    /// Every kind of reduction: coupon and promotion, points, credit, gift card (numbers as in ShopCore's
    /// TotalsTests).
    static let unpaid: Order = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let json = """
            {"order_number":"ORD-7","order_date":"2026-12-04T02:00:00Z","status":"pending",
             "payment_status":"pending","coupon_code":"WELCOME10","subtotal":1000,"coupon_discount_amount":100,
             "promotion_discount_amount":50,"total_savings":150,"shipping_amount":49,
             "shipping_amount_including_tax":57.82,"total_tax":51.32,"grand_total":950.32,
             "loyalty_point_redeemed":100,"credit_balance_used":200,"gift_card_code":"GIFT250",
             "gift_card_amount":250,"to_be_paid":400.32,"is_cancellation_allowed":true,
             "order_items":[{"product_name":"Cooking with Millets","quantity":2,"selling_price":500}]}
            """
        return try! decoder.decode(Order.self, from: Data(json.utf8))
    }()

    static func state(_ order: Order, route: Route? = nil) -> State {
        var state = ScreenFixtures.base
        state.route = [.catalog, .orders] + (route.map { [$0] } ?? [])
        state.orders.orders = [order]
        state.orders.nextPage = nil
        state.orders.detail = order
        return state
    }

    static func screen(_ state: State, width: Int = 80, height: Int = 24) -> [String] {
        let app = ScreenFixtures.app(state)
        let frame = TerminalRunner.composeFrame(program: app, width: width, height: height, theme: .default)
        return frame.buffer.rowsAsText()
    }

    /// "−₹1,234.56" / "₹1,234.56" at the end of a row, in paise.
    static func paise(atEndOf row: String) -> Int? {
        let pattern = #"(-?)₹([0-9,]+)\.([0-9]{2})\s*$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let m = regex.firstMatch(in: row, range: NSRange(row.startIndex..., in: row)),
            let sign = Range(m.range(at: 1), in: row), let whole = Range(m.range(at: 2), in: row),
            let cents = Range(m.range(at: 3), in: row),
            let value = Int(row[whole].replacingOccurrences(of: ",", with: "") + row[cents])
        else { return nil }
        return row[sign].isEmpty ? value : -value
    }

    /// Opening an order shows its list entry until the detail answers: no made-up subtotal or "Other" row then
    /// (the journey in tmux once read "Subtotal ₹0.00 … Other ₹493.89" there).
    @Test func aDetailStillLoadingShowsOnlyWhatIsToBePaid() {
        var state = Self.state(Self.unpaid, route: .orderDetail(orderNumber: "ORD-7"))
        state.inFlight.insert(.orderDetail)
        let text = Self.screen(state).joined(separator: "\n")
        #expect(text.contains("To be paid"), "\(text)")
        for label in ["Subtotal", "Tax", "Shipping", "Other"] { #expect(!text.contains(label), "\(label):\n\(text)") }
        state.inFlight.remove(.orderDetail)
        #expect(Self.screen(state).joined(separator: "\n").contains("Subtotal"))
    }

    /// Where the panel does not fit (40x12), it is whole or only "To be paid": tax and shipping shown without the
    /// subtotal would not add up on screen.
    @Test func aPanelTooTallForTheScreenShowsOnlyWhatIsToBePaid() {
        let text = Self.screen(
            Self.state(Self.unpaid, route: .orderDetail(orderNumber: "ORD-7")), width: 40, height: 12
        )
        .joined(separator: "\n")
        #expect(text.contains("To be paid"), "\(text)")
        if !text.contains("Subtotal") {
            for label in ["Tax", "Shipping", "Credit", "Gift card"] {
                #expect(!text.contains(label), "\(label):\n\(text)")
            }
        }
    }

    @Test func theDetailRowsAddUpToWhatIsToBePaid() throws {
        let rows = Self.screen(Self.state(Self.unpaid, route: .orderDetail(orderNumber: "ORD-7")))
        let text = rows.joined(separator: "\n")
        let labels = [
            "Subtotal", "Discounts (WELCOME10)", "Tax", "Shipping", "Loyalty (100 pts)", "Credit",
            "Gift card (GIFT250)",
            "To be paid",
        ]
        var amounts: [Int] = []
        for label in labels {
            let row = try #require(rows.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }, "\(text)")
            amounts.append(try #require(Self.paise(atEndOf: row), "\(label): \(row)"))
        }
        #expect(amounts.dropLast().reduce(0, +) == amounts.last)
        #expect(amounts.last == 40_032)
        // Shipping is before tax (its tax is in "Tax"), and nothing is counted twice.
        #expect(!text.contains("Savings") && !text.contains("Total "), "\(text)")
        #expect(text.contains("p pay") && text.contains("x cancel order"), "\(text)")
    }

    @Test func aPaidOrderSaysPaidAndOffersNeitherKey() {
        var paid = Self.unpaid
        paid.paymentStatus = .success
        paid.status = .shipped
        paid.isCancellationAllowed = false
        let state = Self.state(paid, route: .orderDetail(orderNumber: "ORD-7"))
        let text = Self.screen(state).joined(separator: "\n")
        #expect(text.contains("Paid") && !text.contains("To be paid"), "\(text)")
        let table = ScreenFixtures.app(state).keyTable
        #expect(table.binding(for: .char("p")) == nil || table.binding(for: .char("p"))?.label != "pay")
        #expect(table.binding(for: .char("x")) == nil)
    }

    /// An order to be collected from a store says where, not an address it will never be delivered to.
    @Test func anOrderToCollectSaysFromWhichStore() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let json = """
            {"order_number":"ORD-8","status":"confirmed","payment_status":"success","grand_total":349,"to_be_paid":349,
             "shipping_address":{"first_name":"Asha","address_line1":"12 MG Road","city":"Bengaluru","pincode":"560001"},
             "fulfillment_preference":{"fulfillment_type":"collect-in-store","pickup_location_id":"store-2",
               "pickup_location_name":"Sandbox Store Bandra","preference_type":"user"}}
            """
        var order = try decoder.decode(Order.self, from: Data(json.utf8))
        let text = Self.screen(Self.state(order, route: .orderDetail(orderNumber: "ORD-8"))).joined(separator: "\n")
        #expect(text.contains("Collect at Sandbox Store Bandra") && !text.contains("Deliver to"), "\(text)")
        order.fulfillmentPreference?.fulfillmentType = .delivery
        let delivered = Self.screen(Self.state(order, route: .orderDetail(orderNumber: "ORD-8"))).joined()
        #expect(delivered.contains("Deliver to Asha") && !delivered.contains("Collect at"), "\(delivered)")
    }

    @Test func pAndXSendPayAndTheCancelConfirmation() {
        let state = Self.state(Self.unpaid, route: .orderDetail(orderNumber: "ORD-7"))
        let app = ScreenFixtures.app(state)
        #expect(app.keyTable.binding(for: .char("p"))?.intent == .send(.orders(.view(.pay))))
        #expect(app.keyTable.binding(for: .char("x"))?.intent == .send(.orders(.view(.requestCancel))))
        #expect(app.keyTable.helpLines().contains { $0.help.hasPrefix("Cancel this order") })
        var confirming = state
        confirming.orders.confirmingCancel = true
        let text = Self.screen(confirming).joined(separator: "\n")
        #expect(text.contains("Cancel order ORD-7?"), "\(text)")
        #expect(!text.contains("goes back"), "nothing was paid:\n\(text)")
        // A paid order: the box says where the money goes.
        var paid = confirming
        paid.orders.detail?.paymentStatus = .success
        paid.orders.detail?.status = .confirmed
        let paidText = Self.screen(paid).joined(separator: "\n")
        #expect(paidText.contains("The ₹400.32 paid goes back to the original payment method."), "\(paidText)")
        let table = ScreenFixtures.app(confirming).keyTable
        #expect(table.binding(for: .char("y"))?.intent == .send(.orders(.view(.confirmCancel))))
        #expect(table.binding(for: .escape)?.intent == .send(.orders(.view(.dismissCancel))))
    }

    @Test func theListShowsWhatWasPaidAndHowManyOrdersAwaitPayment() {
        var paid = Self.unpaid
        paid.orderNumber = "ORD-6"
        paid.paymentStatus = .success
        paid.status = .confirmed
        var state = Self.state(Self.unpaid)
        state.orders.orders = [Self.unpaid, paid]
        let text = Self.screen(state).joined(separator: "\n")
        #expect(text.contains("1 order awaiting payment"), "\(text)")
        #expect(text.contains("₹400.32 to pay") && text.contains("₹400.32 paid"), "\(text)")
        #expect(!text.contains("₹950.32"), "the grand total is not what was paid:\n\(text)")
    }
}
