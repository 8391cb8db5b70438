/// The escape sequences the frame encoder may use, read from terminfo (`Terminal.escapeSupport`). The encoder
/// writes the ECMA-48 / xterm forms; it is used only when terminfo's strings are exactly those forms.
public struct EscapeSupport: Sendable, Hashable {
    /// `ech`: erase n characters (`ESC [ n X`).
    public var eraseChars: Bool
    /// `rep`: repeat the previous character (`ESC [ n b`).
    public var repeatChar: Bool
    /// `bce`: erasing fills with the current background colour.
    public var backgroundColorErase: Bool
    /// `csr` + `indn` + `rin`: scroll a region of rows (`ESC [ t ; b r`, `ESC [ n S`, `ESC [ n T`).
    public var scrollRegion: Bool

    public init(eraseChars: Bool, repeatChar: Bool, backgroundColorErase: Bool, scrollRegion: Bool) {
        self.eraseChars = eraseChars
        self.repeatChar = repeatChar
        self.backgroundColorErase = backgroundColorErase
        self.scrollRegion = scrollRegion
    }

    /// xterm-256color: ech, rep, bce, scrolling regions.
    public static let xterm = EscapeSupport(
        eraseChars: true, repeatChar: true, backgroundColorErase: true, scrollRegion: true)
    /// tmux-256color: scrolling regions only (no ech, rep or bce).
    public static let tmux = EscapeSupport(
        eraseChars: false, repeatChar: false, backgroundColorErase: false, scrollRegion: true)
    /// Cursor addressing, erase to end of line and SGR only.
    public static let minimal = EscapeSupport(
        eraseChars: false, repeatChar: false, backgroundColorErase: false, scrollRegion: false)
}

/// Colours and attributes as the terminal shows them (curses colour numbers, -1 the default).
struct SGRState: Hashable {
    var fg: Int16 = -1
    var bg: Int16 = -1
    var attrs: TextAttributes = []

    static let normal = SGRState()

    /// Attributes a blank shows (the others are invisible on a space).
    var visibleOnBlank: Bool { attrs.contains(.reverse) || attrs.contains(.underline) }
}

/// One column of the screen: the bytes of a glyph that starts here (width 1 or 2), or a column covered by
/// the wide glyph to its left (width 0, no bytes).
struct ScreenSlot: Hashable {
    var bytes: [UInt8]
    var width: UInt8
    var sgr: SGRState

    var isBlank: Bool { width == 1 && bytes == [0x20] }

    /// A column whose content is not known (never equal to a real slot).
    static let unknown = ScreenSlot(bytes: [0xFF], width: 1, sgr: SGRState(fg: -2, bg: -2))
    static let blank = ScreenSlot(bytes: [0x20], width: 1, sgr: .normal)

    init(bytes: [UInt8], width: UInt8, sgr: SGRState) {
        self.bytes = bytes
        self.width = width
        // A blank shows only its background (and reverse/underline): the rest is dropped so that blanks that
        // look the same compare equal and need no writing.
        if bytes == [0x20], width == 1, !sgr.visibleOnBlank {
            self.sgr = SGRState(fg: -1, bg: sgr.bg, attrs: [])
        } else {
            self.sgr = sgr
        }
    }
}

/// The screen as slots, row by row.
struct ScreenImage: Hashable {
    var width: Int
    var height: Int
    var rows: [[ScreenSlot]]

    static func blank(width: Int, height: Int) -> ScreenImage {
        ScreenImage(
            width: width, height: height,
            rows: Array(repeating: Array(repeating: .blank, count: width), count: height))
    }

    /// The one-byte texts of ASCII, made once: a frame's cells are mostly these, and a slot then shares its
    /// bytes instead of allocating them (a 80x24 frame made ~2,000 arrays; #18).
    private static let asciiBytes: [[UInt8]] = (0..<128).map { [UInt8($0)] }

