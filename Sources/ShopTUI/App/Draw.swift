import ShopCore
import StorefrontAPI

/// Drawing pieces the screens share.
enum Draw {
    /// A scrolling list in `rect`; the selected row is reverse (`.selected`). Returns the selection's cursor and
    /// where the items were drawn (for mouse clicks).
    @discardableResult
    static func list(
        into buffer: inout CellBuffer, rect: Rect, count: Int, selection: Int, theme: Theme,
        row: (_ index: Int, _ selected: Bool, _ rect: Rect, _ buffer: inout CellBuffer) -> Void
    ) -> DrawnList {
        guard rect.height > 0, rect.width > 0 else { return DrawnList() }
        let view = ListView(count: count, selection: selection, visibleRows: rect.height)
        let cursor = view.draw(into: &buffer, rect: rect, row: row)
        // Scroll marks when more is above or below.
        if view.offset > 0 {
            buffer.write(
                theme.glyphs.isASCII ? "^" : theme.glyphs.arrowUp, row: rect.row, col: rect.right - 1,
                style: .role(.dim))
        }
        if view.visibleRange.upperBound < count {
            buffer.write(
                theme.glyphs.isASCII ? "v" : theme.glyphs.arrowDown, row: rect.row + rect.height - 1,
                col: rect.right - 1, style: .role(.dim))
        }
        return DrawnList(cursor: cursor, region: view.region(in: rect))
    }

    /// One list row: a marker, the text on the left, and a right-aligned column (a price).
    static func row(
        into buffer: inout CellBuffer, rect: Rect, selected: Bool, text: String, right: String = "",
        rightRole: Role = .price, dimmed: Bool = false, theme: Theme
    ) {
        let base: Style = selected ? .role(.selected) : (dimmed ? .role(.dim) : .plain)
        let marker = selected ? theme.glyphs.selectionMarker : " "
        let rightWidth = DisplayWidth.of(right)
        buffer.write(marker, row: rect.row, col: rect.col, style: base)
        let textMax = rect.width - 2 - (rightWidth > 0 ? rightWidth + 2 : 0)
        buffer.write(
            text, row: rect.row, col: rect.col + 2, style: base, maxWidth: max(1, textMax),
            ellipsis: theme.glyphs.ellipsis)
        if rightWidth > 0 {
            buffer.writeRight(
                right, row: rect.row, endCol: rect.right - 1, style: selected ? base : .role(rightRole))
        }
    }

    /// "Label   amount" with the amount right-aligned at the end of `rect`.
    static func amountRow(
        into buffer: inout CellBuffer, row: Int, rect: Rect, label: String, amount: String, style: Style = .plain,
        theme: Theme
    ) {
        let w = DisplayWidth.of(amount)
        buffer.write(
            label, row: row, col: rect.col, style: style, maxWidth: max(1, rect.width - w - 2),
            ellipsis: theme.glyphs.ellipsis)
        buffer.writeRight(amount, row: row, endCol: rect.right - 1, style: style)
    }

    /// A message in the middle of an empty area.
    static func empty(into buffer: inout CellBuffer, rect: Rect, lines: [String], theme: Theme) {
        let top = rect.row + max(0, (rect.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < rect.bottom {
            buffer.writeCentered(
                line, row: top + i, col: rect.col, width: rect.width, style: .role(i == 0 ? .normal : .dim),
                ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// A labelled text input on one row: "Label  [text…]". Returns the caret when the field has focus.
    @discardableResult
    static func field(
        into buffer: inout CellBuffer, row: Int, rect: Rect, label: String, field: Field, ctx: ScreenContext,
        labelWidth: Int = 14, placeholder: String? = nil
    ) -> CursorPlacement? {
        guard row >= rect.row, row < rect.bottom else { return nil }
        let focused = ctx.focus == field
        let lw = min(labelWidth, rect.width / 2)
        buffer.write(
            label, row: row, col: rect.col, style: focused ? Style.role(.accent).bold : .role(.normal),
            maxWidth: lw - 1, ellipsis: ctx.theme.glyphs.ellipsis)
        var text = ctx.state.form[field]
        if field.isMasked { text = String(repeating: ctx.ascii ? "*" : "•", count: text.count) }
        let box = Rect(row: row, col: rect.col + lw, width: max(1, min(40, rect.width - lw)), height: 1)
        let style: Style = focused ? Style.plain.underline : Style.role(.normal).underline
        // The empty part of the box shows as a line, so fields are visible without colour too.
        buffer.fill(box, with: "_", style: .role(.dim))
        let visible = TextField(text: text).visible(width: box.width)
        buffer.write(visible.text, row: row, col: box.col, style: style, maxWidth: box.width, ellipsis: "")
        if focused, text.isEmpty, let placeholder {
            buffer.write(placeholder, row: row, col: box.col, style: .role(.dim), maxWidth: box.width)
        }
        let caret = CursorPlacement(row: row, col: box.col + min(visible.cursorColumn, box.width - 1), visible: true)
        return focused ? caret : nil
    }

    /// Word-wraps `text` into lines of at most `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if DisplayWidth.of(candidate) <= width {
                    line = candidate
                } else {
                    if !line.isEmpty { lines.append(line) }
                    line = DisplayWidth.truncate(String(word), to: width, ellipsis: "")
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Writes wrapped text from `row`; returns the next free row.
    @discardableResult
    static func paragraph(
        into buffer: inout CellBuffer, _ text: String, row: Int, rect: Rect, style: Style = .plain, maxLines: Int = 99
    ) -> Int {
        var r = row
        for line in wrap(text, width: rect.width).prefix(maxLines) where r < rect.bottom {
            buffer.write(line, row: r, col: rect.col, style: style, maxWidth: rect.width, ellipsis: "")
            r += 1
        }
        return r
    }

    /// A section title.
    static func title(into buffer: inout CellBuffer, _ text: String, row: Int, rect: Rect, theme: Theme) {
        guard row < rect.bottom else { return }
        buffer.write(
            text, row: row, col: rect.col, style: Style.role(.title).bold, maxWidth: rect.width,
            ellipsis: theme.glyphs.ellipsis)
    }

    /// Splits `rect` into a left list and a right detail pane (with a vertical rule) when it is wide.
    static func split(_ rect: Rect, leftFraction: Double = 0.5, theme: Theme, buffer: inout CellBuffer) -> (Rect, Rect)
    {
        let leftWidth = Int(Double(rect.width) * leftFraction)
        let left = Rect(row: rect.row, col: rect.col, width: leftWidth - 1, height: rect.height)
        buffer.vline(
            row: rect.row, col: rect.col + leftWidth - 1, length: rect.height, glyphs: theme.glyphs, style: .role(.dim))
        let right = Rect(
            row: rect.row, col: rect.col + leftWidth + 1, width: rect.width - leftWidth - 1, height: rect.height)
        return (left, right)
    }
}
