import ShopCore
import StorefrontAPI

/// What a key means in the shop: the value of every `KeyBinding` of the screens' tables.
public enum ShopIntent: Sendable, Equatable {
    /// Sends an action to the store.
    case send(Action)
    /// Starts typing into a field (search, coupon code...).
    case focus(Field)
    /// Moves to the next / previous field of a form.
    case nextField, previousField
    /// Enter while typing: the field's own action (apply the code, save the form...).
    case submitField
    /// Esc while typing into an optional field: stop typing (the text stays).
    case stopTyping
    /// Esc: the screen before.
    case back
    case help
    case quit
    /// Copies the payment link (OSC 52).
    case copyLink
    case redraw
    /// PgUp, PgDn, Home, End in the screen's list: how far depends on the list the last frame drew.
    case list(ListJump)
}

/// A jump in a list: a page (its rows on screen, less one kept for context) or to either end.
public enum ListJump: Sendable, Equatable {
    case pageUp, pageDown, top, bottom
}

/// What a screen gives the app: its keys and how it draws.
struct ScreenContext {
    var state: State
    var theme: Theme
    /// The field being typed into, if any.
    var focus: Field?
    /// How a payment link is shown (``PaymentLinkPolicy``).
    var paymentLinks: PaymentLinkPolicy = .asGiven

    var ascii: Bool { theme.glyphs.isASCII }

    func money(_ m: Money) -> String { m.formatted(ascii: ascii) }
}

/// What a screen's draw returns.
struct ScreenOutput {
    var cursor: CursorPlacement?
    var links: [LinkRegion] = []
    /// Where the screen's list was drawn (mouse clicks select and open its items), nil without one.
    var list: ListRegion?
}

/// What `Draw.list` returns: the selection's cursor and where the items are.
struct DrawnList {
    var cursor: CursorPlacement?
    var region: ListRegion?
}

/// Shorthands for building tables.
extension KeyBinding where Intent == ShopIntent {
    static func key(
        _ keys: [Key], _ label: String, _ help: String, footer: Bool = true, priority: Int? = nil,
        _ intent: ShopIntent
    ) -> KeyBinding<ShopIntent> {
        KeyBinding(keys: keys, label: label, help: help, inFooter: footer, priority: priority, intent: intent)
    }

    /// ↑/↓ (and k/j) move the selection, PgUp/PgDn by a page, Home/End (and g/G unless `jumpLetters` is false:
    /// the screen uses them) to the first and last item.
    static func moveKeys(_ what: String = "Move the selection", jumpLetters: Bool = true) -> [KeyBinding<ShopIntent>] {
        [
            .key([.up, .char("k")], "up", what + " up", footer: false, .send(.moveSelection(by: -1))),
            .key([.down, .char("j")], "down", what + " down", footer: false, .send(.moveSelection(by: 1))),
            .key([.pageUp], "pgup", "A page up", footer: false, .list(.pageUp)),
            .key([.pageDown], "pgdn", "A page down", footer: false, .list(.pageDown)),
            .key(jumpLetters ? [.home, .char("g")] : [.home], "top", "Jump to the first", footer: false, .list(.top)),
            .key(
                jumpLetters ? [.end, .char("G")] : [.end], "bottom", "Jump to the last", footer: false, .list(.bottom)),
        ]
    }
}
