/// Typing focus, Enter in a field, the `?` help, and what every key's stamp does (idle, the flash).
extension Reducer {
    static func reduceUI(_ state: inout State, _ action: UIAction, _ environment: ShopEnvironment) -> Effect {
        switch action {
        case .focus(let field):
            state.ui.typing = Typing(route: state.currentRoute, field: field)
        case .nextField, .previousField:
            let fields = state.formFields
            guard let field = state.focus, let index = fields.firstIndex(of: field) else { return .none }
            let step = action == .nextField ? 1 : fields.count - 1
            state.ui.typing = Typing(route: state.currentRoute, field: fields[(index + step) % fields.count])
        case .submitField:
            return submitField(&state, environment)
        case .stopTyping:
            state.ui.typing = Typing(route: state.currentRoute, field: nil)
        case .help(.open):
            state.ui.help = HelpState()
        case .help(.close):
            state.ui.help = nil
        case .help(let help):
            state.ui.help?.apply(help)
        case .keyPressed(let now):
            state.ui.flash = nil
            defer { state.ui.lastKeyAt = now }
            // After a long while away the cart may have been changed elsewhere (another window, the kiosk's `add`).
            if let last = state.ui.lastKeyAt, now - last >= environment.policy.idleMarksCartStale {
                return reduceCart(&state, .view(.markStale), environment)
            }
        case .linkCopied:
            state.ui.flash = Flash("Link copied.", link: state.payment.link)
        case .cannotCopy:
            state.ui.flash = Flash("This terminal cannot copy for us (no OSC 52): select the link's row instead.")
        }
        return .none
    }

    /// Enter while typing: an optional field (a search, a code) stops typing and applies what was typed; a
    /// form's field does what Enter does on its screen (``selectAction(_:)``).
    static func submitField(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        guard let field = state.focus else { return .none }
        let then: Action?
        switch field {
        case .searchQuery: then = nil
        case .couponCode: then = .coupons(.view(.applyTyped))
        case .giftCardCode: then = .cart(.view(.applyGiftCard))
        case .loyaltyPoints: then = .cart(.view(.redeemLoyaltyPoints))
        case .creditAmount: then = .cart(.view(.redeemCreditBalance))
        default: return reduceAction(&state, .select, environment)
        }
        state.ui.typing = Typing(route: state.currentRoute, field: nil)
        return then.map { reduceAction(&state, $0, environment) } ?? .none
    }

    /// What follows from any action: a notice belongs to the screen where it appeared (leaving that screen
    /// dismisses it, unless the move raised it: "Signed in as …" when checkout resumes), typing starts afresh
    /// on another screen or a form that changed under the cursor, and "Link copied." goes with its link.
    static func settle(_ state: inout State, routeBefore: Route, noticeBefore: Notice?) {
        if state.currentRoute != routeBefore {
            if state.notice != nil, state.notice == noticeBefore, !state.ui.noticeFollowsMove { state.notice = nil }
            state.ui.typing = nil
        }
        state.ui.noticeFollowsMove = false
        if let field = state.ui.typing?.field {
            let fields = state.formFields
            if !fields.isEmpty, !fields.contains(field) { state.ui.typing = nil }
        }
        if let link = state.ui.flash?.link, state.payment.link != link { state.ui.flash = nil }
    }
}
