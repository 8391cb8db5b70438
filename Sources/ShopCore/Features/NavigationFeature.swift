import StorefrontAPI

/// The route stack, the list selection of the screen shown, Enter, and text inputs.
extension Reducer {
    static func navigate(_ state: inout State, to route: Route, _ environment: ShopEnvironment) -> Effect {
        if route.requiresSignIn && !state.isSignedIn {
            state.auth.afterLogin = route
            return navigate(&state, to: .login, environment)
        }
        let left = show(&state, route, environment)
        return .merge(left, enter(&state, route, environment))
    }

    /// The most screens the back stack holds; beyond it the oldest above the root are dropped.
    static let routeLimit = 32

    /// Puts `route` on top of the stack the way lazygit and tig do: a screen already in the stack is popped
    /// back to (what was under it stays, so the catalog at the root returns to the root), any other screen is
    /// pushed, and a stack over ``routeLimit`` loses its oldest screens above the root. Returns what leaving
    /// the popped screens does.
    static func show(_ state: inout State, _ route: Route, _ environment: ShopEnvironment) -> Effect {
        if let index = state.route.firstIndex(of: route) {
            return popAbove(&state, index, environment)
        }
        state.route.append(route)
        if state.route.count > routeLimit {
            state.route.removeSubrange(1...(state.route.count - routeLimit))
        }
        return .none
    }

    /// Leaves every screen above `index`, top first.
    static func popAbove(_ state: inout State, _ index: Int, _ environment: ShopEnvironment) -> Effect {
        var effects: [Effect] = []
        while state.route.count > index + 1 {
            effects.append(leave(&state, state.route.removeLast(), environment))
        }
        return .merge(effects)
    }

    /// What showing a screen loads.
    static func enter(_ state: inout State, _ route: Route, _ environment: ShopEnvironment) -> Effect {
        switch route {
        case .catalog:
            return .none
        case .product(let id):
            return reduceProduct(&state, .view(.open(id: id)), environment)
        case .cart:
            state.cart.selectedIndex = clampIndex(state.cart.selectedIndex, count: state.cart.lines.count)
            // Every change made here answers the whole cart, so a cart read before is current unless stale.
            guard !state.cart.isLoaded || state.cart.isStale else { return .none }
            return loadCart(&state, environment)
        case .wishlist:
            return reduceWishlist(&state, .view(.load), environment)
        case .coupons:
            prefillBalances(&state)
            return .merge(reduceCoupons(&state, .view(.load), environment), loadLoyalty(&state, environment))
        case .login:
            state.auth.message = nil
            return .none
        case .forgotPassword:
            if state.form[.resetIdentifier].isEmpty { state.form.set(.resetIdentifier, state.form[.loginIdentifier]) }
            return .none
        case .otp, .register, .changePassword, .resetPassword, .addressForm, .payment:
            return .none
        case .account:
            return .merge(loadUser(&state, environment), loadLoyalty(&state, environment))
        case .profile:
            return reduceAccount(&state, .view(.editProfile), environment)
        case .notifications:
            return reduceAccount(&state, .view(.loadPreferences), environment)
        case .checkout(let step):
            return step == .address ? loadAddresses(&state, environment) : .none
        case .orders:
            return reduceOrders(&state, .view(.load), environment)
        case .orderDetail(let number):
            return reduceOrders(&state, .view(.open(orderNumber: number)), environment)
        }
    }

    /// The credit field starts at the most that may be used (the balance, no more than is to be paid), so that
    /// nobody has to guess; the points field waits for the loyalty answer (``prefillPoints(_:)``).
    static func prefillBalances(_ state: inout State) {
        if state.form[.creditAmount].isEmpty, let credit = state.maxCreditToUse, credit > .zero {
            state.form.set(.creditAmount, credit.plainMajor)
        }
    }

    static func back(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        if state.account.confirmingDeactivation || state.account.confirmingLogout {
            state.account.confirmingDeactivation = false
            state.account.confirmingLogout = false
            return .none
        }
        if state.orders.confirmingCancel {
            state.orders.confirmingCancel = false
            return .none
        }
        guard state.route.count > 1 else { return .none }
        return leave(&state, state.route.removeLast(), environment)
    }

    /// What leaving a screen (taken off the stack) stops or forgets.
    static func leave(_ state: inout State, _ leaving: Route, _ environment: ShopEnvironment) -> Effect {
        switch leaving {
        case .payment where state.payment.phase == .awaiting:
            return reducePayment(&state, .view(.stopPolling), environment)
        case .otp, .resetPassword:
            state.form.clearSecrets()
            state.auth.resendCooldown = 0
            return .cancel(.otpCooldown)
        case .login, .register:
            state.form.clearSecrets()
            return .none
        case .catalog, .product, .cart, .wishlist, .coupons, .account, .profile, .notifications, .changePassword,
            .forgotPassword, .checkout, .addressForm, .payment, .orders, .orderDetail:
            return .none
        }
    }

