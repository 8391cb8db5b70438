/// Draws a QR code into a cell buffer.
public enum QRView {
    /// The lines for `text` in this theme's glyphs (half blocks, or "##" in ASCII).
    public static func lines(for text: String, theme: Theme) -> [String]? {
        QRCode.lines(for: text, ascii: theme.glyphs.isASCII)
    }

    /// Columns × rows the code of `text` takes in this theme.
    public static func size(for text: String, theme: Theme) -> (width: Int, height: Int)? {
        guard let l = lines(for: text, theme: theme), let first = l.first else { return nil }
        return (DisplayWidth.of(first), l.count)
    }

    /// Draws the code with its top-left at (row, col). Light modules are the glyphs, so in colour the
    /// code is drawn white on black (right on light and dark terminals alike). Returns the rectangle
    /// used, or nil (nothing drawn) when it does not fit or cannot be encoded.
    @discardableResult
    public static func draw(
        _ text: String, into buffer: inout CellBuffer, row: Int, col: Int, theme: Theme
    ) -> Rect? {
        guard let l = lines(for: text, theme: theme), let first = l.first else { return nil }
        let rect = Rect(row: row, col: col, width: DisplayWidth.of(first), height: l.count)
        guard row >= 0, col >= 0, rect.bottom <= buffer.height, rect.right <= buffer.width else { return nil }
        let style = theme.colorMode == .color ? Style(fg: .white, bg: .black) : Style.plain
        for (i, line) in l.enumerated() {
            buffer.write(line, row: row + i, col: col, style: style, maxWidth: rect.width, ellipsis: "")
        }
        return rect
    }
}
