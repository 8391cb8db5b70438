/// What a piece of text means; the theme decides how it looks.
public enum Role: String, Sendable, Hashable, CaseIterable {
    case normal, dim, title, selected, accent, price, error, success, warning, link
    case footerKey, footerText, header
}

/// A terminal colour: the terminal's default, one of the 8 ANSI colours (and their bright forms),
/// or an index into the 256-colour palette.
public enum TermColor: Sendable, Hashable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    case indexed(UInt8)

    /// The curses colour number (-1 for the default colour).
    public var cursesIndex: Int {
        switch self {
        case .default: -1
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .brightBlack: 8
        case .brightRed: 9
        case .brightGreen: 10
        case .brightYellow: 11
        case .brightBlue: 12
        case .brightMagenta: 13
        case .brightCyan: 14
        case .brightWhite: 15
        case .indexed(let n): Int(n)
        }
    }
}

/// Text attributes that any terminal can show.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
}

/// The style of one cell: a semantic role (resolved by the theme) and/or explicit colours and
/// attributes. Explicit colours win over the role's; attributes add to the role's.
public struct Style: Sendable, Hashable {
    public var role: Role?
    public var fg: TermColor?
    public var bg: TermColor?
    public var attributes: TextAttributes

    public init(
        role: Role? = nil, fg: TermColor? = nil, bg: TermColor? = nil, attributes: TextAttributes = []
    ) {
        self.role = role
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    public static let plain = Style()
    public static func role(_ role: Role) -> Style { Style(role: role) }

    public var bold: Style { adding(.bold) }
    public var dim: Style { adding(.dim) }
    public var reverse: Style { adding(.reverse) }
    public var underline: Style { adding(.underline) }

    public func adding(_ attrs: TextAttributes) -> Style {
        var s = self
        s.attributes.formUnion(attrs)
        return s
    }
}

/// A style after the theme has decided: concrete colours and attributes.
public struct ResolvedStyle: Sendable, Hashable {
    public var fg: TermColor
    public var bg: TermColor
    public var attributes: TextAttributes

    public init(fg: TermColor = .default, bg: TermColor = .default, attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }
}
