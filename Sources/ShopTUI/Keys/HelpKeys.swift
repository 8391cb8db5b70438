import ShopCore

/// What a key means while the `?` help is shown: arrows, k/j, PgUp/PgDn, Home/End and the wheel scroll; `/`
/// starts a filter (typed keys go to it; enter keeps it, esc drops it); esc, `?`, `q`, F1 and enter close;
/// ctrl-c quits. The help itself (``HelpState``) is the store's or the replay view's.
enum HelpKeys {
    enum Outcome: Equatable {
        case help(HelpAction)
        case quit
        /// The key does nothing here.
        case none
    }

    /// `page`: what the last frame of the help drew.
    static func outcome(of key: Key, in help: HelpState, page: HelpPage) -> Outcome {
        if key == .ctrl("c") { return .quit }
        if help.isFiltering {
            switch key {
            case .char(let c): return .help(.editFilter(.insert(String(c))))
            case .paste(let text): return .help(.editFilter(.insert(text)))
            case .backspace, .ctrl("h"): return .help(.editFilter(.backspace))
            case .ctrl("u"): return .help(.editFilter(.clear))
            case .enter: return .help(.keepFilter)
            case .escape: return .help(.dropFilter)
            default: return scroll(key, page)
            }
        }
        switch key {
        case .escape where !help.filter.isEmpty: return .help(.dropFilter)
        case .escape, .char("?"), .char("q"), .function(1), .enter: return .help(.close)
        case .char("/"): return .help(.startFilter)
        default: return scroll(key, page)
        }
    }

    private static func scroll(_ key: Key, _ page: HelpPage) -> Outcome {
        let scroll: HelpScroll
        switch key {
        case .up, .char("k"): scroll = .lines(-1)
        case .down, .char("j"): scroll = .lines(1)
        case .pageUp: scroll = .pages(-1)
        case .pageDown: scroll = .pages(1)
        case .home, .char("g"): scroll = .top
        case .end, .char("G"): scroll = .bottom
        case .mouse(let e) where e.kind == .wheelUp: scroll = .lines(-3)
        case .mouse(let e) where e.kind == .wheelDown: scroll = .lines(3)
        default: return .none
        }
        return .help(.scroll(scroll, page))
    }

    /// The help held outside a store (the replay view's) after `key`: nil once closed; `.quit` for ctrl-c.
    static func handle(_ key: Key, _ help: inout HelpState?, page: HelpPage) -> ProgramCommand {
        guard let state = help else { return .continue }
        switch outcome(of: key, in: state, page: page) {
        case .quit: return .quit
        case .help(.close): help = nil
        case .help(let action): help?.apply(action)
        case .none: break
        }
        return .continue
    }
}
