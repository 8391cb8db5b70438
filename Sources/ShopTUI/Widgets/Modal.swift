/// A box drawn over the screen (help, confirmations): clears its area, draws a border and a title.
public enum Modal {
    /// The rectangle a modal of `contentWidth` × `contentHeight` takes (border and one column of
    /// padding included), centred and clamped to the buffer with a margin of one cell.
    public static func frame(contentWidth: Int, contentHeight: Int, in buffer: CellBuffer) -> Rect {
        let area = buffer.bounds.inset(by: 1)
        return area.centered(width: contentWidth + 4, height: contentHeight + 2)
    }

    /// Draws the modal's box and returns the inner content rectangle.
    @discardableResult
    public static func draw(
        into buffer: inout CellBuffer, title: String, contentWidth: Int, contentHeight: Int, theme: Theme
    ) -> Rect {
        let rect = frame(contentWidth: contentWidth, contentHeight: contentHeight, in: buffer)
        buffer.fill(rect)
        buffer.box(rect, glyphs: theme.glyphs, style: .role(.accent), title: title, titleStyle: .role(.title))
        return Rect(row: rect.row + 1, col: rect.col + 2, width: rect.width - 4, height: rect.height - 2)
    }

    /// A confirmation: the question (first line, bold, in the error colour) and its lines; returns the inner
    /// rectangle (the cursor goes to its top left).
    @discardableResult
    public static func confirmation(into buffer: inout CellBuffer, title: String, lines: [String], theme: Theme)
        -> Rect
    {
        let inner = draw(
            into: &buffer, title: title, contentWidth: lines.map { DisplayWidth.of($0) }.max() ?? 20,
            contentHeight: lines.count, theme: theme)
        for (i, line) in lines.enumerated() {
            buffer.write(
                line, row: inner.row + i, col: inner.col, style: i == 0 ? Style.role(.error).bold : .plain,
                maxWidth: inner.width, ellipsis: theme.glyphs.ellipsis)
        }
        return inner
    }
}

/// The `?` help overlay, from the same key table as the bindings and the footer.
public enum HelpOverlay {
    /// A key while the overlay is shown: the keys that close it close it (`showing` false), ctrl-c quits, every
    /// other key does nothing.
    public static func handle(_ key: Key, showing: inout Bool) -> ProgramCommand {
        switch key {
        case .escape, .char("?"), .char("q"), .function(1), .enter: showing = false
        case .ctrl("c"): return .quit
        default: break
        }
        return .continue
    }

    public static func draw(
        into buffer: inout CellBuffer, title: String = "Keys", lines: [HelpLine], theme: Theme,
        footer: String? = nil
    ) {
        let keyWidth = min(16, lines.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let helpWidth = lines.map { DisplayWidth.of($0.help) }.max() ?? 0
        let closing = footer ?? "esc/? close"
        let maxContentWidth = buffer.width - 6
        let contentWidth = min(maxContentWidth, max(keyWidth + 2 + helpWidth, DisplayWidth.of(closing), 10))
        let maxRows = buffer.height - 4
        let contentHeight = min(maxRows, lines.count + 2)
        let inner = Modal.draw(
            into: &buffer, title: title, contentWidth: contentWidth, contentHeight: contentHeight, theme: theme)
        let rowsForLines = max(0, inner.height - 2)
        for (i, line) in lines.prefix(rowsForLines).enumerated() {
            let r = inner.row + i
            buffer.write(
                line.keys, row: r, col: inner.col, style: .role(.footerKey), maxWidth: keyWidth,
                ellipsis: theme.glyphs.ellipsis)
            buffer.write(
                line.help, row: r, col: inner.col + keyWidth + 2, style: .plain,
                maxWidth: inner.width - keyWidth - 2, ellipsis: theme.glyphs.ellipsis)
        }
        if lines.count > rowsForLines, rowsForLines > 0 {
            buffer.write(theme.glyphs.ellipsis, row: inner.row + rowsForLines - 1, col: inner.col, style: .role(.dim))
        }
        buffer.writeRight(
            closing, row: inner.bottom - 1, endCol: inner.right, style: .role(.dim), maxWidth: inner.width)
    }

    public static func draw<Intent>(into buffer: inout CellBuffer, table: KeyTable<Intent>, theme: Theme) {
        draw(into: &buffer, lines: table.helpLines(ascii: theme.glyphs.isASCII), theme: theme)
    }
}