    /// What `buffer` looks like on a terminal with `colorCount` colours (0: no colour), the same mapping the
    /// curses path uses (`NCursesBackend.cursesAttributes`, `PresentationCell`).
    init(_ buffer: CellBuffer, theme: Theme, colorCount: Int) {
        width = buffer.width
        height = buffer.height
        var rows: [[ScreenSlot]] = []
        rows.reserveCapacity(buffer.height)
        var cache: [Style: SGRState] = [:]
        for r in 0..<buffer.height {
            var row: [ScreenSlot] = []
            row.reserveCapacity(buffer.width)
            var c = 0
            while c < buffer.width {
                let cell = buffer[r, c]
                let sgr: SGRState
                if let s = cache[cell.style] {
                    sgr = s
                } else {
                    sgr = Self.sgr(theme.resolve(cell.style), colors: theme.colorMode == .color ? colorCount : 0)
                    cache[cell.style] = sgr
                }
                if cell.isContinuation {
                    // A continuation whose head was cut off (never made by CellBuffer.write): a blank.
                    row.append(ScreenSlot(bytes: Self.asciiBytes[0x20], width: 1, sgr: sgr))
                    c += 1
                    continue
                }
                if let byte = PresentationCell.asciiByte(of: cell) {
                    // Most cells: what PresentationCell would give, without making it.
                    row.append(ScreenSlot(bytes: Self.asciiBytes[Int(byte)], width: 1, sgr: sgr))
                    c += 1
                    continue
                }
                let pc = PresentationCell(cell)
                var bytes: [UInt8] = []
                for v in pc.scalars {
                    if let s = Unicode.Scalar(v) { UTF8.encode(s) { bytes.append($0) } }
                }
                if cell.width >= 2, c + 1 < buffer.width {
                    if let second = pc.secondLetter, let s = Unicode.Scalar(second) {
                        var secondBytes: [UInt8] = []
                        UTF8.encode(s) { secondBytes.append($0) }
                        row.append(ScreenSlot(bytes: bytes, width: 1, sgr: sgr))
                        row.append(ScreenSlot(bytes: secondBytes, width: 1, sgr: sgr))
                    } else if pc.padAfter {
                        row.append(ScreenSlot(bytes: bytes, width: 1, sgr: sgr))
                        row.append(ScreenSlot(bytes: Self.asciiBytes[0x20], width: 1, sgr: sgr))
                    } else {
                        row.append(ScreenSlot(bytes: bytes, width: 2, sgr: sgr))
                        row.append(ScreenSlot(bytes: [], width: 0, sgr: sgr))
                    }
                    c += 2
                } else {
                    row.append(ScreenSlot(bytes: bytes, width: 1, sgr: sgr))
                    c += 1
                }
            }
            rows.append(row)
        }
        self.rows = rows
    }

    init(width: Int, height: Int, rows: [[ScreenSlot]]) {
        self.width = width
        self.height = height
        self.rows = rows
    }

    static func sgr(_ style: ResolvedStyle, colors colorCount: Int) -> SGRState {
        var attrs = style.attributes
        var fg = -1
        var bg = -1
        if colorCount > 0 {
            fg = style.fg.cursesIndex
            bg = style.bg.cursesIndex
            if fg >= colorCount {
                if fg == 8 { attrs.insert(.dim) }
                fg = fg < 16 && fg != 8 ? fg - 8 : -1
            }
            if bg >= colorCount { bg = bg < 16 && bg != 8 ? bg - 8 : -1 }
        }
        return SGRState(fg: Int16(fg), bg: Int16(bg), attrs: attrs)
    }
}

/// Turns a change of screen into the fewest bytes it can find: only the changed columns are written, runs of
/// blanks become erases (`el`, `ech` where the terminal has it and the background allows) or `rep`, the cursor
/// takes the shortest move, colours change by the shortest SGR, and rows that moved up or down (a list that
/// scrolled, a highlight that moved one row) are scrolled within a region instead of written again.
struct FrameEncoder {
    var support: EscapeSupport

    /// Where the terminal stands: cursor (nil: unknown) and SGR (nil: unknown).
    struct State: Equatable {
        var row: Int?
        var col: Int?
        var sgr: SGRState?
    }

    /// The bytes that turn `old` (what the terminal shows) into `new`, then park the cursor at `cursor`.
    /// `state` is where the terminal stands before and after.
    func encode(
        from old: ScreenImage, to new: ScreenImage, cursor: (row: Int, col: Int), state: inout State
    ) -> [UInt8] {
        precondition(old.width == new.width && old.height == new.height)
        var screen = old
        var out = Output(support: support, state: state, width: new.width)
        if let shift = bestShift(from: old, to: new) {
            out.scroll(shift, screen: &screen)
        }
        for r in 0..<new.height where screen.rows[r] != new.rows[r] {
            out.row(r, new: new.rows[r], old: &screen.rows[r])
        }
        out.moveTo(row: cursor.row, col: cursor.col)
        state = out.state
        return out.bytes
    }

    /// A region of rows [top, bottom] whose content moves down by `by` rows (up when negative).
    struct Shift: Equatable {
        var top: Int
        var bottom: Int
        var by: Int
    }

