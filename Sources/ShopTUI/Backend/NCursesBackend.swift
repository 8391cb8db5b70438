import CNCurses

/// Presents cell buffers through curses: only the cells that changed since the last frame are
/// written, a full repaint only on the first frame, after a resize, or on request. Also parks the real
/// cursor and writes OSC 8 / OSC 52 sequences after a frame.
///
/// Full repaints go through curses' `doupdate`. The other frames, where terminfo allows
/// (`Terminal.escapeSupport`), are written by `FrameEncoder` instead (fewer bytes: erases, scrolled
/// regions, shortest moves and SGR changes); curses' window is still drawn and copied to its virtual
/// screen (`wnoutrefresh`), so it holds every frame, but its `doupdate` is not called for them.
@MainActor
public final class NCursesBackend {
    private let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    private let capabilities: TerminalCapabilities
    private var previous: CellBuffer?
    private var previousLinks: [LinkRegion] = []
    private var forceFull = true
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private let maxPairs: Int32
    private let colorCount: Int
    private var cursorVisible: Int32 = -1
    private let encoder: FrameEncoder?
    /// What the terminal shows, as the encoder sees it (nil: not known, the next frame is a full repaint).
    private var shown: ScreenImage?
    private var encoderState = FrameEncoder.State()

    /// Bytes the encoder wrote for the last frame (nil when curses wrote it).
    public private(set) var lastEncodedBytes: Int?

    /// Cells written in the last frame (for tests and measurements).
    public private(set) var lastWrittenCells = 0
    /// Whether the last frame was a full repaint.
    public private(set) var lastFrameWasFull = false

    private struct PairKey: Hashable {
        var fg: Int
        var bg: Int
    }

    public init(terminal: Terminal) {
        window = sf_stdscr()
        output = terminal.output
        capabilities = terminal.capabilities
        maxPairs = Int32(sf_color_pairs())
        colorCount = Int(sf_colors())
        encoder = terminal.escapeSupport.map { FrameEncoder(support: $0) }
    }

    /// The next frame repaints everything (after a resize, or a redraw request).
    public func invalidate() {
        forceFull = true
    }

    /// Shows `buffer`. `cursor` parks the terminal cursor (nil: hidden, bottom-left).
    public func present(
        _ buffer: CellBuffer, theme: Theme, cursor: CursorPlacement? = nil, links: [LinkRegion] = []
    ) {
        let full =
            forceFull || previous == nil || previous?.width != buffer.width
            || previous?.height != buffer.height
        var written = 0
        var changedRows = Set<Int>()
        if full {
            werase(window)
            clearok(window, true)
            for r in 0..<buffer.height {
                for c in 0..<buffer.width where !buffer[r, c].isContinuation {
                    draw(buffer[r, c], row: r, col: c, theme: theme)
                    written += 1
                }
            }
            changedRows = Set(0..<buffer.height)
        } else if let old = previous {
            // A changed continuation cell is redrawn through the wide cluster it belongs to. The changes come in
            // row-major order, so a cluster whose both halves changed is the one just drawn.
            var lastHead: CellPosition?
            for p in buffer.changedCells(from: old) {
                changedRows.insert(p.row)
                let head = buffer[p.row, p.col].isContinuation ? CellPosition(row: p.row, col: max(0, p.col - 1)) : p
                guard head != lastHead else { continue }
                lastHead = head
                guard !buffer[head.row, head.col].isContinuation else { continue }
                draw(buffer[head.row, head.col], row: head.row, col: head.col, theme: theme)
                written += 1
            }
        }
        placeCursor(cursor, buffer: buffer)
        wnoutrefresh(window)
        lastEncodedBytes = nil
        if let encoder {
            let image = ScreenImage(buffer, theme: theme, colorCount: colorCount)
            let park = cursor.flatMap { buffer.contains(row: $0.row, col: $0.col) ? ($0.row, $0.col) : nil }
            let target = park ?? (max(0, buffer.height - 1), 0)
            if !full, let shown, shown.width == image.width, shown.height == image.height {
                let bytes = encoder.encode(from: shown, to: image, cursor: target, state: &encoderState)
                writeRaw(bytes)
                lastEncodedBytes = bytes.count
            } else {
                // Curses repaints: from the colours it believes are on (its own last frame's), the cursor it parks.
                if encoderState.sgr != .normal { writeRaw(Array("\u{1B}[m".utf8)) }
                doupdate()
                encoderState = FrameEncoder.State(row: target.0, col: target.1, sgr: nil)
            }
            shown = image
        } else {
            doupdate()
        }
        lastWrittenCells = written
        lastFrameWasFull = full
        writeLinks(links, buffer: buffer, theme: theme, full: full, changedRows: changedRows, cursor: cursor)
        previous = buffer
        forceFull = false
    }

