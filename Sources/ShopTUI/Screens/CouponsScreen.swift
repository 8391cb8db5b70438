import ShopCore
import StorefrontAPI

/// Coupons and gift card: apply a code or pick from the applicable list (the rest show why not), and
/// apply or remove loyalty points and credit balance.
enum CouponsScreen: ShopScreen {
    static let inputs: [(Field, String)] = [
        (.couponCode, "Coupon"), (.giftCardCode, "Gift card"), (.loyaltyPoints, "Points"), (.creditAmount, "Credit"),
    ]

    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        if let focus = ctx.focus {
            let label: String
            switch focus {
            case .couponCode: label = "apply coupon"
            case .giftCardCode: label = "apply gift card"
            case .loyaltyPoints: label = "redeem points"
            default: label = "use credit"
            }
            return [.key([.enter], label, "Apply what you typed", priority: 50, .submitField)]
        }
        let state = ctx.state
        let cart = state.cart.server
        var keys: [KeyBinding<ShopIntent>] = []
        if !state.coupons.all.isEmpty {
            keys += KeyBinding<ShopIntent>.moveKeys("Move the selection", jumpLetters: false)
        }
        if state.coupons.selectedCoupon != nil || !state.form[.couponCode].isEmpty {
            let typed = state.entersTypedCoupon
            keys.append(
                .key(
                    [.enter], "apply", typed ? "Apply the typed coupon code" : "Apply the selected coupon",
                    priority: 50, .send(.select)))
        }
        keys.append(.key([.char("e")], "type code", "Type a coupon code", priority: 45, .focus(.couponCode)))
        // What is applied can be removed: those keys rank above the ones that add, so the footer shows them.
        if cart?.couponCode != nil {
            keys.append(
                .key(
                    [.char("x")], "remove coupon", "Remove the applied coupon", priority: 47,
                    .send(.coupons(.view(.remove))))
            )
        }
        keys.append(.key([.char("g")], "gift card", "Type a gift card code", priority: 40, .focus(.giftCardCode)))
        if cart?.giftCardCode != nil {
            keys.append(
                .key(
                    [.char("G")], "remove card", "Remove the gift card", priority: 46,
                    .send(.cart(.view(.removeGiftCard)))))
        }
        keys.append(.key([.char("p")], "points", "Redeem loyalty points", priority: 35, .focus(.loyaltyPoints)))
        if (cart?.loyaltyPointsRedeemed ?? 0) > 0 {
            keys.append(
                .key(
                    [.char("P")], "remove points", "Stop redeeming points", priority: 43,
                    .send(.cart(.view(.removeLoyaltyPoints)))))
        }
        keys.append(.key([.char("r")], "credit", "Use credit balance", priority: 34, .focus(.creditAmount)))
        if !(cart?.creditBalanceUsed.isZero ?? true) {
            keys.append(
                .key(
                    [.char("R")], "remove credit", "Stop using credit", priority: 42,
                    .send(.cart(.view(.removeCreditBalance)))
                ))
        }
        return keys
    }

    /// "You have 500 loyalty points and ₹1,500.00 credit.", where the store tells them.
    static func balances(_ ctx: ScreenContext) -> String? {
        var parts: [String] = []
        if let points = ctx.state.account.loyalty?.balance { parts.append("\(points) loyalty points") }
        if let credit = ctx.state.user?.creditBalance { parts.append("\(ctx.money(credit)) credit") }
        return parts.isEmpty ? nil : "You have " + parts.joined(separator: " and ") + "."
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let state = ctx.state
        let theme = ctx.theme
        var out = ScreenOutput()
        var row = rect.row
        // What is applied now.
        let cart = state.cart.server
        var applied: [String] = []
        if let code = cart?.couponCode {
            applied.append("coupon \(code) \(ctx.money(-(cart?.couponDiscountAmount ?? .zero)))")
        }
        if let code = cart?.giftCardCode {
            applied.append("gift card \(code) \(ctx.money(-(cart?.giftCardAmount ?? .zero)))")
        }
        if let points = cart?.loyaltyPointsRedeemed, points > 0 { applied.append("\(points) points") }
        if let credit = cart?.creditBalanceUsed, !credit.isZero { applied.append("credit \(ctx.money(-credit))") }
        buffer.write(
            applied.isEmpty ? "Nothing applied yet." : "Applied: " + applied.joined(separator: ", "), row: row,
            col: rect.col, style: .role(applied.isEmpty ? .dim : .success), maxWidth: rect.width,
            ellipsis: theme.glyphs.ellipsis)
        row += 1
        Draw.amountRow(
            into: &buffer, row: row, rect: rect, label: "To be paid", amount: ctx.money(state.cartAmount),
            style: Style.role(.price).bold, theme: theme)
        row += 1
        if let balances = balances(ctx), row < rect.bottom {
            buffer.write(
                balances, row: row, col: rect.col, style: .role(.dim), maxWidth: rect.width,
                ellipsis: theme.glyphs.ellipsis)
            row += 1
        }
        // The input being typed, or the typed coupon code.
        if let focus = ctx.focus, let label = inputs.first(where: { $0.0 == focus })?.1 {
            out.cursor = Draw.field(
                into: &buffer, row: row, rect: rect, label: label, field: focus, ctx: ctx, labelWidth: 11,
                placeholder: focus == .loyaltyPoints
                    ? "how many points" : focus == .creditAmount ? "amount in rupees" : "code")
            row += 1
        } else if !state.form[.couponCode].isEmpty {
            Draw.field(
                into: &buffer, row: row, rect: rect, label: "Coupon", field: .couponCode, ctx: ctx, labelWidth: 11)
            row += 1
        }
        if let rejection = state.coupons.rejection, row < rect.bottom {
            buffer.write(
                rejection, row: row, col: rect.col, style: .role(.error), maxWidth: rect.width,
                ellipsis: theme.glyphs.ellipsis)
            row += 1
        }
        row += 1
        let all = state.coupons.all
        guard row < rect.bottom else { return out }
        if all.isEmpty {
            let text =
                state.inFlight.contains(.coupons)
                ? "Checking coupons…" : "No coupons for this cart. Press e to type a code."
            buffer.write(
                text, row: row, col: rect.col, style: .role(.dim), maxWidth: rect.width, ellipsis: theme.glyphs.ellipsis
            )
            return out
        }
        Draw.title(
            into: &buffer, "Coupons (\(state.coupons.applicable.count) can be applied)", row: row, rect: rect,
            theme: theme)
        row += 1
        let applicableCount = state.coupons.applicable.count
        // The selected coupon in full under the list (reasons are often longer than a row).
        var detailLines: [String] = []
        if let c = state.coupons.selectedCoupon, rect.bottom - row > 4 {
            let usable = state.coupons.selectedIndex < state.coupons.applicable.count
            let why =
                usable
                ? (c.savingsMessage ?? c.name ?? "")
                : [c.reason, c.suggestion].compactMap { $0 }.joined(separator: ". ")
            detailLines = Array(Draw.wrap("\(c.code): \(why)", width: rect.width).prefix(2))
        }
        let listHeight = rect.bottom - row - (detailLines.isEmpty ? 0 : detailLines.count + 1)
        let listRect = Rect(row: row, col: rect.col, width: rect.width, height: listHeight)
        for (i, line) in detailLines.enumerated() {
            buffer.write(
                line, row: rect.bottom - detailLines.count + i, col: rect.col, style: .role(.dim), maxWidth: rect.width,
                ellipsis: theme.glyphs.ellipsis)
        }
        let list = Draw.list(
            into: &buffer, rect: listRect, count: all.count, selection: state.coupons.selectedIndex, theme: theme
        ) { i, selected, r, buf in
            let c = all[i]
            let usable = i < applicableCount
            let what: String
            if usable {
                what = c.savingsMessage ?? c.name ?? ""
            } else {
                what = [c.reason, c.suggestion].compactMap { $0 }.joined(separator: " — ")
            }
            let saving = usable ? (c.estimatedDiscount.map { "save " + ctx.money($0) } ?? "") : "not applicable"
            Draw.row(
                into: &buf, rect: r, selected: selected, text: "\(c.code)  \(what)", right: saving,
                rightRole: usable ? .success : .dim, dimmed: !usable, theme: theme)
        }
        if ctx.focus == nil { out.cursor = list.cursor }
        out.list = list.region
        return out
    }
}
