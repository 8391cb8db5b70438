/// Selection and scrolling of a vertical list: the offset always keeps the selection visible.
public struct ListView: Sendable, Hashable {
    public private(set) var count: Int
    public private(set) var selection: Int
    public private(set) var offset: Int
    /// Rows the list has on screen (set from the layout each frame).
    public private(set) var visibleRows: Int
    /// Rows kept visible above/below the selection while scrolling, when there is room.
    public var scrollMargin: Int

    public init(count: Int = 0, selection: Int = 0, visibleRows: Int = 1, scrollMargin: Int = 0) {
        self.count = max(0, count)
        self.selection = 0
        self.offset = 0
        self.visibleRows = max(1, visibleRows)
        self.scrollMargin = max(0, scrollMargin)
        select(selection)
    }

    public var isEmpty: Bool { count == 0 }

    /// Indices shown, top to bottom.
    public var visibleRange: Range<Int> { offset..<min(count, offset + visibleRows) }

    public mutating func setCount(_ n: Int) {
        count = max(0, n)
        select(selection)
    }

    public mutating func setVisibleRows(_ n: Int) {
        visibleRows = max(1, n)
        select(selection)
    }

    public mutating func select(_ index: Int) {
        selection = count == 0 ? 0 : min(max(0, index), count - 1)
        ensureVisible()
    }

    public mutating func moveUp() { select(selection - 1) }
    public mutating func moveDown() { select(selection + 1) }
    public mutating func pageUp() { select(selection - max(1, visibleRows - 1)) }
    public mutating func pageDown() { select(selection + max(1, visibleRows - 1)) }
    public mutating func home() { select(0) }
    public mutating func end() { select(count - 1) }

    /// Moves by a navigation key; returns whether the key was one (up/down/pgup/pgdn/home/end, k/j).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up, .char("k"): moveUp()
        case .down, .char("j"): moveDown()
        case .pageUp, .ctrl("b"): pageUp()
        case .pageDown, .ctrl("f"): pageDown()
        case .home, .char("g"): home()
        case .end, .char("G"): end()
        case .mouse(let e) where e.kind == .wheelUp: moveUp()
        case .mouse(let e) where e.kind == .wheelDown: moveDown()
        default: return false
        }
        return true
    }

    /// Row on screen of the selection, relative to the list's top (for parking the cursor).
    public var selectionRow: Int { selection - offset }

    /// Selects the item drawn at `row` rows below the list's top, if any (mouse click).
    public mutating func select(visibleRow row: Int) {
        let i = offset + row
        if row >= 0, i < count { select(i) }
    }

    private mutating func ensureVisible() {
        guard count > 0 else {
            offset = 0
            return
        }
        let margin = min(scrollMargin, (visibleRows - 1) / 2)
        if selection - margin < offset { offset = selection - margin }
        if selection + margin >= offset + visibleRows { offset = selection + margin - visibleRows + 1 }
        offset = min(max(0, offset), max(0, count - visibleRows))
    }

    /// Draws the visible rows into `rect`: `row(index, selected, rowRect, &buffer)` draws one item.
    /// The selected row is filled with the `.selected` role first. Returns the cursor placement for
    /// the selection (start of its row).
    @discardableResult
    public func draw(
        into buffer: inout CellBuffer, rect: Rect,
        row: (_ index: Int, _ selected: Bool, _ rect: Rect, _ buffer: inout CellBuffer) -> Void
    ) -> CursorPlacement? {
        var cursor: CursorPlacement?
        for (i, index) in visibleRange.enumerated() where i < rect.height {
            let r = Rect(row: rect.row + i, col: rect.col, width: rect.width, height: 1)
            let selected = index == selection
            if selected {
                buffer.fill(r, style: .role(.selected))
                cursor = CursorPlacement(row: r.row, col: r.col)
            }
            row(index, selected, r, &buffer)
        }
        return cursor
    }
}
