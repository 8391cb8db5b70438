import ShopCore
import StorefrontAPI

/// Order history (with the selected order beside the list at 120 columns and more) and order detail, where an
/// unpaid order can be paid (`p`) or cancelled (`x`, after a confirmation).
enum OrdersScreen: ShopScreen {
    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        let state = ctx.state
        if case .orderDetail(let number) = state.currentRoute {
            if state.orders.confirmingCancel {
                return [
                    .key(
                        [.char("y"), .enter], "cancel it", "Yes, cancel order \(number)", priority: 50,
                        .send(.orders(.view(.confirmCancel)))),
                    .key(
                        [.char("n"), .escape], "keep it", "No, keep the order", priority: 49,
                        .send(.orders(.view(.dismissCancel)))),
                ]
            }
            guard let order = state.orders.detail, order.orderNumber == number else { return [] }
            var keys: [KeyBinding<ShopIntent>] = []
            if order.isAwaitingPayment {
                keys.append(
                    .key(
                        [.char("p")], "pay", "Pay this order: the payment link again", priority: 50,
                        .send(.orders(.view(.pay)))))
            }
            if order.isCancellationAllowed ?? order.isAwaitingPayment {
                keys.append(
                    .key(
                        [.char("x")], "cancel order", "Cancel this order (asks first); what it held is released",
                        priority: 40, .send(.orders(.view(.requestCancel)))))
            }
            return keys
        }
        guard !state.orders.orders.isEmpty else { return [] }
        return KeyBinding<ShopIntent>.moveKeys("Move the selection") + [
            .key([.enter], "details", "Open the selected order", priority: 50, .send(.select))
        ]
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let state = ctx.state
        let theme = ctx.theme
        if case .orderDetail(let number) = state.currentRoute {
            guard let order = state.orders.detail, order.orderNumber == number else {
                Draw.empty(into: &buffer, rect: rect, lines: ["Loading order \(number)…"], theme: theme)
                return ScreenOutput()
            }
            // While the detail loads, the order is the list's entry, whose subtotal, tax and shipping are not
            // known: only what is to be paid is shown until the answer comes.
            drawDetail(order, full: !state.inFlight.contains(.orderDetail), ctx: ctx, into: &buffer, rect: rect)
            if state.orders.confirmingCancel { return drawCancelConfirmation(order, ctx: ctx, into: &buffer) }
            return ScreenOutput()
        }
        let orders = state.orders.orders
        if orders.isEmpty {
            let lines =
                state.inFlight.contains(.orders)
                ? ["Loading your orders…"] : ["No orders yet.", "press b to browse the catalog"]
            Draw.empty(into: &buffer, rect: rect, lines: lines, theme: theme)
            return ScreenOutput()
        }
        var listRect = rect
        if let text = state.orders.awaitingPaymentText, rect.height > 4 {
            buffer.write(
                text + ": open one and press p to pay.", row: rect.row, col: rect.col, style: .role(.warning),
                maxWidth: rect.width, ellipsis: theme.glyphs.ellipsis)
            listRect = Rect(row: rect.row + 2, col: rect.col, width: rect.width, height: rect.height - 2)
        }
        var detailRect: Rect?
        if rect.width >= 118 {
            let (l, r) = Draw.split(listRect, leftFraction: 0.5, theme: theme, buffer: &buffer)
            listRect = l
            detailRect = r
        }
        let list = Draw.list(
            into: &buffer, rect: listRect, count: orders.count, selection: state.orders.selectedIndex, theme: theme
        ) { i, selected, r, buf in
            let o = orders[i]
            let date = o.orderDate.map { String($0.prefix(10)) } ?? ""
            let text =
                r.width >= 60
                ? "\(o.orderNumber)  \(date)  \(o.status?.rawValue ?? "")"
                : "\(o.orderNumber)  \(o.status?.rawValue ?? "")"
            Draw.row(into: &buf, rect: r, selected: selected, text: text, right: paid(o, ctx: ctx), theme: theme)
        }
        if let detailRect, let order = state.orders.selectedOrder {
            let detail = state.orders.detail.flatMap { $0.orderNumber == order.orderNumber ? $0 : nil }
            drawDetail(detail ?? order, full: detail != nil, ctx: ctx, into: &buffer, rect: detailRect)
        }
        return ScreenOutput(cursor: list.cursor, list: list.region)
    }

    /// What the list shows of an order: what was paid, or what is still to be paid.
    static func paid(_ order: Order, ctx: ScreenContext) -> String {
        let amount = ctx.money(order.toBePaid)
        if order.paymentStatus == .success { return amount + " paid" }
        if order.isAwaitingPayment { return amount + " to pay" }
        return amount
    }

    static func drawCancelConfirmation(_ order: Order, ctx: ScreenContext, into buffer: inout CellBuffer)
        -> ScreenOutput
    {
        var lines = ["Cancel order \(order.orderNumber)?", "Its stock, points, credit and gift card are released."]
        if let refund = order.refundOnCancel {
            lines.append("The \(ctx.money(refund)) paid goes back to the original payment method.")
        }
        lines.append("y cancels it, n keeps it.")
        let inner = Modal.confirmation(into: &buffer, title: "Cancel order", lines: lines, theme: ctx.theme)
        return ScreenOutput(cursor: CursorPlacement(row: inner.row, col: inner.col))
    }

    /// "Collect at Sandbox Store Bandra" for an order to be collected from a store, else "Deliver to …" with its
    /// address; nil when the order says neither.
    static func fulfillmentText(_ order: Order) -> String? {
        if let preference = order.fulfillmentPreference, preference.fulfillmentType == .collectInStore {
            return "Collect at " + (preference.pickupLocationName ?? preference.pickupLocationId ?? "the store")
        }
        return order.shippingAddress.map { "Deliver to \($0.summary)" }
    }

    /// `full`: the order's detail (its totals panel); otherwise a list entry, whose totals are not known.
    static func drawDetail(
        _ order: Order, full: Bool, ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect
    ) {
        let theme = ctx.theme
        var row = rect.row
        Draw.title(into: &buffer, "Order \(order.orderNumber)", row: row, rect: rect, theme: theme)
        row += 1
        let meta = [
            order.orderDate.map { String($0.prefix(10)) }, order.status?.rawValue,
            order.paymentStatus.map { "payment " + $0.rawValue },
        ]
        .compactMap { $0 }.joined(separator: " \(theme.glyphs.separator) ")
        buffer.write(
            meta, row: row, col: rect.col, style: .role(.dim), maxWidth: rect.width, ellipsis: theme.glyphs.ellipsis)
        row += 1
        if let whereTo = fulfillmentText(order), row < rect.bottom {
            buffer.write(
                whereTo, row: row, col: rect.col, style: .role(.dim), maxWidth: rect.width,
                ellipsis: theme.glyphs.ellipsis)
            row += 1
        }
        row += 1
        let toBePaid = order.paymentStatus == .success ? "Paid" : "To be paid"
        // A list entry has no subtotal, tax or shipping: only what was (or is) to be paid, until it is opened.
        let totals =
            full
            ? CartScreen.rows(Totals(order: order), ctx: ctx, toBePaidLabel: toBePaid)
            : [(toBePaid, ctx.money(order.toBePaid))]
        let items = order.orderItems ?? []
        let itemRows = max(0, rect.bottom - row - totals.count - 1)
        for (i, item) in items.enumerated() where i < itemRows {
            let name = ItemName.of(product: item.productName, variant: item.variantName)
            let qty = theme.glyphs.isASCII ? "\(item.quantity) x" : "\(item.quantity) ×"
            Draw.amountRow(
                into: &buffer, row: row, rect: rect, label: "\(qty) \(name)",
                amount: ctx.money(item.sellingPrice * item.quantity),
                theme: theme)
            row += 1
        }
        CartScreen.drawTotals(
            totals, ctx: ctx, into: &buffer,
            rect: Rect(row: row, col: rect.col, width: min(rect.width, 50), height: rect.bottom - row))
    }
}