    static func moveSelection(_ state: inout State, by delta: Int, _ environment: ShopEnvironment) -> Effect {
        func moved(_ index: Int, _ count: Int) -> Int { clampIndex(index + delta, count: count) }
        switch state.currentRoute {
        case .catalog:
            if !state.form[.searchQuery].isEmpty {
                state.catalog.selectedIndex = moved(state.catalog.selectedIndex, state.catalog.results.count)
                return .none
            }
            let count = state.catalog.products.count
            guard count > 0 else { return .none }
            state.catalog.selectedIndex = moved(state.catalog.selectedIndex, count)
            // Near the end of what is loaded: fetch the next page (a saved copy waits for the store's first page).
            if state.catalog.selectedIndex >= count - 5, !state.catalog.showsSavedCopy {
                return loadProducts(&state, environment)
            }
        case .product:
            state.product.selectedVariantIndex = moved(state.product.selectedVariantIndex, state.product.variants.count)
            state.product.quantity = state.product.minQuantity
        case .cart:
            state.cart.selectedIndex = moved(state.cart.selectedIndex, state.cart.lines.count)
        case .wishlist:
            state.wishlist.selectedIndex = moved(state.wishlist.selectedIndex, state.wishlist.items.count)
        case .coupons:
            state.coupons.selectedIndex = moved(state.coupons.selectedIndex, state.coupons.all.count)
        case .checkout(.address):
            state.checkout.selectedAddressIndex = moved(
                state.checkout.selectedAddressIndex, state.checkout.addresses.count)
        case .checkout(.delivery):
            state.checkout.selectedDeliveryIndex = moved(
                state.checkout.selectedDeliveryIndex, state.checkout.deliveryChoiceCount)
        case .orders:
            state.orders.selectedIndex = moved(state.orders.selectedIndex, state.orders.orders.count)
            if state.orders.selectedIndex >= state.orders.orders.count - 3, state.orders.nextPage != nil,
                !state.orders.orders.isEmpty
            {
                return reduceOrders(&state, .view(.loadMore), environment)
            }
        case .notifications:
            state.account.preferenceIndex = movedInGrid(state.account.preferenceIndex, by: delta)
        case .login:
            let channels = OTPChannel.allCases
            let index = channels.firstIndex(of: state.auth.channel) ?? 0
            chooseChannel(&state, channels[(index + delta % channels.count + channels.count) % channels.count])
        case .checkout(.business), .checkout(.review), .otp, .register, .account, .profile, .changePassword,
            .forgotPassword, .resetPassword, .addressForm, .payment, .orderDetail:
            break
        }
        return .none
    }

    /// The notification grid (a row per topic, a column per medium): a move by whole rows (a multiple of the
    /// columns) goes up or down its column, any other move along its row; neither leaves the grid or wraps.
    static func movedInGrid(_ index: Int, by delta: Int) -> Int {
        let columns = NotificationMedium.allCases.count
        let rows = NotificationTopic.allCases.count
        let (row, column) = (index / columns, index % columns)
        if delta % columns == 0 {
            return min(max(0, row + delta / columns), rows - 1) * columns + column
        }
        return row * columns + min(max(0, column + delta), columns - 1)
    }

    /// Enter: the obvious thing on each screen.
    /// Enter on the screen shown: what it means there (one action), sent through the reducer so that
    /// read-only mode sees it like any other intent.
    static func select(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        guard let action = selectAction(state) else { return .none }
        return reduceAction(&state, action, environment)
    }

    /// What Enter means on the screen shown, nil where it does nothing.
    static func selectAction(_ state: State) -> Action? {
        switch state.currentRoute {
        case .catalog:
            let id: String?
            if !state.form[.searchQuery].isEmpty {
                id = state.catalog.selectedResult?.productId
            } else {
                id = state.catalog.selectedProduct?.id
            }
            return id.map { .navigate(.product(id: $0)) }
        case .product: return .product(.view(.addToCart))
        case .cart: return .checkout(.view(.start))
        case .wishlist: return .wishlist(.view(.moveSelectedToCart))
        case .coupons: return .coupons(.view(state.entersTypedCoupon ? .applyTyped : .applySelected))
        case .login: return .session(.view(state.auth.usePassword ? .loginWithPassword : .requestOTP))
        case .otp: return .session(.view(.submitOTP))
        case .register: return .session(.view(.submitRegistration))
        case .checkout(.address): return .checkout(.view(.chooseAddress))
        case .checkout(.business): return .checkout(.view(.submitBusiness))
        case .checkout(.delivery): return .checkout(.view(.chooseDelivery))
        case .checkout(.review): return .checkout(.view(.placeOrder))
        case .addressForm: return .checkout(.view(.saveAddress))
        case .payment:
            switch state.payment.phase {
            case .failed, .setupFailed: return .payment(.view(.retry))
            case .timedOut, .stopped: return .payment(.view(.checkAgain))
            case .paid: return .payment(.view(.done))
            default: return nil
            }
        case .orders:
            return state.orders.selectedOrder.map { .navigate(.orderDetail(orderNumber: $0.orderNumber)) }
        case .profile: return .account(.view(.saveProfile))
        case .notifications: return .account(.view(.toggleSelectedPreference))
        case .changePassword: return .account(.view(.changePassword))
        case .forgotPassword: return .account(.view(.forgotPassword))
        case .resetPassword: return .account(.view(.submitReset))
        case .account:
            if state.account.confirmingLogout { return .session(.view(.logout)) }
            return state.account.confirmingDeactivation ? .account(.view(.confirmDeactivation)) : nil
        case .orderDetail: return state.orders.confirmingCancel ? .orders(.view(.confirmCancel)) : nil
        }
    }

    static func fieldChanged(_ state: inout State, _ field: Field, _ environment: ShopEnvironment) -> Effect {
        switch field {
        case .searchQuery: searchChanged(&state, environment)
        case .addressPincode: pincodeTyped(&state, environment)
        default: .none
        }
    }
}
