import Foundation
import ShopCore

/// What the shop draws around the screen: the header (the store, where you are, who and the cart), the
/// checkout breadcrumbs, and the notice line (the last key's flash, the spinner, the notice).
enum ShopChrome {
    static func drawHeader(_ ctx: ScreenContext, storeName: String, into buffer: inout CellBuffer) {
        let narrow = buffer.width < 80
        let right = headerRight(ctx, narrow: narrow)
        // The columns HeaderBar leaves the title.
        let room = buffer.width - 2 - (right.isEmpty ? 0 : min(DisplayWidth.of(right), buffer.width / 2) + 2)
        let title = headerTitle(ctx.state, ctx.theme, storeName: storeName, narrow: narrow, room: room)
        HeaderBar.draw(into: &buffer, title: title, right: right, theme: ctx.theme)
    }

    private static func headerTitle(_ state: State, _ theme: Theme, storeName: String, narrow: Bool, room: Int)
        -> String
    {
        let route = state.currentRoute
        // A support view names whose cart it shows, and the store when there is room (user ids are long).
        if route == .cart, let owner = state.readOnly?.cartOwner {
            let whose = "Cart of user \(owner)"
            let named = "\(storeName) \(theme.glyphs.separator) \(whose)"
            return DisplayWidth.of(named) <= room ? named : whose
        }
        // Titles hold "·"; replaced only when the glyphs differ (ASCII), not on every frame.
        let title =
            theme.glyphs.separator == "·" || !route.title.contains("·")
            ? route.title : route.title.replacingOccurrences(of: "·", with: theme.glyphs.separator)
        if narrow, route != .catalog { return title }
        return route == .catalog ? storeName : "\(storeName) \(theme.glyphs.separator) \(title)"
    }

    private static func headerRight(_ ctx: ScreenContext, narrow: Bool) -> String {
        let state = ctx.state
        let who: String
        if state.isSignedIn {
            who = state.user?.displayName ?? "signed in"
        } else {
            who = state.session.claims == nil ? "connecting" : "guest"
        }
        let count = state.cartCount
        let cart =
            count == 0 ? "cart empty" : "\(count) \(count == 1 ? "item" : "items") \(ctx.money(state.cartAmount))"
        // Read-only mode wears a badge, even when narrow.
        let badge = state.readOnly == nil ? "" : "READ-ONLY \(ctx.theme.glyphs.separator) "
        // Narrow, or a support view (whose title says whose cart): the cart without who is signed in.
        if narrow || state.readOnly?.cartOwner != nil { return badge + cart }
        return badge + "\(who) \(ctx.theme.glyphs.separator) \(cart)"
    }

    static func drawBreadcrumbs(_ state: State, into buffer: inout CellBuffer, layout: ScreenLayout, theme: Theme) {
        guard layout.content.row >= 2 else { return }
        let steps = ["Address", "Business", "Delivery", "Review", "Payment"]
        let current: Int
        if case .payment = state.currentRoute {
            current = 4
        } else if let crumb = state.breadcrumbs.first(where: \.isCurrent),
            let i = CheckoutStep.allCases.firstIndex(of: crumb.step)
        {
            current = i
        } else {
            return
        }
        Breadcrumbs.draw(
            into: &buffer, steps: steps, current: current, row: 1, col: 1, maxWidth: buffer.width - 2, theme: theme)
    }

    /// "14:02:31", local time.
    static let clockTime: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter
    }()

    /// The notice line: the last key's flash ("Link copied.") before the spinner of work still going on
    /// (`busyFor`: how long it has turned), then the notice; a support view's cart says when it was read.
    static func drawNoticeLine(
        _ state: State, into buffer: inout CellBuffer, row: Int, theme: Theme, busyFor: Duration?,
        cartReadAt: Date?
    ) {
        if let flash = state.flash {
            Notice(.info, flash.text).draw(into: &buffer, row: row, theme: theme)
            return
        }
        if state.isBusy, let text = state.busyText {
            let ms = busyFor.map { Int($0 / .milliseconds(1)) } ?? 0
            buffer.fill(Rect(row: row, col: 0, width: buffer.width, height: 1))
            Spinner().draw(
                into: &buffer, row: row, col: 1, label: text + theme.glyphs.ellipsis, elapsedMilliseconds: ms,
                theme: theme)
            return
        }
        if let notice = state.notice {
            let kind: Notice.Kind
            switch notice.kind {
            case .info: kind = .info
            case .success: kind = .success
            case .error: kind = .error
            }
            Notice(kind, notice.text).draw(into: &buffer, row: row, theme: theme)
        } else if state.readOnly?.cartOwner != nil, state.currentRoute == .cart, let read = cartReadAt {
            let text =
                "Read \(clockTime.string(from: read)) \(theme.glyphs.separator) "
                + "read again every \(CartRecheck.interval.components.seconds) s while shown"
            buffer.write(
                text, row: row, col: 1, style: .role(.dim), maxWidth: buffer.width - 2, ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// Typographic characters in texts (quotes, dashes, ellipses) become ASCII look-alikes under `--ascii`.
    static func foldToASCII(_ buffer: inout CellBuffer) {
        let table: [String: String] = [
            "“": "\"", "”": "\"", "‘": "'", "’": "'", "—": "-", "–": "-", "…": ".", "·": "|", "×": "x",
        ]
        for row in 0..<buffer.height {
            for col in 0..<buffer.width {
                let cell = buffer[row, col]
                if let plain = table[cell.text] {
                    buffer.put(plain, width: 1, row: row, col: col, style: cell.style)
                }
            }
        }
    }
}
