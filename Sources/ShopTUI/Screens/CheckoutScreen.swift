import ShopCore
import StorefrontAPI

/// Checkout: choose or add an address (validated form), business details (GSTIN/PAN, may be skipped),
/// the PIN code check and delivery option, then the review that places the order.
enum CheckoutScreen: ShopScreen {
    static let fieldLabels: [Field: String] = [
        .addressFirstName: "First name", .addressLastName: "Last name", .addressPhone: "Phone", .addressEmail: "Email",
        .addressLine1: "Address", .addressLine2: "Address 2", .addressPincode: "PIN code", .addressCity: "City",
        .addressState: "State", .businessName: "Business name", .gstin: "GSTIN", .pan: "PAN",
    ]

    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        let state = ctx.state
        switch state.currentRoute {
        case .addressForm:
            return [.key([.enter], "save address", "Save the address and use it", priority: 50, .send(.select))]
        case .checkout(.address):
            var keys: [KeyBinding<ShopIntent>] = []
            if !state.checkout.addresses.isEmpty {
                keys += KeyBinding<ShopIntent>.moveKeys("Move the selection")
            }
            // While the list loads Enter is kept and acts once it is there.
            if !state.checkout.addresses.isEmpty || state.inFlight.contains(.addresses) {
                keys.append(.key([.enter], "deliver here", "Use the selected address", priority: 50, .send(.select)))
            }
            keys.append(
                .key(
                    [.char("n")], "new address", "Add a new address", priority: 45, .send(.checkout(.view(.newAddress)))
                ))
            return keys
        case .checkout(.business):
            return [
                .key([.enter], "continue", "Save the business details", priority: 50, .send(.select)),
                .key(
                    [.ctrl("s")], "skip", "Skip: not buying for a business", priority: 45,
                    .send(.checkout(.view(.skipBusiness)))),
            ]
        case .checkout(.delivery):
            var keys: [KeyBinding<ShopIntent>] = []
            if state.checkout.deliveryChoiceCount > 0 {
                keys += KeyBinding<ShopIntent>.moveKeys("Move the selection")
            }
            if state.checkout.serviceability == nil, !state.inFlight.contains(.delivery) {
                keys.append(
                    .key([.enter], "check again", "Check delivery to this address again", priority: 50, .send(.select)))
            } else if state.checkout.deliveryChoiceCount > 0 || state.checkout.serviceability == nil {
                // While the options load Enter is kept: it takes the first one when they arrive.
                keys.append(
                    .key(
                        [.enter], "choose", "Use the selected delivery option or store", priority: 50,
                        .send(.select)))
            }
            return keys
        case .checkout(.review):
            return [.key([.enter], "place order", "Place the order and pay", priority: 50, .send(.select))]
        default:
            return []
        }
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let state = ctx.state
        let theme = ctx.theme
        let width = min(rect.width, 100)
        let box = Rect(
            row: rect.row, col: rect.col + max(0, (rect.width - width) / 2), width: width, height: rect.height)
        let below = Rect(row: box.row + 2, col: box.col, width: box.width, height: max(0, box.height - 2))
        switch state.currentRoute {
        case .addressForm:
            Draw.title(into: &buffer, "New delivery address", row: box.row, rect: box, theme: theme)
            // The PIN code's delivery check, under the fields when there is room (the notice line says it too).
            let note = pincodeNote(ctx)
            let addressFields = formFields(state)
            let fieldsRect = Rect(
                row: below.row, col: below.col, width: below.width,
                height: note != nil && below.height > addressFields.count + 1 ? addressFields.count : below.height)
            let out = FormDrawing.draw(addressFields, ctx: ctx, into: &buffer, rect: fieldsRect, labelWidth: 12)
            if let (text, role) = note, fieldsRect.height < below.height {
                Draw.paragraph(
                    into: &buffer, text, row: fieldsRect.bottom + 1, rect: below, style: .role(role),
                    maxLines: below.bottom - fieldsRect.bottom - 1)
            }
            return out
        case .checkout(.business):
            Draw.title(into: &buffer, "Buying for a business? (GST invoice)", row: box.row, rect: box, theme: theme)
            let out = FormDrawing.draw(formFields(state), ctx: ctx, into: &buffer, rect: below, labelWidth: 15)
            if below.height > 4 {
                Draw.paragraph(
                    into: &buffer, "GSTIN has 15 characters, PAN 10. ctrl-s skips this step.", row: below.row + 4,
                    rect: below, style: .role(.dim), maxLines: 2)
            }
            return out
        case .checkout(.address):
            let addresses = state.checkout.addresses
            Draw.title(into: &buffer, "Where should we deliver?", row: box.row, rect: box, theme: theme)
            if addresses.isEmpty {
                let lines =
                    state.inFlight.contains(.addresses)
                    ? ["Loading your addresses…"] : ["No saved address yet.", "press n to add one"]
                Draw.empty(into: &buffer, rect: below, lines: lines, theme: theme)
                return ScreenOutput()
            }
            let list = Draw.list(
                into: &buffer, rect: below, count: addresses.count, selection: state.checkout.selectedAddressIndex,
                theme: theme
            ) { i, selected, r, buf in
                let mark = addressMark(state.checkout.pincodeCheck(of: addresses[i]), theme: theme)
                Draw.row(
                    into: &buf, rect: r, selected: selected, text: addresses[i].summary, right: mark?.0 ?? "",
                    rightRole: mark?.1 ?? .dim, dimmed: mark?.1 == .error, theme: theme)
            }
            return ScreenOutput(cursor: list.cursor, list: list.region)
        case .checkout(.delivery):
            var row = box.row
            let pin = state.checkout.address?.pincode ?? ""
            if let s = state.checkout.serviceability {
                let stores = !state.checkout.pickupStores.isEmpty
                let text =
                    s.isServiceable
                    ? "\(theme.glyphs.check) We deliver to PIN code \(pin)."
                    : stores
                        ? "We cannot deliver to PIN code \(pin): collect from a store, or esc for another address."
                        : "We cannot deliver to PIN code \(pin). Esc to choose another address."
                row =
                    Draw.paragraph(
                        into: &buffer, text, row: row, rect: box, style: .role(s.isServiceable ? .success : .error),
                        maxLines: 2) - 1
            } else if !state.inFlight.contains(.delivery) {
                // The check failed (the notice says why).
                buffer.write(
                    "Could not check delivery to \(pin). Press enter to check again.", row: row, col: box.col,
                    style: .role(.warning), maxWidth: box.width, ellipsis: theme.glyphs.ellipsis)
            } else {
                buffer.write(
                    "Checking delivery to \(pin)…", row: row, col: box.col, style: .role(.dim), maxWidth: box.width)
            }
            row += 2
            let methods = state.checkout.deliveryMethods
            let stores = state.checkout.pickupStores
            guard !methods.isEmpty || !stores.isEmpty else { return ScreenOutput() }
            let title =
                methods.isEmpty
                ? "Collect in store" : stores.isEmpty ? "Delivery option" : "Delivery, or collect in store"
            Draw.title(into: &buffer, title, row: row, rect: box, theme: theme)
            row += 1
            let list = Draw.list(
                into: &buffer, rect: Rect(row: row, col: box.col, width: box.width, height: box.bottom - row),
                count: methods.count + stores.count, selection: state.checkout.selectedDeliveryIndex, theme: theme
            ) { i, selected, r, buf in
                guard i < methods.count else {
                    let store = stores[i - methods.count]
                    Draw.row(
                        into: &buf, rect: r, selected: selected, text: storeText(store, theme: theme), right: "free",
                        theme: theme)
                    return
                }
                let m = methods[i]
                let days = m.estimatedDeliveryDays.map { ", \($0) \($0 == "1" ? "day" : "days")" } ?? ""
                let price = m.shippingAmount.map { $0.isZero ? "free" : ctx.money($0) } ?? ""
                Draw.row(
                    into: &buf, rect: r, selected: selected, text: (m.name ?? m.id) + days, right: price, theme: theme)
            }
            return ScreenOutput(cursor: list.cursor, list: list.region)
        case .checkout(.review):
            var row = box.row
            let collecting = state.checkout.chosenPickupStore != nil
            let rows: [(String, String)] = [
                (collecting ? "Address" : "Deliver to", state.checkout.address?.summary ?? "no address"),
                (
                    "Delivery",
                    state.checkout.chosenPickupStore.map { "Collect at " + ($0.name ?? $0.id) }
                        ?? state.checkout.chosenDeliveryMethod?.name ?? "standard"
                ),
                ("Items", "\(state.cartCount)"),
            ]
            for (label, value) in rows where row < box.bottom {
                buffer.write(label, row: row, col: box.col, style: .role(.dim), maxWidth: 12)
                buffer.write(
                    value, row: row, col: box.col + 12, maxWidth: box.width - 12, ellipsis: theme.glyphs.ellipsis)
                row += 1
            }
            if let business = state.checkout.business, row < box.bottom {
                let text = [
                    business.name, business.gstin.map { "GSTIN " + $0 }, business.panNumber.map { "PAN " + $0 },
                ]
                .compactMap { $0 }.joined(separator: ", ")
                buffer.write("Business", row: row, col: box.col, style: .role(.dim), maxWidth: 12)
                buffer.write(
                    text, row: row, col: box.col + 12, maxWidth: box.width - 12, ellipsis: theme.glyphs.ellipsis)
                row += 1
            }
            let totals = CartScreen.totalRows(ctx)
            // The lines, when there is room above the totals.
            let lines = state.cart.lines
            let room = box.bottom - row - totals.count - 2
            if room >= 2, !lines.isEmpty {
                row += 1
                for line in lines.prefix(room - 1) {
                    let item = line.item
                    let qty = theme.glyphs.isASCII ? "\(item.quantity) x" : "\(item.quantity) ×"
                    Draw.amountRow(
                        into: &buffer, row: row,
                        rect: Rect(row: row, col: box.col, width: min(box.width, 50), height: 1),
                        label: "\(qty) \(item.displayName)", amount: ctx.money(item.lineTotal), theme: theme)
                    row += 1
                }
            }
            let h = min(totals.count + 1, box.bottom - row)
            if h > 0 {
                let panel = Rect(row: box.bottom - h, col: box.col, width: min(box.width, 50), height: h)
                CartScreen.drawTotals(totals, ctx: ctx, into: &buffer, rect: panel)
            }
            if state.checkout.placement == .uncertain, row < box.bottom {
                buffer.write(
                    "The last attempt got no answer; enter checks for that order first.", row: row, col: box.col,
                    style: .role(.warning), maxWidth: box.width, ellipsis: theme.glyphs.ellipsis)
            }
            return ScreenOutput()
        default:
            return ScreenOutput()
        }
    }

    /// "Collect at Sandbox Store Indiranagar, 3.5 km, ready in 2 h".
    static func storeText(_ store: PickupStore, theme: Theme) -> String {
        var parts = ["Collect at " + (store.name ?? store.id)]
        if let km = store.distanceKm { parts.append("\(km) km") }
        if let minutes = store.collectEtaMinutes {
            parts.append(
                minutes >= 60 && minutes % 60 == 0 ? "ready in \(minutes / 60) h" : "ready in \(minutes) min")
        }
        return parts.joined(separator: ", ")
    }

    /// What a saved address's row says of delivery there: nothing when it is delivered to or not checked.
    static func addressMark(_ check: PincodeCheck?, theme: Theme) -> (String, Role)? {
        switch check {
        case .undeliverable(_, let collect)?: collect ? ("collect in store only", .warning) : ("no delivery", .error)
        case .checking?, .deliverable?, .unknown?, nil: nil
        }
    }

    /// The address form's line on the PIN code typed: checking, delivered, or not (and whether a store is left).
    static func pincodeNote(_ ctx: ScreenContext) -> (String, Role)? {
        let pincode = ctx.state.form[.addressPincode]
        guard pincode.count == 6, let check = ctx.state.checkout.pincodeChecks[pincode] else { return nil }
        let filled = filledNote(ctx.state.form.suggested)
        switch check {
        case .checking: return ("Checking delivery to \(pincode)\(ctx.theme.glyphs.ellipsis)", .dim)
        case .deliverable:
            return ("\(ctx.theme.glyphs.check) We deliver to PIN code \(pincode).\(filled)", .success)
        case .undeliverable(_, let collect):
            let what = check.undeliverableText(pincode) ?? ""
            return (
                what + (collect ? " You can collect the order from a store." : "") + filled,
                collect ? .warning : .error
            )
        case .unknown: return ("Could not check delivery to \(pincode); the Delivery step checks again.\(filled)", .dim)
        }
    }

    /// " City and state from the PIN code; typing replaces them." while the app's suggestions stand.
    static func filledNote(_ suggested: Set<Field>) -> String {
        let names = [(Field.addressCity, "City"), (.addressState, "state")].filter { suggested.contains($0.0) }
            .map(\.1)
        guard !names.isEmpty else { return "" }
        let what = names.joined(separator: " and ")
        return " \(what.prefix(1).uppercased() + what.dropFirst()) from the PIN code; typing replaces "
            + (names.count == 1 ? "it." : "them.")
    }
}
