import ShopCore
import StorefrontAPI

/// Payment: the link as text (an OSC 8 hyperlink where the terminal supports it) and as a QR code, `y` to
/// copy it, and the live status until paid or failed, with retry.
enum PaymentScreen: ShopScreen {
    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        let payment = ctx.state.payment
        var keys: [KeyBinding<ShopIntent>] = []
        switch payment.phase {
        case .paid:
            keys.append(.key([.enter], "done", "Back to shopping", priority: 50, .send(.select)))
        case .failed, .setupFailed:
            if payment.isRetryAvailable {
                keys.append(
                    .key(
                        [.enter, .char("r")], "retry", "Get a new payment link", priority: 50,
                        .send(.payment(.view(.retry)))))
            }
        case .timedOut, .stopped:
            keys.append(.key([.enter], "check again", "Check the payment status again", priority: 50, .send(.select)))
        case .awaiting:
            keys.append(
                .key(
                    [.char("s")], "stop waiting", "Stop checking (the order stays)", priority: 20,
                    .send(.payment(.view(.stopPolling)))))
        default:
            break
        }
        if ctx.paymentLinks.shown(payment.link) != nil, payment.phase != .paid {
            keys.append(
                .key([.char("y")], "copy link", "Copy the payment link to the clipboard", priority: 45, .copyLink))
        }
        if payment.juspayOrder != nil, ctx.paymentLinks.shown(payment.link) != nil {
            keys.append(
                .key(
                    [.char("i")], payment.showingDetail ? "hide details" : "details",
                    "The Juspay order: id, status, amount, and its mobile and iframe links", priority: 30,
                    .send(.payment(.view(.toggleDetail)))))
        }
        return keys
    }

    static func statusLine(_ ctx: ScreenContext) -> (String, Role) {
        let p = ctx.state.payment
        switch p.phase {
        case .idle, .settingUp: return ("Preparing the payment link…", .dim)
        case .setupFailed: return ("Could not get a payment link. Press enter to try again.", .error)
        case .awaiting: return ("Waiting for your payment… (status checked every few seconds)", .accent)
        case .paid:
            // An order its points, credit or gift card covered: no payment was made, none is thanked for.
            if let order = ctx.state.checkout.order, order.orderNumber == p.orderNumber, order.toBePaid == .zero {
                return ("\(ctx.theme.glyphs.check) Nothing to pay: points, credit or a gift card cover it.", .success)
            }
            return ("\(ctx.theme.glyphs.check) Payment received: paid. Thank you!", .success)
        case .failed:
            return (
                p.isRetryAvailable ? "The payment failed. Press enter for a new link." : "The payment failed.", .error
            )
        case .timedOut: return ("No answer from the payment yet. Press enter to check again.", .warning)
        case .stopped: return ("Stopped checking. Press enter to check again.", .warning)
        }
    }

    /// Which link is shown, when it is not Juspay create-order's: the order's own (create-order failed), or a
    /// retry's.
    static func linkNote(_ source: PaymentLinkSource?) -> String? {
        switch source {
        case .orderAnswer?: "This is the order's own link: Juspay create-order failed."
        case .retry?: "This is the new link of the payment retry."
        case .juspayOrder?, nil: nil
        }
    }

    /// The Juspay order of create-order: its id, status, amount and every link it gave.
    static func drawDetail(
        _ order: JuspayOrder, ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect, out: inout ScreenOutput
    ) {
        var row = rect.row
        Draw.title(into: &buffer, "Juspay order", row: row, rect: rect, theme: ctx.theme)
        row += 1
        let status = [order.status, order.statusId.map { "status id \($0)" }].compactMap { $0 }
            .joined(separator: " \(ctx.theme.glyphs.separator) ")
        let amount = order.amount.map { ctx.money($0) } ?? ""
        let rows: [(String, String)] = [
            ("Juspay order id", order.id ?? order.orderId ?? "—"), ("Status", status.isEmpty ? "—" : status),
            ("Amount", [amount, order.currency ?? ""].filter { !$0.isEmpty }.joined(separator: " ")),
        ]
        for (label, value) in rows where row < rect.bottom {
            let width = buffer.write(label, row: row, col: rect.col, style: .role(.dim), maxWidth: 18)
            buffer.write(value, row: row, col: rect.col + max(width, 18), maxWidth: rect.width - 18)
            row += 1
        }
        let links = [
            ("Web", order.paymentLinks?.web), ("Mobile", order.paymentLinks?.mobile),
            ("iframe", order.paymentLinks?.iframe),
        ]
        for (label, url) in links {
            guard let url, !url.isEmpty, row + 1 < rect.bottom else { continue }
            buffer.write(label, row: row, col: rect.col, style: .role(.dim), maxWidth: rect.width)
            row += 1
            row = drawLink(url, into: &buffer, row: row, rect: rect, out: &out)
        }
    }

    /// A link cut into rows of `rect`'s width from `row`; each row is an OSC 8 hyperlink to the whole link.
    /// Returns the next free row.
    static func drawLink(
        _ url: String, into buffer: inout CellBuffer, row start: Int, rect: Rect, out: inout ScreenOutput
    ) -> Int {
        var row = start
        var rest = Substring(url)
        while !rest.isEmpty, row < rect.bottom {
            let piece = String(rest.prefix(max(1, rect.width)))
            rest = rest.dropFirst(piece.count)
            buffer.write(
                piece, row: row, col: rect.col, style: Style.role(.link).underline, maxWidth: rect.width, ellipsis: "")
            out.links.append(LinkRegion(row: row, col: rect.col, text: piece, url: url))
            row += 1
        }
        return row
    }

    /// Rows a link takes cut at `width` columns.
    static func linkRows(_ url: String, width: Int) -> Int {
        let w = max(1, width)
        return (url.count + w - 1) / w
    }

    /// The text under the order's title row: (text, role, at most so many lines); "" is a blank row.
    static func textLines(_ ctx: ScreenContext, link: String?) -> [(String, Role, Int)] {
        let p = ctx.state.payment
        var lines: [(String, Role, Int)] = []
        if p.phase != .paid, ctx.paymentLinks.hides(p.link) {
            lines.append(("Ask the presenter to settle this payment.", .accent, 2))
        }
        let (status, role) = statusLine(ctx)
        lines.append((status, role, 3))
        if let message = p.message, p.phase != .awaiting { lines.append((message, .dim, 2)) }
        guard link != nil, !p.showingDetail else { return lines }
        lines.append(("", .dim, 1))
        if let note = linkNote(p.linkSource) { lines.append((note, .warning, 2)) }
        return lines
    }

    static func textHeight(_ lines: [(String, Role, Int)], width: Int) -> Int {
        1 + lines.reduce(0) { $0 + min($1.2, Draw.wrap($1.0, width: width).count) }
    }

    static let linkLabel = "Pay in your browser (y copies it):"
    static let scanHint = "Or scan the QR code with your phone."

    /// The order, the status, then the link on full-width rows of its own (a terminal finds a link only on one
    /// row, and a mouse selection of it only works there; one row whenever the link fits the width). The QR
    /// code goes under the link when the terminal is tall enough, else beside the text above the link, else
    /// not at all; the link always keeps its rows.
    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let state = ctx.state
        let theme = ctx.theme
        var out = ScreenOutput()
        let p = state.payment
        let link = p.phase == .paid ? nil : ctx.paymentLinks.shown(p.link)
        let lines = textLines(ctx, link: link)
        let rows = link.map { linkRows($0, width: rect.width) } ?? 0
        let qr = link.flatMap { p.showingDetail ? nil : QRView.size(for: $0, theme: theme) }
        var text = rect
        var qrBeside: Rect?
        var qrBelow = false
        if let qr {
            let below = textHeight(lines, width: rect.width) + 1 + rows + 2 + qr.height
            if below <= rect.height, qr.width <= rect.width {
                qrBelow = true
            } else if rect.width - qr.width - 2 >= 30, qr.height + rows <= rect.height {
                qrBeside = Rect(row: rect.row, col: rect.right - qr.width, width: qr.width, height: qr.height)
                text.width = rect.width - qr.width - 2
            }
        }
        // The label and the link's rows are kept free under the text.
        if link != nil, !p.showingDetail { text.height = max(1, min(text.height, rect.height - 1 - rows)) }
        var row = text.row
        let number = p.orderNumber ?? state.checkout.order?.orderNumber ?? ""
        let amount = (p.amount ?? state.checkout.order?.toBePaid).map { ctx.money($0) } ?? ""
        Draw.amountRow(
            into: &buffer, row: row, rect: text, label: "Order \(number)", amount: amount,
            style: Style.role(.title).bold, theme: theme)
        row += 1
        for (line, role, maxLines) in lines where row < text.bottom {
            row = Draw.paragraph(into: &buffer, line, row: row, rect: text, style: .role(role), maxLines: maxLines)
        }
        guard let link else { return out }
        if p.showingDetail, let order = p.juspayOrder {
            drawDetail(
                order, ctx: ctx, into: &buffer,
                rect: Rect(row: row + 1, col: rect.col, width: rect.width, height: rect.bottom - row - 1), out: &out)
            return out
        }
        if let qrBeside {
            // The text column says what the code is for; the label goes on its last row, the link under the code.
            if row < qrBeside.bottom - 2 {
                row = Draw.paragraph(
                    into: &buffer, scanHint, row: row, rect: text, style: .role(.dim), maxLines: 2)
            }
            row = max(row, qrBeside.bottom - 1)
            QRView.draw(link, into: &buffer, row: qrBeside.row, col: qrBeside.col, theme: theme)
        }
        buffer.write(
            linkLabel, row: row, col: rect.col, style: .role(.dim), maxWidth: text.width,
            ellipsis: theme.glyphs.ellipsis)
        row = drawLink(link, into: &buffer, row: row + 1, rect: rect, out: &out)
        if qrBelow {
            Draw.paragraph(into: &buffer, scanHint, row: row + 1, rect: rect, style: .role(.dim), maxLines: 1)
            QRView.draw(link, into: &buffer, row: row + 2, col: rect.col, theme: theme)
        } else if qrBeside == nil, row + 1 < rect.bottom {
            buffer.write(
                "Enlarge the terminal to see a QR code.", row: row + 1, col: rect.col, style: .role(.dim),
                maxWidth: rect.width, ellipsis: theme.glyphs.ellipsis)
        }
        return out
    }
}
