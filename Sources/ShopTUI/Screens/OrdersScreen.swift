import ShopCore
import StorefrontAPI

/// Order history (with the selected order beside the list at 120 columns and more) and order detail.
enum OrdersScreen {
    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        let state = ctx.state
        if case .orderDetail = state.currentRoute { return [] }
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
            drawDetail(order, ctx: ctx, into: &buffer, rect: rect)
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
        var detailRect: Rect?
        if rect.width >= 118 {
            let (l, r) = Draw.split(rect, leftFraction: 0.5, theme: theme, buffer: &buffer)
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
            Draw.row(into: &buf, rect: r, selected: selected, text: text, right: ctx.money(o.grandTotal), theme: theme)
        }
        if let detailRect, let order = state.orders.selectedOrder {
            drawDetail(
                state.orders.detail?.orderNumber == order.orderNumber ? state.orders.detail ?? order : order, ctx: ctx,
                into: &buffer, rect: detailRect)
        }
        return ScreenOutput(cursor: list.cursor, list: list.region)
    }

    static func drawDetail(_ order: Order, ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) {
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
        if let address = order.shippingAddress, row < rect.bottom {
            buffer.write(
                "Deliver to \(address.summary)", row: row, col: rect.col, style: .role(.dim), maxWidth: rect.width,
                ellipsis: theme.glyphs.ellipsis)
            row += 1
        }
        row += 1
        var totals: [(String, String)] = [("Subtotal", ctx.money(order.subtotal))]
        if !order.totalSavings.isZero { totals.append(("Savings", ctx.money(-order.totalSavings))) }
        totals.append(("Tax", ctx.money(order.totalTax)))
        totals.append(
            ("Shipping", order.shippingAmountIncludingTax.isZero ? "free" : ctx.money(order.shippingAmountIncludingTax))
        )
        if !order.creditBalanceUsed.isZero { totals.append(("Credit", ctx.money(-order.creditBalanceUsed))) }
        totals.append(("Total", ctx.money(order.grandTotal)))
        totals.append(("To be paid", ctx.money(order.toBePaid)))
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
