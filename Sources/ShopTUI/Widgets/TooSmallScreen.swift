/// Shown instead of the app when the terminal is below the minimum size.
public enum TooSmallScreen {
    public static func render(into buffer: inout CellBuffer, theme: Theme) {
        buffer.clear()
        let needed = "Need \(SizeClass.minimumWidth)x\(SizeClass.minimumHeight)"
        let now = "now \(buffer.width)x\(buffer.height)"
        let lines: [(String, Role)] = [
            ("Terminal too small", .error),
            (needed, .normal),
            (now, .dim),
            ("q quits", .footerText),
        ]
        let top = max(0, (buffer.height - lines.count) / 2)
        for (i, (text, role)) in lines.enumerated() where top + i < buffer.height {
            buffer.writeCentered(
                text, row: top + i, col: 0, width: buffer.width, style: .role(role), ellipsis: theme.glyphs.ellipsis)
        }
    }
}
