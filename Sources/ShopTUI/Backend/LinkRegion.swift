/// A hyperlink laid over text already drawn in the buffer (OSC 8, when the terminal supports it).
public struct LinkRegion: Sendable, Hashable {
    public var row: Int
    public var col: Int
    public var text: String
    public var url: String
    public init(row: Int, col: Int, text: String, url: String) {
        self.row = row
        self.col = col
        self.text = text
        self.url = url
    }
    public var width: Int { DisplayWidth.of(text) }
}
