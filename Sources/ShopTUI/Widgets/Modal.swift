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
}