    /// The one scroll that saves the most bytes, if any saves some.
    func bestShift(from old: ScreenImage, to new: ScreenImage) -> Shift? {
        guard support.scrollRegion, new.height >= 2 else { return nil }
        let h = new.height
        var changed = 0
        for r in 0..<h where old.rows[r] != new.rows[r] { changed += 1 }
        guard changed >= 2 else { return nil }
        // Costs are estimates: each row alone, from an unknown cursor and SGR.
        func cost(_ newRow: [ScreenSlot], _ oldRow: [ScreenSlot], _ r: Int) -> Int {
            if newRow == oldRow { return 0 }
            var o = Output(support: support, state: State(), width: new.width)
            var screenRow = oldRow
            o.row(r, new: newRow, old: &screenRow)
            return o.bytes.count
        }
        let base = (0..<h).map { cost(new.rows[$0], old.rows[$0], $0) }
        // Candidate distances: one row either way (a moved highlight, a list scrolled by one), and the distances at
        // which changed rows find themselves unchanged (a page).
        var counts: [Int: Int] = [:]
        let oldIndex = Dictionary(old.rows.enumerated().map { ($0.element, [$0.offset]) }, uniquingKeysWith: +)
        for r in 0..<h where base[r] > 0 {
            for s in oldIndex[new.rows[r]] ?? [] where s != r { counts[r - s, default: 0] += 1 }
        }
        var ks = Set(counts.sorted { $0.value > $1.value }.prefix(3).map(\.key))
        ks.insert(1)
        ks.insert(-1)
        let blankRow = Array(repeating: ScreenSlot.blank, count: new.width)
        let blankCost = (0..<h).map { base[$0] == 0 && new.rows[$0] == blankRow ? 0 : cost(new.rows[$0], blankRow, $0) }
        func prefix(_ a: [Int]) -> [Int] {
            var p = [0]
            for v in a { p.append(p.last! + v) }
            return p
        }
        let pBase = prefix(base)
        let pBlank = prefix(blankCost)
        var best: (saving: Int, shift: Shift)?
        for k in ks.sorted() where k != 0 && abs(k) < h {
            let m = abs(k)
            // moved[r]: row r drawn over old row r - k.
            var moved = Array(repeating: 0, count: h)
            for r in 0..<h {
                let s = r - k
                moved[r] = s >= 0 && s < h ? cost(new.rows[r], old.rows[s], r) : 1_000_000
            }
            let pMoved = prefix(moved)
            let shiftCost = 3 + 6 + "\(m)".count + 3 + 3  // SGR reset, csr, SU/SD, csr reset
            for top in 0..<(h - m) {
                for bottom in (top + m)..<h {
                    let regionBase = pBase[bottom + 1] - pBase[top]
                    let after: Int
                    if k > 0 {
                        after = (pBlank[top + m] - pBlank[top]) + (pMoved[bottom + 1] - pMoved[top + m])
                    } else {
                        after = (pMoved[bottom - m + 1] - pMoved[top]) + (pBlank[bottom + 1] - pBlank[bottom - m + 1])
                    }
                    let saving = regionBase - after - shiftCost
                    if saving > 0, saving > (best?.saving ?? 0) {
                        best = (saving, Shift(top: top, bottom: bottom, by: k))
                    }
                }
            }
        }
        return best?.shift
    }

    /// The byte sink with the terminal's state.
    struct Output {
        let support: EscapeSupport
        var state: State
        let width: Int
        var bytes: [UInt8] = []

        init(support: EscapeSupport, state: State, width: Int) {
            self.support = support
            self.state = state
            self.width = width
            bytes.reserveCapacity(256)
        }

        mutating func emit(_ s: String) { bytes.append(contentsOf: s.utf8) }

        /// Scrolls rows [top, bottom] of the terminal and of `screen` (new rows are default blanks).
        mutating func scroll(_ shift: Shift, screen: inout ScreenImage) {
            // New rows take the current background on some terminals: the default one, always.
            if state.sgr != .normal { setSGR(.normal) }
            emit("\u{1B}[\(shift.top + 1);\(shift.bottom + 1)r")
            let m = abs(shift.by)
            let n = m == 1 ? "" : "\(m)"
            emit(shift.by > 0 ? "\u{1B}[\(n)T" : "\u{1B}[\(n)S")
            emit("\u{1B}[r")
            state.row = 0  // setting the region homes the cursor
            state.col = 0
            let blank = Array(repeating: ScreenSlot.blank, count: screen.width)
            let region = Array(screen.rows[shift.top...shift.bottom])
            for i in 0..<region.count {
                let src = i - shift.by
                screen.rows[shift.top + i] = src >= 0 && src < region.count ? region[src] : blank
            }
        }

