/// What the screen shows besides the shop's data: the field being typed into, the `?` help, the one-off message
/// of the last key ("Link copied."), and when the last key came. In `State`, so that the reducer decides it and
/// recordings see it.
public struct UIState: Equatable, Sendable {
    /// The field chosen on the screen shown; nil: the screen's first input (none on a list). See ``State/focus``.
    public var typing: Typing?
    /// The `?` help, while it is open.
    public var help: HelpState?
    /// What the last key did, until the next key ("Link copied.").
    public var flash: Flash?
    /// When the last key came, on the environment's clock (``ShopEnvironment/now``).
    public var lastKeyAt: Duration?
    /// Set by a reducer whose move to another screen carries the notice shown (checkout resuming after the
    /// sign-in): the notice then belongs to the new screen. Cleared when the action is done.
    var noticeFollowsMove = false

    public init() {}
}

/// The field keys are typed into on `route` (nil: none, a list screen's keys work).
public struct Typing: Equatable, Sendable {
    public var route: Route
    public var field: Field?

    public init(route: Route, field: Field?) {
        self.route = route
        self.field = field
    }
}

/// A one-off message of the key just pressed; it goes at the next key, or when `link` (the payment link it is
/// about) is no longer the one shown.
public struct Flash: Equatable, Sendable {
    public var text: String
    public var link: String?

    public init(_ text: String, link: String? = nil) {
        self.text = text
        self.link = link
    }
}

/// Where the `?` help is: the line at its top and the filter typed after `/`. The help is open while
/// ``UIState/help`` holds one.
public struct HelpState: Sendable, Hashable {
    /// The index of the first line shown.
    public var offset = 0
    /// Only lines whose keys or text contain it (ignoring case) are listed.
    public var filter = ""
    /// Keys go to the filter (after `/`, until enter or esc).
    public var isFiltering = false

    public init(offset: Int = 0, filter: String = "", isFiltering: Bool = false) {
        self.offset = offset
        self.filter = filter
        self.isFiltering = isFiltering
    }

    /// The first line shown for a help of `page`: the offset kept within its lines.
    public func offset(in page: HelpPage) -> Int {
        min(max(0, offset), max(0, page.lines - page.rows))
    }

    /// What the help does with `action` (``HelpAction/open`` and ``HelpAction/close`` are the holder's).
    public mutating func apply(_ action: HelpAction) {
        switch action {
        case .open, .close:
            break
        case .scroll(let scroll, let page):
            let step = max(1, page.rows - 1)
            let from = offset(in: page)
            let to: Int
            switch scroll {
            case .lines(let n): to = from + n
            case .pages(let n): to = from + n * step
            case .top: to = 0
            case .bottom: to = page.lines
            }
            offset = min(max(0, to), max(0, page.lines - page.rows))
        case .startFilter:
            isFiltering = true
            offset = 0
        case .editFilter(let edit):
            switch edit {
            case .insert(let text): filter += text.filter { !$0.isNewline }
            case .backspace: filter = String(filter.dropLast())
            case .clear: filter = ""
            }
            // A new filter lists its matches from the top.
            offset = 0
        case .keepFilter:
            isFiltering = false
        case .dropFilter:
            isFiltering = false
            filter = ""
            offset = 0
        }
    }
}

/// What the last frame of the help drew: rows for lines, and the lines listed (scrolling stays within them).
public struct HelpPage: Codable, Sendable, Hashable {
    public var rows: Int
    public var lines: Int

    public init(rows: Int, lines: Int) {
        self.rows = rows
        self.lines = lines
    }
}

extension State {
    /// The inputs of the screen shown, in tab order.
    public var formFields: [Field] { currentRoute.formFields(usePassword: auth.usePassword) }

    /// The field keys are typed into: the one chosen on this screen, else the screen's first input.
    public var focus: Field? {
        if let typing = ui.typing, typing.route == currentRoute { return typing.field }
        return formFields.first
    }

    /// The message on the notice line of the key just pressed, if any.
    public var flash: Flash? { ui.flash }
}
