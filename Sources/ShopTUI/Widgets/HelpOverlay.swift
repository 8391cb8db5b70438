/// Where the `?` help is: the line at its top, the filter typed after `/`, and what the last frame drew (a page's
/// rows and the lines that matched), which scrolling keeps within. The help is open while a program holds one.
public struct HelpState: Sendable, Hashable {
    /// The index of the first line shown.
    public var offset = 0
    /// Only lines whose keys or text contain it (ignoring case) are listed.
    public var filter = ""
    /// Keys go to the filter (after `/`, until enter or esc).
    public var isFiltering = false
    /// Rows for lines in the last frame, and the lines listed then.
    var pageRows = 1
    var lineCount = 0

    public init() {}

    /// What a key did to the help.
    public enum Outcome: Sendable, Hashable {
        case stay, close, quit
    }

    /// A key while the help is shown: arrows, k/j, PgUp/PgDn, Home/End scroll; `/` starts a filter (typed keys go
    /// to it; enter keeps it, esc drops it); esc, `?`, `q`, F1 and enter close; ctrl-c quits.
    public mutating func handle(_ key: Key) -> Outcome {
        if key == .ctrl("c") { return .quit }
        if isFiltering {
            switch key {
            case .char(let c): filter.append(c)
            case .paste(let text): filter += text.filter { !$0.isNewline }
            case .backspace, .ctrl("h"): filter = String(filter.dropLast())
            case .ctrl("u"): filter = ""
            case .enter: isFiltering = false
            case .escape:
                isFiltering = false
                filter = ""
            default:
                scroll(key)
                return .stay
            }
            // A new filter lists its matches from the top.
            if key != .enter { offset = 0 }
            return .stay
        }
        switch key {
        case .escape where !filter.isEmpty:
            filter = ""
            offset = 0
        case .escape, .char("?"), .char("q"), .function(1), .enter: return .close
        case .char("/"):
            isFiltering = true
            offset = 0
        default: scroll(key)
        }
        return .stay
    }

    /// A key for the help `help` (open): nil once the key closed it; `.quit` for ctrl-c.
    public static func handle(_ key: Key, _ help: inout HelpState?) -> ProgramCommand {
        guard var state = help else { return .continue }
        switch state.handle(key) {
        case .stay: help = state
        case .close: help = nil
        case .quit: return .quit
        }
        return .continue
    }

    private mutating func scroll(_ key: Key) {
        let page = max(1, pageRows - 1)
        switch key {
        case .up, .char("k"): offset -= 1
        case .down, .char("j"): offset += 1
        case .pageUp: offset -= page
        case .pageDown: offset += page
        case .home, .char("g"): offset = 0
        case .end, .char("G"): offset = lineCount
        case .mouse(let e) where e.kind == .wheelUp: offset -= 3
        case .mouse(let e) where e.kind == .wheelDown: offset += 3
        default: return
        }
        offset = min(max(0, offset), max(0, lineCount - pageRows))
    }

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
    /// Draws the lines of `state` (filtered, from its offset) and records the page it drew into `state`. Returns
    /// where the cursor goes while a filter is typed.
    @discardableResult
    public static func draw(
        into buffer: inout CellBuffer, title: String = "Keys", lines all: [HelpLine], state: inout HelpState,
        theme: Theme, footer: String? = nil
    ) -> CursorPlacement? {
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
        state.pageRows = max(1, rowsForLines)
        state.lineCount = lines.count
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
        return drawBottom(
            into: &buffer, inner: inner, state: state, closing: closing, overflows: overflows, theme: theme)
    }

    /// The bottom row: the filter being typed on the left, and the keys of the help on the right.
    private static func drawBottom(
        into buffer: inout CellBuffer, inner: Rect, state: HelpState, closing: String, overflows: Bool, theme: Theme
    ) -> CursorPlacement? {
        let row = inner.bottom - 1
        var left = 0
        if state.isFiltering || !state.filter.isEmpty {
            left = buffer.write(
                "/" + state.filter, row: row, col: inner.col, style: .role(.accent), maxWidth: inner.width - 1,
                ellipsis: theme.glyphs.ellipsis)
        }
        var parts: [String]
        if state.isFiltering {
            parts = ["enter keep", "esc drop"]
        } else if overflows {
            let arrows = theme.glyphs.isASCII ? "up/down" : theme.glyphs.arrowUp + theme.glyphs.arrowDown
            parts = [arrows + " scroll", "/ filter", state.filter.isEmpty ? closing : "esc all keys"]
        } else {
            parts = [closing]
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
        into buffer: inout CellBuffer, table: KeyTable<Intent>, state: inout HelpState, theme: Theme
    ) -> CursorPlacement? {
        draw(into: &buffer, lines: table.helpLines(ascii: theme.glyphs.isASCII), state: &state, theme: theme)
    }

    /// The help of `table` from its top, unfiltered.
    public static func draw<Intent>(into buffer: inout CellBuffer, table: KeyTable<Intent>, theme: Theme) {
        var state = HelpState()
        draw(into: &buffer, table: table, state: &state, theme: theme)
    }
}
