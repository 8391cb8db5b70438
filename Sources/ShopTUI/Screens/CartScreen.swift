import ShopCore
import StorefrontAPI

/// The cart: lines with quantity steps, remove, move to wishlist, and the totals panel.
enum CartScreen: ShopScreen {
    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        let cart = ctx.state.cart
        var keys: [KeyBinding<ShopIntent>] = []
        if !cart.isEmpty {
            keys += KeyBinding<ShopIntent>.moveKeys("Move the selection")
            keys.append(.key([.enter], "checkout", "Go to checkout", priority: 50, .send(.select)))
            keys += [
                .key(
                    [.char("+")], "more", "One more of the selected line", priority: 22,
                    .send(.cart(.view(.incrementSelected)))),
                .key(
                    [.char("=")], "more", "One more of the selected line", footer: false,
                    .send(.cart(.view(.incrementSelected)))),
            ]
            keys.append(
                .key(
                    [.char("-")], "less", "One less of the selected line", priority: 19,
                    .send(.cart(.view(.decrementSelected)))))
            keys.append(
                .key(
                    [.char("d")], "remove", "Remove the selected line", priority: 20,
                    .send(.cart(.view(.removeSelected)))))
            keys.append(
                .key(
                    [.delete], "remove", "Remove the selected line", footer: false, .send(.cart(.view(.removeSelected)))
                ))
            keys.append(
                .key(
                    [.char("m")], "to wishlist", "Move the selected line to the wishlist", priority: 15,
                    .send(.cart(.view(.moveSelectedToWishlist)))))
            keys.append(
                .key(
                    [.char("p")], "coupons", "Coupons, gift card, points and credit", priority: 24,
                    .send(.navigate(.coupons))))
        }
        if let removed = cart.lastRemoved, cart.quantity(of: removed.item.lineID) == 0 {
            keys.append(
                .key(
                    [.char("u")], "undo", "Put back the line last removed", priority: 45,
                    .send(.cart(.view(.undoRemove)))))
        }
        // Opening the cart reads it only when it may have changed; this reads it whenever asked. In a support
        // view, where reading is all there is to do, it is in the footer.
        let supportView = ctx.state.readOnly?.cartOwner != nil
        keys.append(
            .key(
                [.char("r")], supportView ? "re-read" : "refresh", "Read the cart again from the store",
                footer: supportView, priority: 40, .send(.cart(.view(.load)))))
        return keys
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let cart = ctx.state.cart
        let theme = ctx.theme
        let lines = cart.lines
        if lines.isEmpty {
            let text =
                !cart.isLoaded && ctx.state.isBusy
                ? ["Loading the cart…"] : ["Your cart is empty.", "press b to browse the catalog"]
            Draw.empty(into: &buffer, rect: rect, lines: text, theme: theme)
            return ScreenOutput()
        }
        var listRect = rect
        var totalsRect: Rect
        let totals = totalRows(ctx)
        if rect.width >= 100 {
            let (l, r) = Draw.split(rect, leftFraction: 0.62, theme: theme, buffer: &buffer)
            listRect = l
            totalsRect = r
        } else {
            // Below the lines: as many total rows as fit, always "To be paid".
            let wanted = totals.count + 1
            let h = min(wanted, max(1, rect.height / 2))
            listRect = Rect(row: rect.row, col: rect.col, width: rect.width, height: rect.height - h)
            totalsRect = Rect(row: rect.bottom - h, col: rect.col, width: rect.width, height: h)
        }
        let list = Draw.list(
            into: &buffer, rect: listRect, count: lines.count, selection: cart.selectedIndex, theme: theme
        ) { i, selected, r, buf in
            let line = lines[i]
            let item = line.item
            let name = item.displayName.isEmpty ? item.productId : item.displayName
            let pending = line.isPending ? " " + theme.glyphs.ellipsis : ""
            let stock = item.stockAvailable || line.isPending ? "" : " (out of stock)"
            let amount = "\(item.quantity) × \(ctx.money(item.sellingPrice))  \(ctx.money(item.lineTotal))"
            let right = r.width >= 60 ? amount : "\(item.quantity) × \(ctx.money(item.sellingPrice))"
            Draw.row(
                into: &buf, rect: r, selected: selected, text: name + stock + pending,
                right: theme.glyphs.isASCII ? right.replacingOccurrences(of: "×", with: "x") : right, theme: theme)
        }
        if rect.width >= 100 {
            // Beside the lines: the summary from the top.
            Draw.title(into: &buffer, "Summary", row: totalsRect.row, rect: totalsRect, theme: theme)
            let h = min(totals.count + 1, totalsRect.height - 1)
            drawTotals(
                totals, ctx: ctx, into: &buffer,
                rect: Rect(row: totalsRect.row + 1, col: totalsRect.col, width: totalsRect.width, height: h))
        } else {
            drawTotals(totals, ctx: ctx, into: &buffer, rect: totalsRect)
        }
        return ScreenOutput(cursor: list.cursor, list: list.region)
    }

    /// The rows of the totals panel (``Totals``); "to be paid" includes changes still in flight.
    static func totalRows(_ ctx: ScreenContext) -> [(String, String)] {
        let state = ctx.state
        guard let c = state.cart.server else { return [("To be paid", ctx.money(state.cartAmount))] }
        var rows = rows(Totals(cart: c), ctx: ctx)
        let estimate = state.cart.isEstimate ? " (updating)" : ""
        rows[rows.count - 1] = ("To be paid" + estimate, ctx.money(state.cartAmount))
        return rows
    }

    /// The label and amount of each row of a totals panel: the cart's, the review's and an order's.
    static func rows(_ totals: Totals, ctx: ScreenContext, toBePaidLabel: String = "To be paid") -> [(String, String)] {
        totals.rows.map { row in
            let label: String
            switch row.kind {
            case .subtotal: label = "Subtotal"
            case .discounts(let code): label = code.map { "Discounts (\($0))" } ?? "Discounts"
            case .tax: label = "Tax"
            case .shipping: return ("Shipping", row.amount.isZero ? "free" : ctx.money(row.amount))
            case .loyalty(let points): label = "Loyalty (\(points) pts)"
            case .credit: label = "Credit"
            case .giftCard(let code): label = code.map { "Gift card (\($0))" } ?? "Gift card"
            case .other: label = "Other"
            case .toBePaid: label = toBePaidLabel
            }
            return (label, ctx.money(row.amount))
        }
    }

    static func drawTotals(_ rows: [(String, String)], ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0 else { return }
        var rows = rows
        // Every row, or when they do not all fit only "To be paid": a panel cut short (tax and shipping without the
        // subtotal) would not add up on screen.
        let room = rect.height - 1
        if rows.count > max(1, room), let last = rows.last { rows = [last] }
        var row = rect.bottom - rows.count
        if row > rect.row {
            buffer.hline(row: row - 1, col: rect.col, length: rect.width, glyphs: ctx.theme.glyphs, style: .role(.dim))
        }
        for (i, (label, amount)) in rows.enumerated() {
            let last = i == rows.count - 1
            Draw.amountRow(
                into: &buffer, row: row, rect: rect, label: label, amount: amount,
                style: last ? Style.role(.price).bold : .plain, theme: ctx.theme)
            row += 1
        }
    }
}