        /// Writes the columns of row `r` that differ between `new` and `old` (updated to `new`).
        mutating func row(_ r: Int, new: [ScreenSlot], old: inout [ScreenSlot]) {
            let w = new.count
            var c = 0
            while c < w {
                guard var s = (c..<w).first(where: { new[$0] != old[$0] }) else { break }
                // Start at the head of a wide glyph, new or old (overwriting half of one erases it all).
                while s > 0, new[s].width == 0 || old[s].width == 0 { s -= 1 }
                // A run of blanks of one look: erase rather than write, when cheaper.
                var n = 0
                var changedBlanks = 0
                var lastChanged = s
                while s + n < w, new[s + n].isBlank, new[s + n].sgr == new[s].sgr {
                    if new[s + n] != old[s + n] {
                        changedBlanks += 1
                        lastChanged = s + n
                    }
                    n += 1
                }
                if n > 0 {
                    let toEnd = s + n == w
                    let span = toEnd ? n : lastChanged - s + 1
                    if let next = eraseBlanks(
                        r, from: s, count: span, changed: changedBlanks, slot: new[s], toEnd: toEnd)
                    {
                        for i in s..<(s + span) { old[i] = new[i] }
                        if s + span < w, old[s + span].width == 0 { old[s + span] = .unknown }
                        c = next
                        continue
                    }
                }
                move(row: r, col: s, writeThrough: old, new: new)
                put(new[s])
                let wEnd = s + Int(max(1, new[s].width))
                for i in s..<min(w, wEnd) { old[i] = new[i] }
                if wEnd < w, old[wEnd].width == 0 { old[wEnd] = .unknown }  // a wide glyph cut in half
                c = wEnd
            }
        }

        /// Erases `count` blanks from (r, col), `changed` of which differ from the screen, if that is cheaper than
        /// writing the changed ones; returns the column to go on from, or nil when they are better written.
        mutating func eraseBlanks(_ r: Int, from col: Int, count: Int, changed: Int, slot: ScreenSlot, toEnd: Bool)
            -> Int?
        {
            let erasable = !slot.sgr.visibleOnBlank && (slot.sgr.bg == -1 || support.backgroundColorErase)
            // A space shows only its background: the current colours do when the background is the same.
            var sgr = slot.sgr
            if !slot.sgr.visibleOnBlank, let cur = state.sgr, cur.bg == slot.sgr.bg, !cur.visibleOnBlank { sgr = cur }
            if erasable, toEnd, changed > 3 {
                moveTo(row: r, col: col)
                setSGR(sgr)
                emit("\u{1B}[K")
                return col + count
            }
            if erasable, support.eraseChars, changed > 9 {
                moveTo(row: r, col: col)
                setSGR(sgr)
                emit("\u{1B}[\(count)X")
                return col + count
            }
            if support.repeatChar, changed > 6 {
                moveTo(row: r, col: col)
                setSGR(sgr)
                bytes.append(0x20)
                emit(count == 2 ? " " : "\u{1B}[\(count - 1)b")
                advance(by: count, from: col)
                return col + count
            }
            return nil
        }

        /// Moves the cursor, possibly by writing the unchanged cells in between when that is shorter.
        mutating func move(row r: Int, col c: Int, writeThrough old: [ScreenSlot], new: [ScreenSlot]) {
            if state.row == r, let cur = state.col, cur < c, c - cur <= 4 {
                // Rewriting the gap: its cells are already right on screen (old == new there).
                var cost = 0
                var sgr = state.sgr
                var ok = true
                for i in cur..<c {
                    let cell = old[i]
                    guard cell.width == 1, cell == new[i] else {
                        ok = false
                        break
                    }
                    let keeps =
                        cell.isBlank && !cell.sgr.visibleOnBlank && sgr?.bg == cell.sgr.bg
                        && sgr?.visibleOnBlank == false
                    if sgr != cell.sgr, !keeps {
                        cost += Self.sgrBytes(from: sgr, to: cell.sgr).count
                        sgr = cell.sgr
                    }
                    cost += cell.bytes.count
                }
                if ok, cost < moveBytes(row: r, col: c).count {
                    for i in cur..<c { put(old[i]) }
                    return
                }
            }
            moveTo(row: r, col: c)
        }

        mutating func moveTo(row r: Int, col c: Int) {
            if state.row == r, state.col == c { return }
            emit(moveBytes(row: r, col: c))
            state.row = r
            state.col = c
        }

