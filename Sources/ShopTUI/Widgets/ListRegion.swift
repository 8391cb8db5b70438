/// Where a list's items were drawn: the rows of `rect` from the top hold the items `first`, `first + 1`... A
/// screen records it while drawing its list (``Draw/list(into:rect:count:selection:theme:row:)``), so that a
/// mouse click maps back to an item without a second copy of the screen's layout.
struct ListRegion: Sendable, Hashable {
    /// The rows drawn (as many as items shown) and the columns of the list.
    var rect: Rect
    /// The index of the item on the top row.
    var first: Int
    /// The index selected when the list was drawn.
    var selection: Int
    /// The rows the list had on screen (a page) and the items it holds: what Home, End, PgUp and PgDn move by.
    var rows: Int = 1
    var count: Int = 0

    /// How far a list key moves the selection in this list.
    func delta(_ jump: ListJump) -> Int {
        let page = max(1, rows - 1)
        switch jump {
        case .pageUp: return -page
        case .pageDown: return page
        case .top: return -selection
        case .bottom: return max(0, count - 1) - selection
        }
    }

    /// The index of the item drawn at `row`, `col`, nil outside the list.
    func index(row: Int, col: Int) -> Int? {
        guard row >= rect.row, row < rect.bottom, col >= rect.col, col < rect.right else { return nil }
        return first + row - rect.row
    }
}

extension ListView {
    /// Where this list's visible items are when drawn into `rect`.
    func region(in rect: Rect) -> ListRegion {
        let rows = min(visibleRange.count, rect.height)
        return ListRegion(
            rect: Rect(row: rect.row, col: rect.col, width: rect.width, height: rows), first: offset,
            selection: selection, rows: min(visibleRows, rect.height), count: count)
    }
}
