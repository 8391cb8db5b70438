/// The characters the UI draws with: Unicode, or plain ASCII for `--ascii` and non-UTF-8 locales.
public struct GlyphSet: Sendable, Hashable {
    public var isASCII: Bool
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var teeLeft: String
    public var teeRight: String
    public var ellipsis: String
    public var bullet: String
    public var selectionMarker: String
    public var check: String
    public var cross: String
    public var spinnerFrames: [String]
    public var arrowUp: String
    public var arrowDown: String
    public var arrowLeft: String
    public var arrowRight: String
    public var separator: String
    /// QR code: both module rows dark / upper only / lower only / neither, for half-block drawing.
    public var qrFull: String
    public var qrUpper: String
    public var qrLower: String
    public var qrEmpty: String

    public static let unicode = GlyphSet(
        isASCII: false,
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeLeft: "├", teeRight: "┤", ellipsis: "…", bullet: "•", selectionMarker: "›", check: "✓", cross: "✗",
        spinnerFrames: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"],
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→", separator: "·",
        qrFull: "█", qrUpper: "▀", qrLower: "▄", qrEmpty: " "
    )

    public static let ascii = GlyphSet(
        isASCII: true,
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeLeft: "+", teeRight: "+", ellipsis: "...", bullet: "*", selectionMarker: ">", check: "OK", cross: "x",
        spinnerFrames: ["|", "/", "-", "\\"],
        arrowUp: "up", arrowDown: "down", arrowLeft: "left", arrowRight: "right", separator: "-",
        qrFull: "##", qrUpper: "##", qrLower: "##", qrEmpty: "  "
    )
}