        func moveBytes(row r: Int, col c: Int) -> String {
            let cup = c == 0 ? (r == 0 ? "\u{1B}[H" : "\u{1B}[\(r + 1)H") : "\u{1B}[\(r + 1);\(c + 1)H"
            var best = cup
            func consider(_ s: String) { if s.utf8.count < best.utf8.count { best = s } }
            if state.row == r {
                if c == 0 { consider("\r") }
                consider("\u{1B}[\(c + 1)G")
                if let cur = state.col {
                    if c > cur { consider(c - cur == 1 ? "\u{1B}[C" : "\u{1B}[\(c - cur)C") }
                    if c < cur { consider(cur - c == 1 ? "\u{1B}[D" : "\u{1B}[\(cur - c)D") }
                }
            } else if let row = state.row {
                let d = r - row
                let vertical = d > 0 ? (d == 1 ? "\u{1B}[B" : "\u{1B}[\(d)B") : (d == -1 ? "\u{1B}[A" : "\u{1B}[\(-d)A")
                if c == 0 { consider("\r" + vertical) }
                if let cur = state.col, cur == c { consider(vertical) }
                consider(vertical + "\u{1B}[\(c + 1)G")
            }
            return best
        }

        /// Writes one slot at the cursor.
        mutating func put(_ slot: ScreenSlot) {
            if slot.isBlank, !slot.sgr.visibleOnBlank, let cur = state.sgr, cur.bg == slot.sgr.bg, !cur.visibleOnBlank {
                // A space shows only the background: keep the current colours.
            } else {
                setSGR(slot.sgr)
            }
            bytes.append(contentsOf: slot.bytes)
            advance(by: Int(max(1, slot.width)), from: state.col)
        }

        mutating func advance(by n: Int, from col: Int?) {
            guard let col else { return }
            let next = col + n
            // At the right edge the cursor waits to wrap: its column is not to be trusted for relative moves.
            state.col = next >= width ? nil : next
        }

        mutating func setSGR(_ target: SGRState) {
            if state.sgr == target { return }
            emit(Self.sgrBytes(from: state.sgr, to: target))
            state.sgr = target
        }

        /// The shorter of a reset-and-set and a change of what differs.
        static func sgrBytes(from current: SGRState?, to target: SGRState) -> String {
            var reset: [String] = target == .normal ? [] : ["0"]
            if target.attrs.contains(.bold) { reset.append("1") }
            if target.attrs.contains(.dim) { reset.append("2") }
            if target.attrs.contains(.underline) { reset.append("4") }
            if target.attrs.contains(.reverse) { reset.append("7") }
            if target.fg >= 0 { reset.append(color(target.fg, base: 3)) }
            if target.bg >= 0 { reset.append(color(target.bg, base: 4)) }
            if target != .normal { reset.removeFirst() }
            let resetString = "\u{1B}[" + (target == .normal ? "" : "0;" + reset.joined(separator: ";")) + "m"
            guard let current else { return resetString }
            var parts: [String] = []
            let boldDimOff =
                (current.attrs.contains(.bold) && !target.attrs.contains(.bold))
                || (current.attrs.contains(.dim) && !target.attrs.contains(.dim))
            if boldDimOff { parts.append("22") }
            let kept = boldDimOff ? current.attrs.subtracting([.bold, .dim]) : current.attrs
            if target.attrs.contains(.bold), !kept.contains(.bold) { parts.append("1") }
            if target.attrs.contains(.dim), !kept.contains(.dim) { parts.append("2") }
            if current.attrs.contains(.underline) != target.attrs.contains(.underline) {
                parts.append(target.attrs.contains(.underline) ? "4" : "24")
            }
            if current.attrs.contains(.reverse) != target.attrs.contains(.reverse) {
                parts.append(target.attrs.contains(.reverse) ? "7" : "27")
            }
            if current.fg != target.fg { parts.append(target.fg >= 0 ? color(target.fg, base: 3) : "39") }
            if current.bg != target.bg { parts.append(target.bg >= 0 ? color(target.bg, base: 4) : "49") }
            let change = "\u{1B}[" + parts.joined(separator: ";") + "m"
            return change.utf8.count < resetString.utf8.count ? change : resetString
        }

        /// setaf / setab as xterm-256color's terminfo writes them.
        static func color(_ n: Int16, base: Int) -> String {
            if n < 8 { return "\(base)\(n)" }
            if n < 16 { return "\(base == 3 ? 9 : 10)\(n - 8)" }
            return "\(base)8;5;\(n)"
        }
    }
}
