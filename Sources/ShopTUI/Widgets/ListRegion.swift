/// Where a list's items were drawn: the rows of `rect` from the top hold the items `first`, `first + 1`... A
/// screen records it while drawing its list (``Draw/list(into:rect:count:selection:theme:row:)``), so that a
/// mouse click maps back to an item without a second copy of the screen's layout.
public struct ListRegion: Sendable, Hashable {
    /// The rows drawn (as many as items shown) and the columns of the list.
    public var rect: Rect
    /// The index of the item on the top row.
    public var first: Int
    /// The index selected when the list was drawn.
    public var selection: Int

    public init(rect: Rect, first: Int, selection: Int) {
        self.rect = rect
        self.first = first
        self.selection = selection
    }

    /// The index of the item drawn at `row`, `col`, nil outside the list.
    public func index(row: Int, col: Int) -> Int? {
        guard row >= rect.row, row < rect.bottom, col >= rect.col, col < rect.right else { return nil }
        return first + row - rect.row
    }
}

extension ListView {
    /// Where this list's visible items are when drawn into `rect`.
    public func region(in rect: Rect) -> ListRegion {
        let rows = min(visibleRange.count, rect.height)
        return ListRegion(
            rect: Rect(row: rect.row, col: rect.col, width: rect.width, height: rows), first: offset,
            selection: selection)
    }
}
