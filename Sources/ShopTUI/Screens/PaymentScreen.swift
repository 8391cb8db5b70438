import ShopCore
import StorefrontAPI

/// Payment: the link as text (an OSC 8 hyperlink where the terminal supports it) and as a QR code, `y` to
/// copy it, and the live status until paid or failed, with retry.
enum PaymentScreen {
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
                        [.enter, .char("r")], "retry", "Get a new payment link", priority: 50, .send(.payment(.retry))))
            }
        case .timedOut, .stopped:
            keys.append(.key([.enter], "check again", "Check the payment status again", priority: 50, .send(.select)))
        case .awaiting:
            keys.append(
                .key(
                    [.char("s")], "stop waiting", "Stop checking (the order stays)", priority: 20,
                    .send(.payment(.stopPolling))))
        default:
            break
        }
        if ctx.paymentLinks.shown(payment.link) != nil, payment.phase != .paid {
            keys.append(
                .key([.char("y")], "copy link", "Copy the payment link to the clipboard", priority: 45, .copyLink))
        }
        return keys
    }

    static func statusLine(_ ctx: ScreenContext) -> (String, Role) {
        let p = ctx.state.payment
        switch p.phase {
        case .idle, .settingUp: return ("Preparing the payment link…", .dim)
        case .setupFailed: return ("Could not get a payment link. Press enter to try again.", .error)
        case .awaiting: return ("Waiting for your payment… (status checked every few seconds)", .accent)
        case .paid: return ("\(ctx.theme.glyphs.check) Payment received: paid. Thank you!", .success)
        case .failed:
            return (
                p.isRetryAvailable ? "The payment failed. Press enter for a new link." : "The payment failed.", .error
            )
        case .timedOut: return ("No answer from the payment yet. Press enter to check again.", .warning)
        case .stopped: return ("Stopped checking. Press enter to check again.", .warning)
        }
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let state = ctx.state
        let theme = ctx.theme
        var out = ScreenOutput()
        let p = state.payment
        let link = p.phase == .paid ? nil : ctx.paymentLinks.shown(p.link)
        // The QR code goes right of the text when there is room, else under it, else not at all.
        var left = rect
        var qrOrigin: (row: Int, col: Int)?
        var qrBelow = false
        if let link, let qr = QRView.size(for: link, theme: theme) {
            if rect.width - qr.width - 2 >= 30, qr.height <= rect.height {
                qrOrigin = (rect.row, rect.right - qr.width)
                left.width = rect.width - qr.width - 2
            } else if qr.height <= rect.height - 6, qr.width <= rect.width {
                qrOrigin = (rect.bottom - qr.height, rect.col + (rect.width - qr.width) / 2)
                left.height = rect.height - qr.height
                qrBelow = true
            }
        }
        var row = left.row
        let number = p.orderNumber ?? state.checkout.order?.orderNumber ?? ""
        let amount = state.checkout.order.map { ctx.money($0.toBePaid) } ?? ""
        Draw.amountRow(
            into: &buffer, row: row, rect: left, label: "Order \(number)", amount: amount,
            style: Style.role(.title).bold, theme: theme)
        row += 1
        if p.phase != .paid, ctx.paymentLinks.hides(p.link) {
            row = Draw.paragraph(
                into: &buffer, "Ask the presenter to settle this payment.", row: row, rect: left,
                style: .role(.accent), maxLines: 2)
        }
        let (status, role) = statusLine(ctx)
        row = Draw.paragraph(into: &buffer, status, row: row, rect: left, style: .role(role), maxLines: 3)
        if let message = p.message, p.phase != .awaiting, row < left.bottom {
            row = Draw.paragraph(into: &buffer, message, row: row, rect: left, style: .role(.dim), maxLines: 2)
        }
        guard let link else { return out }
        row += 1
        if row < left.bottom {
            buffer.write("Pay in your browser:", row: row, col: left.col, style: .role(.dim), maxWidth: left.width)
            row += 1
        }
        // The link, cut into rows; each row is an OSC 8 hyperlink to the whole link.
        var rest = Substring(link)
        while !rest.isEmpty, row < left.bottom {
            let piece = String(rest.prefix(max(1, left.width)))
            rest = rest.dropFirst(piece.count)
            buffer.write(
                piece, row: row, col: left.col, style: Style.role(.link).underline, maxWidth: left.width, ellipsis: "")
            out.links.append(LinkRegion(row: row, col: left.col, text: piece, url: link))
            row += 1
        }
        if let qrOrigin {
            QRView.draw(link, into: &buffer, row: qrOrigin.row, col: qrOrigin.col, theme: theme)
            if !qrBelow, row + 1 < left.bottom {
                Draw.paragraph(
                    into: &buffer, "Or scan the QR code with your phone. y copies the link.", row: row + 1,
                    rect: left, style: .role(.dim), maxLines: 3)
            }
        } else if row < left.bottom {
            buffer.write(
                "Enlarge the terminal to see a QR code.", row: row, col: left.col, style: .role(.dim),
                maxWidth: left.width, ellipsis: theme.glyphs.ellipsis)
        }
        return out
    }
}
