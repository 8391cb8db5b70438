/// Layout breakpoints by terminal size.
public enum SizeClass: Sendable, Hashable, Comparable {
    /// Below 40x12: only the "terminal too small" screen is shown.
    case tooSmall
    /// Under 80 columns.
    case narrow
    /// 80 to 119 columns.
    case regular
    /// 120 columns or more.
    case wide

    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public static func of(width: Int, height: Int) -> SizeClass {
        if width < minimumWidth || height < minimumHeight { return .tooSmall }
        if width < 80 { return .narrow }
        if width < 120 { return .regular }
        return .wide
    }
}
