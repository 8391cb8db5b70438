import ShopCore

extension HelpState {
    /// The lines the filter lets through.
    public func matching(_ lines: [HelpLine]) -> [HelpLine] {
        let wanted = filter.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return lines }
        return lines.filter { $0.keys.lowercased().contains(wanted) || $0.help.lowercased().contains(wanted) }
    }
}

/// The `?` help overlay, from the same key table as the bindings and the footer. Taller than the screen, it
/// scrolls (``HelpState``) and says which lines it shows.
public enum HelpOverlay {
    /// What a frame of the help drew: where the cursor goes while a filter is typed, and the page (what scrolling
    /// stays within).
    public struct Drawn: Sendable, Hashable {
        public var cursor: CursorPlacement?
        public var page: HelpPage
    }

    /// Draws the lines of `state` (filtered, from its offset, kept within the lines).
    @discardableResult
    public static func draw(
        into buffer: inout CellBuffer, title: String = "Keys", lines all: [HelpLine], state help: HelpState,
        theme: Theme, footer: String? = nil
    ) -> Drawn {
        var state = help
        let lines = state.matching(all)
        let keyWidth = min(16, all.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let helpWidth = all.map { DisplayWidth.of($0.help) }.max() ?? 0
        let closing = footer ?? "esc/? close"
        let maxContentWidth = buffer.width - 6
        let contentWidth = min(maxContentWidth, max(keyWidth + 2 + helpWidth, DisplayWidth.of(closing), 10))
        let maxRows = buffer.height - 4
        let contentHeight = min(maxRows, all.count + 2)
        let rowsForLines = max(0, contentHeight - 2)
        let overflows = all.count > rowsForLines || !state.filter.isEmpty || state.isFiltering
        let page = HelpPage(rows: max(1, rowsForLines), lines: lines.count)
        state.offset = min(max(0, state.offset), max(0, lines.count - rowsForLines))
        let shown = lines.dropFirst(state.offset).prefix(rowsForLines)
        var heading = title
        if overflows, !lines.isEmpty {
            heading += " \(state.offset + 1)-\(state.offset + shown.count) of \(lines.count)"
        }
        let inner = Modal.draw(
            into: &buffer, title: heading, contentWidth: contentWidth, contentHeight: contentHeight, theme: theme)
        for (i, line) in shown.enumerated() {
            let r = inner.row + i
            buffer.write(
                line.keys, row: r, col: inner.col, style: .role(.footerKey), maxWidth: keyWidth,
                ellipsis: theme.glyphs.ellipsis)
            buffer.write(
                line.help, row: r, col: inner.col + keyWidth + 2, style: .plain,
                maxWidth: inner.width - keyWidth - 2, ellipsis: theme.glyphs.ellipsis)
        }
        if lines.isEmpty, rowsForLines > 0 {
            buffer.write(
                "No key matches \u{201C}\(state.filter)\u{201D}.", row: inner.row, col: inner.col, style: .role(.dim),
                maxWidth: inner.width, ellipsis: theme.glyphs.ellipsis)
        }
        // Scroll marks where more lines are above or below.
        if state.offset > 0, rowsForLines > 0 {
            buffer.write(
                theme.glyphs.isASCII ? "^" : theme.glyphs.arrowUp, row: inner.row, col: inner.right,
                style: .role(.accent), maxWidth: 1)
        }
        if state.offset + shown.count < lines.count, rowsForLines > 0 {
            buffer.write(
                theme.glyphs.isASCII ? "v" : theme.glyphs.arrowDown, row: inner.row + rowsForLines - 1,
                col: inner.right, style: .role(.accent), maxWidth: 1)
        }
        let cursor = drawBottom(
            into: &buffer, inner: inner, state: state, closing: closing, overflows: overflows, theme: theme)
        return Drawn(cursor: cursor, page: page)
    }

    /// The bottom row: the filter being typed on the left, and the keys of the help on the right.
    private static func drawBottom(
        into buffer: inout CellBuffer, inner: Rect, state: HelpState, closing: String, overflows: Bool, theme: Theme
    ) -> CursorPlacement? {
        let row = inner.bottom - 1
        var parts: [String]
        if state.isFiltering {
            parts = ["enter keep", "esc drop"]
        } else if overflows {
            let arrows = theme.glyphs.isASCII ? "up/down" : theme.glyphs.arrowUp + theme.glyphs.arrowDown
            parts = [arrows + " scroll", "/ filter", state.filter.isEmpty ? closing : "esc all keys"]
        } else {
            parts = [closing]
        }
        var left = 0
        if state.isFiltering || !state.filter.isEmpty {
            // A long filter gives way to the way out (the last hint), so that it always shows.
            let wayOut = DisplayWidth.of(parts.last ?? "") + 2
            left = buffer.write(
                "/" + state.filter, row: row, col: inner.col, style: .role(.accent),
                maxWidth: max(1, min(inner.width - 1, inner.width - wayOut)), ellipsis: theme.glyphs.ellipsis)
        }
        let room = inner.width - left - (left > 0 ? 2 : 0)
        while parts.count > 1, DisplayWidth.of(parts.joined(separator: "  ")) > room { parts.removeFirst() }
        buffer.writeRight(
            parts.joined(separator: "  "), row: row, endCol: inner.right, style: .role(.dim), maxWidth: max(0, room))
        return state.isFiltering ? CursorPlacement(row: row, col: inner.col + left) : nil
    }

    /// The help of `table` as `state` shows it.
    @discardableResult
    public static func draw<Intent>(
        into buffer: inout CellBuffer, table: KeyTable<Intent>, state: HelpState, theme: Theme
    ) -> Drawn {
        draw(into: &buffer, lines: table.helpLines(ascii: theme.glyphs.isASCII), state: state, theme: theme)
    }

    /// The help of `table` from its top, unfiltered.
    public static func draw<Intent>(into buffer: inout CellBuffer, table: KeyTable<Intent>, theme: Theme) {
        draw(into: &buffer, table: table, state: HelpState(), theme: theme)
    }
}
