/// A cell position: row and column from the top-left corner, 0-based.
public struct CellPosition: Sendable, Hashable, Comparable {
    public var row: Int
    public var col: Int
    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
    public static func < (a: CellPosition, b: CellPosition) -> Bool {
        (a.row, a.col) < (b.row, b.col)
    }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var bottom: Int { row + height }
    public var right: Int { col + width }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The rectangle shrunk by `n` cells on every side.
    public func inset(by n: Int) -> Rect {
        Rect(row: row + n, col: col + n, width: width - 2 * n, height: height - 2 * n)
    }

    /// The same rectangle with `n` columns off each side.
    public func inset(horizontal n: Int) -> Rect {
        Rect(row: row, col: col + n, width: max(0, width - 2 * n), height: height)
    }

    /// A `width` × `height` rectangle centred in this one (clamped to it).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width)
        let ch = min(h, height)
        return Rect(row: row + (height - ch) / 2, col: col + (width - cw) / 2, width: cw, height: ch)
    }
}

/// Where to leave the real terminal cursor after a frame (screen readers follow it).
public struct CursorPlacement: Sendable, Hashable {
    public var row: Int
    public var col: Int
    /// Show the cursor (a text field being edited) or keep it hidden but parked there.
    public var visible: Bool
    public init(row: Int, col: Int, visible: Bool = false) {
        self.row = row
        self.col = col
        self.visible = visible
    }
}
