/// What keys do to the screen rather than to the shop's data: typing focus, Enter in a field, the `?` help, and
/// the stamp of every key (idle, the flash).
public enum UIAction: Equatable, Sendable, Codable {
    /// Starts typing into a field (search, coupon code...).
    case focus(Field)
    /// Moves to the next / previous input of a form.
    case nextField, previousField
    /// Enter while typing: the field's own action (apply the code, save the form...).
    case submitField
    /// Esc while typing into an optional field: stop typing (the text stays).
    case stopTyping
    case help(HelpAction)
    /// A key came, at this time on the environment's clock (``ShopEnvironment/now``): after a long while without
    /// one the cart may have changed elsewhere, and the last key's flash goes.
    case keyPressed(at: Duration)
    /// The payment link shown was copied to the clipboard.
    case linkCopied
    /// The terminal cannot copy (no OSC 52).
    case cannotCopy
}

/// The `?` help: open, close, scroll, filter.
public enum HelpAction: Equatable, Sendable, Codable {
    case open
    case close
    /// Scrolls within `page` (what the last frame of the help drew).
    case scroll(HelpScroll, HelpPage)
    /// `/`: keys go to the filter.
    case startFilter
    case editFilter(TextEdit)
    /// Enter while filtering: the filter stays, keys scroll again.
    case keepFilter
    /// Esc: the filter goes.
    case dropFilter
}

public enum HelpScroll: Codable, Sendable, Hashable {
    case lines(Int)
    /// Pages of the help's rows, less one kept for context.
    case pages(Int)
    case top, bottom
}

extension Action {
    /// The stamp every key sends (``UIAction/keyPressed(at:)``): timing, not an intent a recording replays.
    public var isKeyStamp: Bool {
        if case .ui(.keyPressed) = self { return true }
        return false
    }
}
