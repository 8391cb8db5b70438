/// The standard frame of a screen: header bar, content, notice line, footer of key hints.
/// Content can be capped in width (centred) so wide terminals do not stretch lines too far.
public struct ScreenLayout: Sendable, Hashable {
    public var header: Rect
    public var content: Rect
    public var notice: Rect
    public var footer: Rect
    public var sizeClass: SizeClass

    public init(width: Int, height: Int, maxContentWidth: Int? = nil) {
        sizeClass = SizeClass.of(width: width, height: height)
        header = Rect(row: 0, col: 0, width: width, height: min(1, height))
        footer = Rect(row: max(0, height - 1), col: 0, width: width, height: height >= 2 ? 1 : 0)
        notice = Rect(row: max(0, height - 2), col: 0, width: width, height: height >= 4 ? 1 : 0)
        // One blank row under the header; content ends above the notice line.
        let top = min(height, 2)
        let bottom = max(top, height - 2)
        var contentWidth = width
        var left = 0
        if let cap = maxContentWidth, width > cap {
            contentWidth = cap
            left = (width - cap) / 2
        }
        content = Rect(row: top, col: left, width: contentWidth, height: bottom - top)
    }

    public init(buffer: CellBuffer, maxContentWidth: Int? = nil) {
        self.init(width: buffer.width, height: buffer.height, maxContentWidth: maxContentWidth)
    }
}

/// Steps of a flow ("cart › address › payment › done"), the current one highlighted.
public enum Breadcrumbs {
    /// Draws the steps on `row` from `col`, at most `maxWidth` columns; returns the columns used.
    /// When they do not fit, earlier steps are dropped first (the current step always shows).
    @discardableResult
    public static func draw(
        into buffer: inout CellBuffer, steps: [String], current: Int, row: Int, col: Int, maxWidth: Int, theme: Theme
    ) -> Int {
        guard !steps.isEmpty, maxWidth > 0 else { return 0 }
        let sep = " \(theme.glyphs.isASCII ? ">" : "›") "
        var first = 0
        func width(from start: Int) -> Int {
            let parts = steps[start...]
            return parts.reduce(0) { $0 + DisplayWidth.of($1) } + (parts.count - 1) * DisplayWidth.of(sep)
                + (start > 0 ? DisplayWidth.of(theme.glyphs.ellipsis + sep) : 0)
        }
        while first < min(current, steps.count - 1), width(from: first) > maxWidth { first += 1 }
        var used = 0
        if first > 0 {
            used += buffer.write(
                theme.glyphs.ellipsis + sep, row: row, col: col, style: .role(.dim), maxWidth: maxWidth)
        }
        for i in first..<steps.count {
            // A step that cannot show a letter and the ellipsis is left out, with its separator.
            let room = maxWidth - used - (i > first ? DisplayWidth.of(sep) : 0)
            if DisplayWidth.of(steps[i]) > room, room < 1 + DisplayWidth.of(theme.glyphs.ellipsis) { break }
            if i > first {
                used += buffer.write(
                    sep, row: row, col: col + used, style: .role(.dim), maxWidth: maxWidth - used, ellipsis: "")
            }
            let style: Style = i == current ? Style.role(.accent).bold : (i < current ? .role(.normal) : .role(.dim))
            used += buffer.write(
                steps[i], row: row, col: col + used, style: style, maxWidth: maxWidth - used,
                ellipsis: theme.glyphs.ellipsis)
            if used >= maxWidth { break }
        }
        return used
    }
}
