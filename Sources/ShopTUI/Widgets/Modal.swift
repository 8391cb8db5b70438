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