    /// Puts `text` on the system clipboard (OSC 52) when the terminal likely supports it.
    /// Returns whether the sequence was written.
    @discardableResult
    public func copyToClipboard(_ text: String) -> Bool {
        guard capabilities.clipboard else { return false }
        writeRaw(TerminalEscapes.osc52(copy: text))
        return true
    }

    private func placeCursor(_ cursor: CursorPlacement?, buffer: CellBuffer) {
        let want: Int32
        if let cursor, buffer.contains(row: cursor.row, col: cursor.col) {
            wmove(window, Int32(cursor.row), Int32(cursor.col))
            want = cursor.visible ? 1 : 0
        } else {
            wmove(window, Int32(max(0, buffer.height - 1)), 0)
            want = 0
        }
        leaveok(window, false)
        if want != cursorVisible {
            curs_set(want)
            cursorVisible = want
        }
    }

    private func draw(_ cell: Cell, row: Int, col: Int, theme: Theme) {
        let resolved = theme.resolve(cell.style)
        let (attrs, pair) = cursesAttributes(resolved, theme: theme)
        let pc = PresentationCell(cell)
        var wide: [wchar_t] = pc.scalars.map { wchar_t(bitPattern: $0) } + [0]
        sf_put_cell_at(window, Int32(row), Int32(col), &wide, attrs, pair)
        if let second = pc.secondLetter {
            var w2: [wchar_t] = [wchar_t(bitPattern: second), 0]
            sf_put_cell_at(window, Int32(row), Int32(col + 1), &w2, attrs, pair)
        } else if pc.padAfter {
            var sp: [wchar_t] = [0x20, 0]
            sf_put_cell_at(window, Int32(row), Int32(col + 1), &sp, attrs, pair)
        }
    }

    private func cursesAttributes(_ style: ResolvedStyle, theme: Theme) -> (attr_t, Int32) {
        var a: attr_t = sf_a_normal()
        var attrs = style.attributes
        var pair: Int32 = 0
        if theme.colorMode == .color, colorCount > 0 {
            var fg = style.fg.cursesIndex
            var bg = style.bg.cursesIndex
            if fg >= colorCount {
                if fg == 8 { attrs.insert(.dim) }
                fg = fg < 16 && fg != 8 ? fg - 8 : -1
            }
            if bg >= colorCount { bg = bg < 16 && bg != 8 ? bg - 8 : -1 }
            if fg != -1 || bg != -1 { pair = pairNumber(fg: fg, bg: bg) }
        }
        if attrs.contains(.bold) { a |= sf_a_bold() }
        if attrs.contains(.dim) { a |= sf_a_dim() }
        if attrs.contains(.reverse) { a |= sf_a_reverse() }
        if attrs.contains(.underline) { a |= sf_a_underline() }
        return (a, pair)
    }

    private func pairNumber(fg: Int, bg: Int) -> Int32 {
        let key = PairKey(fg: fg, bg: bg)
        if let p = pairs[key] { return p }
        guard nextPair < min(maxPairs, 32767) else { return 0 }
        let p = nextPair
        nextPair += 1
        init_pair(Int16(p), Int16(fg), Int16(bg))
        pairs[key] = p
        return p
    }

    /// OSC 8 links over text already on screen: written when new, changed, or repainted this frame.
    private func writeLinks(
        _ links: [LinkRegion], buffer: CellBuffer, theme: Theme, full: Bool, changedRows: Set<Int>,
        cursor: CursorPlacement?
    ) {
        defer { previousLinks = links }
        guard capabilities.hyperlinks, !links.isEmpty else { return }
        var seq = ""
        for link in links where buffer.contains(row: link.row, col: link.col) {
            let fresh = full || changedRows.contains(link.row) || !previousLinks.contains(link)
            guard fresh else { continue }
            let avail = buffer.width - link.col
            let text = DisplayWidth.truncate(link.text, to: avail, ellipsis: "")
            let style = theme.resolve(buffer[link.row, link.col].style)
            seq += TerminalEscapes.moveTo(row: link.row, col: link.col)
            seq += TerminalEscapes.sgr(style, colors: theme.colorMode == .color)
            seq += TerminalEscapes.osc8(url: link.url, text: text)
        }
        guard !seq.isEmpty else { return }
        writeRaw(TerminalEscapes.saveCursor + seq + TerminalEscapes.restoreCursor)
    }

    private func writeRaw(_ s: String) {
        writeRaw(Array(s.utf8))
    }

    private func writeRaw(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        var bytes = bytes
        _ = bytes.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                sf_write_raw(output, $0, p.count)
            }
        }
    }
}
