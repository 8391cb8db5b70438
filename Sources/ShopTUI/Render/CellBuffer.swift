/// A width × height grid of cells: what one frame shows. Screens draw into it; the backend presents it.
/// Writing is display-width aware: wide clusters take two cells and are never split at an edge.
public struct CellBuffer: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(row: 0, col: 0, width: width, height: height) }

    public func contains(row: Int, col: Int) -> Bool {
        row >= 0 && row < height && col >= 0 && col < width
    }

    public subscript(row: Int, col: Int) -> Cell {
        get { cells[row * width + col] }
    }

    /// Puts one cluster at (row, col), keeping wide clusters whole: a cluster partly overwritten is
    /// replaced by spaces. Returns false (and writes nothing) when it does not fit.
    @discardableResult
    public mutating func put(_ text: String, width w: Int, row: Int, col: Int, style: Style) -> Bool {
        guard w >= 1, row >= 0, row < height, col >= 0, col + w <= width else { return false }
        for c in col..<(col + w) { clearOverlap(row: row, col: c) }
        cells[row * width + col] = Cell(text, width: w, style: style)
        if w == 2 { cells[row * width + col + 1] = .continuation(style: style) }
        return true
    }

    /// Before writing at (row, col): if that cell is part of a wide cluster, blank the other half.
    private mutating func clearOverlap(row: Int, col: Int) {
        let i = row * width + col
        let cell = cells[i]
        if cell.isContinuation, col > 0 {
            let head = cells[i - 1]
            cells[i - 1] = Cell(" ", width: 1, style: head.style)
        } else if cell.width == 2, col + 1 < width {
            cells[i + 1] = Cell(" ", width: 1, style: cell.style)
        }
    }

    /// Writes `text` from (row, col), at most `maxWidth` columns (and never past the right edge).
    /// Text that does not fit is cut with `ellipsis`; a wide cluster that would straddle the limit is
    /// left out and its column filled with a space. Control characters show as spaces.
    /// Returns the number of columns used.
    @discardableResult
    public mutating func write(
        _ text: String, row: Int, col: Int, style: Style = .plain, maxWidth: Int? = nil, ellipsis: String = "…"
    ) -> Int {
        guard row >= 0, row < height, col < width else { return 0 }
        var startCol = col
        var visible = text
        if startCol < 0 {
            // Starting left of the screen: skip the columns that are off it.
            visible = String(Self.dropColumns(text, -startCol))
            startCol = 0
        }
        let limit = min(maxWidth ?? Int.max, width - startCol)
        guard limit > 0 else { return 0 }
        let clean = Self.sanitize(visible)
        let shown = DisplayWidth.truncate(clean, to: limit, ellipsis: ellipsis)
        var c = startCol
        if shown.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, already sanitized and cut to fit: one cell per byte.
            for byte in shown.utf8 {
                put(String(UnicodeScalar(byte)), width: 1, row: row, col: c, style: style)
                c += 1
            }
            return c - startCol
        }
        for g in shown {
            for cell in DisplayWidth.cells(of: g) {
                if c + cell.width > startCol + limit {
                    // A wide cluster at the limit: pad instead of splitting it.
                    while c < startCol + limit {
                        put(" ", width: 1, row: row, col: c, style: style)
                        c += 1
                    }
                    return c - startCol
                }
                put(cell.text, width: cell.width, row: row, col: c, style: style)
                c += cell.width
            }
        }
        return c - startCol
    }

    /// Writes `text` so that it ends just before column `endCol` (exclusive). Returns columns used.
    @discardableResult
    public mutating func writeRight(
        _ text: String, row: Int, endCol: Int, style: Style = .plain, maxWidth: Int? = nil, ellipsis: String = "…"
    ) -> Int {
        let limit = min(maxWidth ?? Int.max, endCol)
        let shown = DisplayWidth.truncate(Self.sanitize(text), to: limit, ellipsis: ellipsis)
        let w = DisplayWidth.of(shown)
        return write(shown, row: row, col: endCol - w, style: style, maxWidth: w, ellipsis: ellipsis)
    }

    /// Writes `text` centred in `[col, col + width)`. Returns columns used.
    @discardableResult
    public mutating func writeCentered(
        _ text: String, row: Int, col: Int, width w: Int, style: Style = .plain, ellipsis: String = "…"
    ) -> Int {
        let shown = DisplayWidth.truncate(Self.sanitize(text), to: w, ellipsis: ellipsis)
        let tw = DisplayWidth.of(shown)
        return write(shown, row: row, col: col + (w - tw) / 2, style: style, maxWidth: tw, ellipsis: ellipsis)
    }

    /// Fills a rectangle (clipped to the buffer) with one narrow character.
    public mutating func fill(_ rect: Rect, with text: String = " ", style: Style = .plain) {
        let r0 = max(0, rect.row)
        let r1 = min(height, rect.bottom)
        let c0 = max(0, rect.col)
        let c1 = min(width, rect.right)
        guard r0 < r1, c0 < c1 else { return }
        for r in r0..<r1 {
            for c in c0..<c1 { put(text, width: 1, row: r, col: c, style: style) }
        }
    }

    /// Clears the whole buffer to blanks of `style`.
    public mutating func clear(style: Style = .plain) {
        fill(bounds, with: " ", style: style)
    }

    /// Copies the rows of `other` (as wide as this buffer) into this one from `row` down, clipped at the bottom:
    /// a frame drawn for fewer rows, shown under a bar of its own.
    public mutating func paste(rowsOf other: CellBuffer, at row: Int) {
        guard other.width == width, row >= 0 else { return }
        let rows = min(other.height, height - row)
        guard rows > 0 else { return }
        cells.replaceSubrange(row * width..<(row + rows) * width, with: other.cells[0..<rows * width])
    }

    /// Sets the style of every cell of a row segment, keeping the text.
    public mutating func restyle(row: Int, col: Int, width w: Int, style: Style) {
        guard row >= 0, row < height else { return }
        for c in max(0, col)..<min(width, col + w) {
            cells[row * width + c].style = style
        }
    }

    /// A horizontal line of `length` cells.
    public mutating func hline(row: Int, col: Int, length: Int, glyphs: GlyphSet, style: Style = .plain) {
        fill(Rect(row: row, col: col, width: length, height: 1), with: glyphs.horizontal, style: style)
    }

    /// A vertical line of `length` cells.
    public mutating func vline(row: Int, col: Int, length: Int, glyphs: GlyphSet, style: Style = .plain) {
        fill(Rect(row: row, col: col, width: 1, height: length), with: glyphs.vertical, style: style)
    }

    /// A box outline on the edge of `rect`, with an optional title in the top edge.
    public mutating func box(
        _ rect: Rect, glyphs: GlyphSet, style: Style = .plain, title: String? = nil,
        titleStyle: Style? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        hline(row: rect.row, col: rect.col + 1, length: rect.width - 2, glyphs: glyphs, style: style)
        hline(row: rect.bottom - 1, col: rect.col + 1, length: rect.width - 2, glyphs: glyphs, style: style)
        vline(row: rect.row + 1, col: rect.col, length: rect.height - 2, glyphs: glyphs, style: style)
        vline(row: rect.row + 1, col: rect.right - 1, length: rect.height - 2, glyphs: glyphs, style: style)
        put(glyphs.topLeft, width: 1, row: rect.row, col: rect.col, style: style)
        put(glyphs.topRight, width: 1, row: rect.row, col: rect.right - 1, style: style)
        put(glyphs.bottomLeft, width: 1, row: rect.bottom - 1, col: rect.col, style: style)
        put(glyphs.bottomRight, width: 1, row: rect.bottom - 1, col: rect.right - 1, style: style)
        if let title, rect.width > 4 {
            write(
                " \(title) ", row: rect.row, col: rect.col + 2, style: titleStyle ?? style, maxWidth: rect.width - 4,
                ellipsis: glyphs.ellipsis)
        }
    }

    /// The text of one row, continuation cells left out (so a wide character reads once).
    public func rowText(_ row: Int) -> String {
        var s = ""
        for c in 0..<width {
            let cell = self[row, c]
            if !cell.isContinuation { s += cell.text }
        }
        return s
    }

    /// Every row as text (for tests and goldens).
    public func rowsAsText() -> [String] {
        (0..<height).map(rowText)
    }

    /// Cells that differ from `old` (every cell when the sizes differ), in row-major order.
    public func changedCells(from old: CellBuffer) -> [CellPosition] {
        var out: [CellPosition] = []
        guard old.width == width, old.height == height else {
            for r in 0..<height { for c in 0..<width { out.append(CellPosition(row: r, col: c)) } }
            return out
        }
        for i in 0..<cells.count where cells[i] != old.cells[i] {
            out.append(CellPosition(row: i / width, col: i % width))
        }
        return out
    }

    /// Control characters (tab, newline …) would break the grid: show them as spaces.
    static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            out.append(s.value < 0x20 || s.value == 0x7F ? " " : s)
        }
        return String(out)
    }

    private static func dropColumns(_ text: String, _ n: Int) -> Substring {
        var skipped = 0
        var idx = text.startIndex
        while idx < text.endIndex, skipped < n {
            skipped += DisplayWidth.of(text[idx])
            idx = text.index(after: idx)
        }
        return text[idx...]
    }
}
