/// One terminal cell: a cluster that starts here (with its width), or the continuation of a wide
/// cluster that starts in the cell to the left.
public struct Cell: Sendable, Hashable {
    /// The text drawn in this cell (one spacing code point and its marks, or one emoji); empty for a
    /// continuation cell.
    public var text: String
    /// 1 or 2 for a cluster; 0 for a continuation cell.
    public var width: UInt8
    public var style: Style

    public init(_ text: String = " ", width: Int = 1, style: Style = .plain) {
        self.text = text
        self.width = UInt8(clamping: width)
        self.style = style
    }

    public static let blank = Cell()

    public static func continuation(style: Style) -> Cell {
        Cell("", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
