/// Colour mode + glyphs + what each semantic role looks like.
public struct Theme: Sendable, Hashable {
    public var colorMode: ColorMode
    public var glyphs: GlyphSet

    public init(colorMode: ColorMode = .color, glyphs: GlyphSet = .unicode) {
        self.colorMode = colorMode
        self.glyphs = glyphs
    }

    public static let `default` = Theme()
    public static let plainASCII = Theme(colorMode: .none, glyphs: .ascii)

    /// How a role looks in colour.
    public static func colorStyle(for role: Role) -> ResolvedStyle {
        switch role {
        case .normal: ResolvedStyle()
        case .dim: ResolvedStyle(fg: .brightBlack)
        case .title: ResolvedStyle(fg: .cyan, attributes: .bold)
        case .selected: ResolvedStyle(fg: .black, bg: .cyan)
        case .accent: ResolvedStyle(fg: .magenta, attributes: .bold)
        case .price: ResolvedStyle(fg: .green, attributes: .bold)
        case .error: ResolvedStyle(fg: .red, attributes: .bold)
        case .success: ResolvedStyle(fg: .green)
        case .warning: ResolvedStyle(fg: .yellow)
        case .link: ResolvedStyle(fg: .blue, attributes: .underline)
        case .footerKey: ResolvedStyle(fg: .cyan, attributes: .bold)
        case .footerText: ResolvedStyle(fg: .brightBlack)
        case .header: ResolvedStyle(fg: .black, bg: .white, attributes: .bold)
        }
    }

    /// How a role looks without colour: attributes only. Selection stays visible through reverse video.
    public static func attributeStyle(for role: Role) -> ResolvedStyle {
        switch role {
        case .normal, .footerText, .success: ResolvedStyle()
        case .dim: ResolvedStyle(attributes: .dim)
        case .title, .accent, .price, .error, .footerKey: ResolvedStyle(attributes: .bold)
        case .warning: ResolvedStyle(attributes: .bold)
        case .selected: ResolvedStyle(attributes: .reverse)
        case .link: ResolvedStyle(attributes: .underline)
        case .header: ResolvedStyle(attributes: [.reverse, .bold])
        }
    }

    /// The concrete colours and attributes for a cell style in this theme.
    public func resolve(_ style: Style) -> ResolvedStyle {
        var base: ResolvedStyle
        if let role = style.role {
            base = colorMode == .color ? Theme.colorStyle(for: role) : Theme.attributeStyle(for: role)
        } else {
            base = ResolvedStyle()
        }
        base.attributes.formUnion(style.attributes)
        if colorMode == .color {
            if let fg = style.fg { base.fg = fg }
            if let bg = style.bg { base.bg = bg }
        } else {
            base.fg = .default
            base.bg = .default
        }
        return base
    }
}
