/// The top bar: a title on the left, optional text on the right (e.g. the cart count).
public enum HeaderBar {
    public static func draw(
        into buffer: inout CellBuffer, row: Int = 0, title: String, right: String = "", theme: Theme
    ) {
        let style = Style.role(.header)
        buffer.fill(Rect(row: row, col: 0, width: buffer.width, height: 1), style: style)
        let rightWidth = right.isEmpty ? 0 : min(DisplayWidth.of(right), buffer.width / 2)
        if rightWidth > 0 {
            buffer.writeRight(
                right, row: row, endCol: buffer.width - 1, style: style, maxWidth: rightWidth,
                ellipsis: theme.glyphs.ellipsis)
        }
        let titleMax = buffer.width - 2 - (rightWidth > 0 ? rightWidth + 2 : 0)
        buffer.write(title, row: row, col: 1, style: style.bold, maxWidth: titleMax, ellipsis: theme.glyphs.ellipsis)
    }
}

/// The bottom bar of key hints, from a `KeyTable` (so hints always match the bindings).
public enum FooterBar {
    /// Draws `hints` from the left; returns the columns of each hint drawn, in order.
    @discardableResult
    public static func draw(into buffer: inout CellBuffer, row: Int, hints: [FooterHint], theme: Theme) -> [Range<Int>]
    {
        buffer.fill(Rect(row: row, col: 0, width: buffer.width, height: 1), style: .role(.footerText))
        var col = 1
        let limit = buffer.width - 1
        var drawn: [Range<Int>] = []
        for (i, hint) in hints.enumerated() {
            if i > 0 { col += DisplayWidth.of(KeyTable<Int>.hintSeparator) }
            guard col + hint.width <= limit else { break }
            let start = col
            col += buffer.write(hint.key, row: row, col: col, style: .role(.footerKey))
            col += 1
            col += buffer.write(hint.label, row: row, col: col, style: .role(.footerText))
            drawn.append(start..<col)
        }
        return drawn
    }

    /// Draws the hints of `table` that fit this width; returns the columns of each hint drawn and what it does.
    @discardableResult
    public static func draw<Intent>(into buffer: inout CellBuffer, row: Int, table: KeyTable<Intent>, theme: Theme)
        -> [(cols: Range<Int>, intent: Intent)]
    {
        let shown = table.footerBindings(width: buffer.width - 2, ascii: theme.glyphs.isASCII)
        let drawn = draw(into: &buffer, row: row, hints: shown.map(\.hint), theme: theme)
        return zip(drawn, shown).map { ($0, $1.binding.intent) }
    }
}

/// A one-line message under the content: an error, a success, or information.
public struct Notice: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case info, success, warning, error
    }
    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public var role: Role {
        switch kind {
        case .info: .normal
        case .success: .success
        case .warning: .warning
        case .error: .error
        }
    }

    /// Draws the notice on `row` with a prefix that does not rely on colour ("error: …").
    public func draw(into buffer: inout CellBuffer, row: Int, theme: Theme) {
        buffer.fill(Rect(row: row, col: 0, width: buffer.width, height: 1))
        let prefix: String
        switch kind {
        case .info: prefix = ""
        case .success: prefix = theme.glyphs.check + " "
        case .warning: prefix = "warning: "
        case .error: prefix = "error: "
        }
        buffer.write(
            prefix + text, row: row, col: 1, style: .role(role), maxWidth: buffer.width - 2,
            ellipsis: theme.glyphs.ellipsis)
    }
}

/// A spinner: the frame shown depends on the elapsed time (the runner ticks while it animates).
public struct Spinner: Sendable, Hashable {
    /// Time per frame, in milliseconds.
    public var frameMilliseconds: Int

    public init(frameMilliseconds: Int = 100) {
        self.frameMilliseconds = max(1, frameMilliseconds)
    }

    public func frame(elapsedMilliseconds: Int, glyphs: GlyphSet) -> String {
        let frames = glyphs.spinnerFrames
        guard !frames.isEmpty else { return "" }
        return frames[(max(0, elapsedMilliseconds) / frameMilliseconds) % frames.count]
    }

    /// Draws "<frame> label" and returns the columns used.
    @discardableResult
    public func draw(
        into buffer: inout CellBuffer, row: Int, col: Int, label: String, elapsedMilliseconds: Int, theme: Theme
    ) -> Int {
        let f = frame(elapsedMilliseconds: elapsedMilliseconds, glyphs: theme.glyphs)
        var used = buffer.write(f, row: row, col: col, style: .role(.accent))
        used += buffer.write(" " + label, row: row, col: col + used, style: .role(.dim))
        return used
    }
}
