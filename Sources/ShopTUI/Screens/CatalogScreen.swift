import ShopCore
import StorefrontAPI

/// The catalog: a category bar, the product list with prices and stock, `/` to search as you type.
/// At 120 columns and more the selected product's detail shows beside the list.
enum CatalogScreen: ShopScreen {
    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        let state = ctx.state
        let searching = !state.form[.searchQuery].isEmpty
        if ctx.focus == .searchQuery {
            return [
                .key([.enter], "done", "Stop typing and keep the results", priority: 50, .submitField),
                .key([.up], "up", "Move up the results", footer: false, .send(.moveSelection(by: -1))),
                .key([.down], "down", "Move down the results", footer: false, .send(.moveSelection(by: 1))),
            ]
        }
        var keys = KeyBinding<ShopIntent>.moveKeys("Move the selection")
        let count = searching ? state.catalog.results.count : state.catalog.products.count
        if count > 0 {
            keys.append(.key([.enter], "open", "Open the selected product", priority: 50, .send(.select)))
        }
        keys.append(.key([.char("/")], "search", "Search as you type", priority: 45, .focus(.searchQuery)))
        if searching {
            keys.append(
                .key([.escape], "clear", "Clear the search", priority: 44, .send(.catalog(.view(.clearSearch)))))
        } else if !state.catalog.categories.isEmpty {
            keys.append(
                .key(
                    [.right], "category", "Next category", priority: 12,
                    .send(.catalog(.view(.chooseCategory(nextCategory(state, by: 1)))))))
            keys.append(
                .key(
                    [.left], "category", "Previous category", footer: false,
                    .send(.catalog(.view(.chooseCategory(nextCategory(state, by: -1)))))))
        }
        keys.append(
            .key([.char("r")], "reload", "Reload the products", footer: false, .send(.catalog(.view(.refresh)))))
        return keys
    }

    /// The category `by` steps from the current one (nil is "All").
    static func nextCategory(_ state: State, by step: Int) -> String? {
        let ids: [String?] = [nil] + state.catalog.categories.map(\.id)
        let i = ids.firstIndex(of: state.catalog.categoryID) ?? 0
        return ids[(i + step + ids.count) % ids.count]
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let state = ctx.state
        let theme = ctx.theme
        var out = ScreenOutput()
        var row = rect.row
        let query = state.form[.searchQuery]
        if ctx.focus == .searchQuery || !query.isEmpty {
            out.cursor = Draw.field(
                into: &buffer, row: row, rect: rect, label: "Search", field: .searchQuery, ctx: ctx, labelWidth: 8,
                placeholder: "type a product name")
            row += 1
        } else {
            // "25 of 120" on the right when it fits, then the categories in the rest.
            let total = max(state.catalog.totalRecords, state.catalog.products.count)
            let shown = state.catalog.products.count
            var count = total == 0 ? "" : total > shown ? "\(shown) of \(total)" : "\(shown) products"
            // A page saved by an earlier run says so, at every width, until the store's answer replaces it.
            let saved = savedCopyMark(state, theme: theme)
            if let saved { count = rect.width >= 60 && !count.isEmpty ? "\(saved)  \(count)" : saved }
            var bar = rect
            if !count.isEmpty, rect.width >= 60 || saved != nil {
                buffer.writeRight(count, row: row, endCol: rect.right - 1, style: .role(.dim))
                bar.width -= DisplayWidth.of(count) + 3
            }
            drawCategories(state, into: &buffer, row: row, rect: bar, theme: theme)
            row += 1
        }
        if query.isEmpty, let unreadable = unreadableLine(state.catalog.unreadable.count) {
            buffer.write(
                unreadable, row: row, col: rect.col, style: .role(.warning), maxWidth: rect.width,
                ellipsis: theme.glyphs.ellipsis)
        }
        row += 1
        var listRect = Rect(row: row, col: rect.col, width: rect.width, height: rect.bottom - row)
        var detailRect: Rect?
        if rect.width >= 118 {
            let (l, r) = Draw.split(listRect, leftFraction: 0.55, theme: theme, buffer: &buffer)
            listRect = l
            detailRect = r
        }
        if !query.isEmpty {
            let results = state.catalog.results
            if results.isEmpty {
                let first =
                    state.inFlight.contains(.search) || state.catalog.resultsQuery != state.form.trimmed(.searchQuery)
                    ? "Searching for “\(query)”…" : "No products match “\(query)”."
                Draw.empty(into: &buffer, rect: listRect, lines: [first, "esc clears the search"], theme: theme)
                return out
            }
            let list = Draw.list(
                into: &buffer, rect: listRect, count: results.count, selection: state.catalog.selectedIndex,
                theme: theme
            ) { i, selected, r, buf in
                let item = results[i]
                let stock = item.stockAvailable || item.backorder ? "" : " (out of stock)"
                Draw.row(
                    into: &buf, rect: r, selected: selected, text: item.displayName + stock,
                    right: item.pricing.map { ctx.money($0.sellingPrice) } ?? "", dimmed: !item.stockAvailable,
                    theme: theme)
            }
            if out.cursor == nil { out.cursor = list.cursor }
            out.list = list.region
            return out
        }
        let products = state.catalog.products
        if products.isEmpty {
            let lines =
                state.catalog.isLoading || state.isBusy
                ? ["Loading products…"]
                : state.catalog.categoryID != nil
                    ? ["No products in this category.", "→ shows the next category"]
                    : state.catalog.unreadable.isEmpty
                        ? ["This store has no products yet.", "r reloads"]
                        : ["None of this store's products could be read.", "The log names each one; r reloads"]
            Draw.empty(into: &buffer, rect: listRect, lines: lines, theme: theme)
            return out
        }
        let list = Draw.list(
            into: &buffer, rect: listRect, count: products.count, selection: state.catalog.selectedIndex, theme: theme
        ) { i, selected, r, buf in
            let p = products[i]
            let stock = p.isPurchasable ? "" : " (out of stock)"
            Draw.row(
                into: &buf, rect: r, selected: selected, text: p.name + stock,
                right: p.pricing.map { ctx.money($0.sellingPrice) } ?? "", dimmed: !p.isPurchasable, theme: theme)
        }
        if out.cursor == nil { out.cursor = list.cursor }
        out.list = list.region
        if let detailRect, let product = state.catalog.selectedProduct {
            ProductScreen.drawSummary(product, variant: nil, ctx: ctx, into: &buffer, rect: detailRect)
        }
        return out
    }

    /// "refreshing…" while the list is the page an earlier run saved and the store's answer is awaited; "saved
    /// copy" once the store failed to answer (r reloads); nil for the store's own answer.
    static func savedCopyMark(_ state: State, theme: Theme) -> String? {
        guard state.catalog.showsSavedCopy else { return nil }
        if state.catalog.isLoading || state.session == .starting || state.inFlight.contains(.session) {
            return theme.glyphs.ellipsis == "…" ? "refreshing…" : "refreshing..."
        }
        return "saved copy"
    }

    static func drawCategories(_ state: State, into buffer: inout CellBuffer, row: Int, rect: Rect, theme: Theme) {
        let names = [("All", nil as String?)] + state.catalog.categories.map { ($0.name, Optional($0.id)) }
        let current = names.firstIndex { $0.1 == state.catalog.categoryID } ?? 0
        let sep = " \(theme.glyphs.separator) "
        let lead = theme.glyphs.ellipsis + sep
        // The selected category always shows: the ones before it give way (a lead mark says so) until it fits.
        func widthToCurrent(from start: Int) -> Int {
            names[start...current].reduce(0) { $0 + DisplayWidth.of($1.0) } + (current - start) * DisplayWidth.of(sep)
                + (start > 0 ? DisplayWidth.of(lead) : 0)
        }
        var first = 0
        while first < current, widthToCurrent(from: first) > rect.width { first += 1 }
        var col = rect.col
        if first > 0 {
            col += buffer.write(lead, row: row, col: col, style: .role(.dim), maxWidth: rect.right - col, ellipsis: "")
        }
        for (i, (name, id)) in names.enumerated() where i >= first {
            if i > first {
                col += buffer.write(sep, row: row, col: col, style: .role(.dim), maxWidth: rect.right - col)
            }
            guard col < rect.right - 1 else { break }
            let current = id == state.catalog.categoryID
            col += buffer.write(
                name, row: row, col: col, style: current ? Style.role(.accent).bold.underline : .role(.normal),
                maxWidth: rect.right - col, ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// "1 product could not be shown": products the store listed that the app could not read.
    static func unreadableLine(_ count: Int) -> String? {
        switch count {
        case 0: nil
        case 1: "1 product could not be shown (the log says why)"
        default: "\(count) products could not be shown (the log says why)"
        }
    }
}
