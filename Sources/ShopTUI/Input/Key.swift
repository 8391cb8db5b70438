/// A mouse event, in screen cells.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case press, release, click, doubleClick, rightClick, wheelUp, wheelDown, other
    }
    public var kind: Kind
    public var row: Int
    public var col: Int
    public init(kind: Kind, row: Int, col: Int) {
        self.kind = kind
        self.row = row
        self.col = col
    }
}

/// One decoded key press (or terminal event delivered through the keyboard queue).
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, insert, tab, backTab
    case function(Int)
    case ctrl(Character)
    case alt(Character)
    case resize
    case mouse(MouseEvent)
    /// Text pasted in one go (bracketed paste); line ends are "\n".
    case paste(String)
    case unknown(Int)

    /// The name shown in the footer and help, e.g. "↑", "enter", "ctrl-c", "q".
    public func displayName(ascii: Bool = false) -> String {
        switch self {
        case .char(" "): "space"
        case .char(let c): String(c)
        case .up: ascii ? "up" : "↑"
        case .down: ascii ? "down" : "↓"
        case .left: ascii ? "left" : "←"
        case .right: ascii ? "right" : "→"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .home: "home"
        case .end: "end"
        case .enter: "enter"
        case .escape: "esc"
        case .backspace: "bksp"
        case .delete: "del"
        case .insert: "ins"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "ctrl-\(String(c).lowercased())"
        case .alt(let c): "alt-\(c)"
        case .resize: "resize"
        case .mouse: "mouse"
        case .paste: "paste"
        case .unknown(let n): "key\(n)"
        }
    }

    /// Display name of several keys bound together: "↑/k".
    public static func displayName(of keys: [Key], ascii: Bool = false) -> String {
        keys.map { $0.displayName(ascii: ascii) }.joined(separator: "/")
    }
}
