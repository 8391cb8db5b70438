import StorefrontAPI

/// The pure reducer: `(inout State, Action) -> Effect`. It decides; effects do.
///
/// Each feature has its own folder (`Session/`, `Cart/`...: its reducer, its actions, its state); this one
/// dispatches, routes what features tell their parent (`DelegateRouting.swift`) and holds what they share.
public enum Reducer {
    public static func reduce(into state: inout State, action: Action, environment: ShopEnvironment) -> Effect {
        let route = state.currentRoute
        let notice = state.notice
        let effect = reduceAction(&state, action, environment)
        settle(&state, routeBefore: route, noticeBefore: notice)
        return effect
    }

    static func reduceAction(_ state: inout State, _ action: Action, _ environment: ShopEnvironment) -> Effect {
        if refusedAsReadOnly(&state, action) { return .none }
        // A notice belongs to the action that raised it: the next thing the user does replaces it.
        if startsAnew(action, in: state) { state.notice = nil }
        switch action {
        case .appStarted:
            return startSession(&state, environment)
        case .moveSelection(let delta):
            return moveSelection(&state, by: delta, environment)
        case .select:
            return select(&state, environment)
        case .edit(let field, let edit):
            state.form.apply(edit, to: field)
            return fieldChanged(&state, field, environment)
        case .setField(let field, let text):
            state.form.set(field, text)
            return fieldChanged(&state, field, environment)
        case .dismissNotice:
            state.notice = nil
            return .none
        case .navigate(let route):
            return navigate(&state, to: route, environment)
        case .back:
            return back(&state, environment)
        // What a feature tells its parent: routed to the feature that acts on it.
        case .session(.delegate), .product(.delegate), .cart(.delegate), .wishlist(.delegate), .payment(.delegate):
            return route(&state, action, environment)
        case .session(let action):
            return reduceSession(&state, action, environment)
        case .catalog(let action):
            return reduceCatalog(&state, action, environment)
        case .product(let action):
            return reduceProduct(&state, action, environment)
        case .cart(let action):
            return reduceCart(&state, action, environment)
        case .wishlist(let action):
            return reduceWishlist(&state, action, environment)
        case .coupons(let action):
            return reduceCoupons(&state, action, environment)
        case .checkout(let action):
            return reduceCheckout(&state, action, environment)
        case .payment(let action):
            return reducePayment(&state, action, environment)
        case .orders(let action):
            return reduceOrders(&state, action, environment)
        case .account(let action):
            return reduceAccount(&state, action, environment)
        case .ui(let action):
            return reduceUI(&state, action, environment)
        }
    }

    // MARK: Shared

    /// True for what the user does (moves, Enter, screens, changes), after which the notice of an earlier
    /// action no longer applies; false for typing and for the answers of effects, which raise their own.
    static func startsAnew(_ action: Action, in state: State) -> Bool {
        switch action {
        case .moveSelection, .select, .navigate, .back:
            return true
        case .appStarted, .edit, .setField, .dismissNotice, .ui:
            return false
        case .product(.view(.selectVariant)), .product(.view(.changeQuantity)), .cart(.view(.load)),
            .catalog(.view(.chooseCategory)),
            .payment(.view(.toggleDetail)), .payment(.view(.stopPolling)), .payment(.view(.checkAgain)),
            .payment(.view(.done)),
            .session(.view(.chooseChannel)), .session(.view(.togglePasswordLogin)), .session(.view(.cancelLogout)),
            .account(.view(.cancelDeactivation)):
            return true
        default:
            return mutation(action, in: state) != nil
        }
    }

    /// An effect that makes one or more calls and answers one action; an error becomes `failure(error)`.
    static func call(
        _ id: EffectID?, _ environment: ShopEnvironment,
        _ work: @escaping @Sendable (ShopAPI) async throws -> Action,
        failure: @escaping @Sendable (APIError) -> Action
    ) -> Effect {
        let api = environment.api
        return .run(id: id) { send in
            do {
                let action = try await work(api)
                await send(action)
            } catch {
                await send(failure(apiError(error)))
            }
        }
    }

    static func apiError(_ error: any Error) -> APIError {
        if let error = error as? APIError { return error }
        if error is CancellationError { return .cancelled }
        return .network("\(error)")
    }

    /// What every failure does: stop the spinner, show the message, and on an expired session start anew.
    static func fail(
        _ state: inout State, _ error: APIError, _ activity: Activity?, _ environment: ShopEnvironment
    ) -> Effect {
        if let activity { state.inFlight.remove(activity) }
        switch error {
        case .cancelled:
            return .none
        case .signedOut:
            return sessionExpired(&state, environment)
        default:
            state.notice = Notice(.error, error.message)
            return .none
        }
    }

    static func sessionExpired(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        state.notice = Notice(.error, APIError.signedOut.message)
        state.user = nil
        state.inFlight.insert(.session)
        return call(.session, environment) { api in
            .session(.response(.expired(try await api.session())))
        } failure: {
            .session(.response(.startFailed($0)))
        }
    }

    static func clampIndex(_ index: Int, count: Int) -> Int {
        min(max(0, index), max(0, count - 1))
    }

    static func showInfo(_ state: inout State, _ text: String) {
        state.notice = Notice(.info, text)
    }

    static func showSuccess(_ state: inout State, _ text: String) {
        state.notice = Notice(.success, text)
    }

    static func showError(_ state: inout State, _ text: String) {
        state.notice = Notice(.error, text)
    }
}
