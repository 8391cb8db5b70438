import StorefrontAPI

/// The cart. Mutations run one at a time: quantities show at once (optimistic), the newest quantity asked for a
/// line is the one sent, an answer that is not the one in flight is ignored, and a failure rolls the line back.
extension Reducer {
    static func reduceCart(_ state: inout State, _ action: CartAction, _ environment: ShopEnvironment) -> Effect {
        switch action {
        case .view(.load):
            return loadCart(&state, environment)

        case .view(.markStale):
            state.cart.isStale = true
            // On the cart screen the user is looking at it: read it now.
            return state.currentRoute == .cart ? loadCart(&state, environment) : .none

        case .response(.loaded(let cart)):
            // A mutation in flight will answer a newer cart; keep what it will say.
            guard state.cart.inFlight == nil else { return .none }
            state.inFlight.remove(.cart)
            state.cart.server = cart
            state.cart.isLoaded = true
            state.cart.isStale = false
            prunePending(&state.cart)
            state.cart.selectedIndex = clampIndex(state.cart.selectedIndex, count: state.cart.lines.count)
            if state.isSignedIn, state.auth.afterLogin == .checkout(.address) {
                state.auth.afterLogin = nil
                // "Signed in as …" goes with checkout resuming: it belongs to that screen.
                state.ui.noticeFollowsMove = true
                return tellParent(&state, .cart(.delegate(.readyForCheckout)), environment)
            }
            return .none

        case .response(.loadFailed(let error)):
            state.cart.isStale = true
            return fail(&state, error, .cart, environment)

        case .view(.setQuantity(let line, let quantity, let preview)):
            let quantity = max(0, quantity)
            let previous = state.cart.pending[line]
            state.cart.pending[line] = PendingLine(quantity: quantity, preview: preview ?? previous?.preview)
            if state.cart.inFlight == nil, state.cart.server?.line(line)?.quantity ?? 0 == quantity {
                state.cart.pending[line] = nil
            }
            state.cart.selectedIndex = clampIndex(state.cart.selectedIndex, count: state.cart.lines.count)
            return pumpCart(&state, environment)

        case .view(.incrementSelected), .view(.decrementSelected):
            guard let line = state.cart.selectedLine?.item else { return .none }
            let step = max(1, line.incrementalQuantity ?? 1)
            var quantity = line.quantity + (action == .view(.incrementSelected) ? step : -step)
            if let max = line.maxOrderQuantity, max > 0, quantity > max {
                showInfo(&state, "Only \(max) can be ordered.")
                quantity = max
            }
            if action == .view(.decrementSelected), let min = line.minOrderQuantity, quantity < min { quantity = 0 }
            if quantity <= 0 { return removeLine(&state, line, environment) }
            return reduceCart(&state, .view(.setQuantity(line.lineID, quantity, preview: nil)), environment)

        case .view(.removeSelected):
            guard let line = state.cart.selectedLine?.item else { return .none }
            return removeLine(&state, line, environment)

        case .view(.undoRemove):
            guard let removed = state.cart.lastRemoved else { return .none }
            state.cart.lastRemoved = nil
            guard state.cart.quantity(of: removed.item.lineID) == 0 else { return .none }
            showInfo(&state, "Put \(removed.name) back.")
            return reduceCart(
                &state, .view(.setQuantity(removed.item.lineID, removed.quantity, preview: removed.item)), environment)

        case .view(.moveSelectedToWishlist):
            guard let line = state.cart.selectedLine?.item else { return .none }
            return reduceCart(&state, .view(.moveToWishlist(line.lineID)), environment)

        case .view(.moveToWishlist(let line)):
            state.inFlight.insert(.wishlist)
            return call(nil, environment) { api in
                .cart(.response(.movedToWishlist(line, try await api.addToWishlist(line))))
            } failure: {
                .cart(.response(.moveToWishlistFailed(line, $0)))
            }

        case .response(.movedToWishlist(let line, let items)):
            state.inFlight.remove(.wishlist)
            state.wishlist.items = items
            state.wishlist.isLoaded = true
            showSuccess(&state, "Moved to the wishlist.")
            return reduceCart(&state, .view(.setQuantity(line, 0, preview: nil)), environment)

        case .response(.moveToWishlistFailed(_, let error)):
            return fail(&state, error, .wishlist, environment)

        case .view(.applyGiftCard):
            let code = state.form.trimmed(.giftCardCode)
            guard !code.isEmpty else {
                showError(&state, "Enter a gift card code.")
                return .none
            }
            return enqueue(&state, .applyGiftCard(code), environment)

        case .view(.removeGiftCard):
            return enqueue(&state, .removeGiftCard, environment)

        case .view(.redeemLoyaltyPoints):
            guard let points = Int(state.form.trimmed(.loyaltyPoints)), points > 0 else {
                showError(&state, "Enter the number of points to redeem.")
                return .none
            }
            return enqueue(&state, .redeemLoyaltyPoints(points), environment)

        case .view(.removeLoyaltyPoints):
            return enqueue(&state, .removeLoyaltyPoints, environment)

        case .view(.redeemCreditBalance):
            guard let amount = Money(major: state.form.trimmed(.creditAmount)), amount > .zero else {
                showError(&state, "Enter an amount such as 150.00.")
                return .none
            }
            return enqueue(&state, .redeemCreditBalance(amount), environment)

        case .view(.removeCreditBalance):
            return enqueue(&state, .removeCreditBalance, environment)

        case .response(.mutationSucceeded(let sequence, let cart)):
            guard let request = state.cart.inFlight, request.sequence == sequence else { return .none }
            state.cart.inFlight = nil
            state.inFlight.remove(.cart)
            state.cart.server = cart
            state.cart.isLoaded = true
            state.cart.isStale = false
            if case .setQuantity(let line, let quantity) = request.command,
                state.cart.pending[line]?.quantity == quantity
            {
                state.cart.pending[line] = nil
            }
            prunePending(&state.cart)
            state.cart.selectedIndex = clampIndex(state.cart.selectedIndex, count: state.cart.lines.count)
            let followUp = cartCommandSucceeded(&state, request.command, cart, environment)
            return .merge(followUp, pumpCart(&state, environment))

        case .response(.mutationFailed(let sequence, let failure)):
            guard let request = state.cart.inFlight, request.sequence == sequence else { return .none }
            state.cart.inFlight = nil
            state.inFlight.remove(.cart)
            // No answer (or a 5xx): the change may have been made; the next opening of the cart reads it.
            if failure.outcomeUnknown { state.cart.isStale = true }
            let followUp = cartCommandFailed(&state, request.command, failure, environment)
            return .merge(followUp, pumpCart(&state, environment))

        case .delegate:
            return .none
        }
    }

    /// Removes a line, keeping it for `u` (undo) and saying so.
    static func removeLine(_ state: inout State, _ item: CartItem, _ environment: ShopEnvironment) -> Effect {
        let removed = RemovedLine(item: item, quantity: item.quantity)
        state.cart.lastRemoved = removed
        showInfo(&state, "Removed \(removed.name). u undo")
        return reduceCart(&state, .view(.setQuantity(item.lineID, 0, preview: nil)), environment)
    }

    static func loadCart(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        guard state.session.claims != nil else { return .none }
        state.inFlight.insert(.cart)
        let owner = state.readOnly?.cartOwner
        return call(.cartLoad, environment) { api in
            .cart(.response(.loaded(try await api.userCart(userID: owner))))
        } failure: {
            .cart(.response(.loadFailed($0)))
        }
    }

    static func enqueue(_ state: inout State, _ command: CartCommand, _ environment: ShopEnvironment) -> Effect {
        if state.cart.queue.last != command { state.cart.queue.append(command) }
        return pumpCart(&state, environment)
    }

    /// Drops pending quantities the server already shows.
    static func prunePending(_ cart: inout CartState) {
        guard cart.inFlight == nil else { return }
        for (line, pending) in cart.pending where (cart.server?.line(line)?.quantity ?? 0) == pending.quantity {
            cart.pending[line] = nil
        }
    }

    /// Starts the next mutation if none is in flight: queued commands first, then the oldest pending line.
    static func pumpCart(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        guard state.cart.inFlight == nil else { return .none }
        let command: CartCommand
        if !state.cart.queue.isEmpty {
            command = state.cart.queue.removeFirst()
        } else if let (line, pending) = state.cart.pending.sorted(by: { $0.key < $1.key }).first(where: {
            (state.cart.server?.line($0.key)?.quantity ?? 0) != $0.value.quantity
        }) {
            command = .setQuantity(line, pending.quantity)
        } else {
            return .none
        }
        let cartID = state.cart.server?.id
        if cartID == nil {
            switch command {
            case .setQuantity(_, let quantity) where quantity > 0:
                break
            case .setQuantity(let line, _):
                state.cart.pending[line] = nil
                return pumpCart(&state, environment)
            default:
                showError(&state, "Your cart is empty.")
                return pumpCart(&state, environment)
            }
        }
        state.cart.sequence += 1
        let sequence = state.cart.sequence
        state.cart.inFlight = CartRequest(sequence: sequence, command: command)
        state.inFlight.insert(.cart)
        return call(.cartMutation, environment) { api in
            .cart(.response(.mutationSucceeded(sequence: sequence, try await perform(command, cartID: cartID, api))))
        } failure: {
            .cart(.response(.mutationFailed(sequence: sequence, $0)))
        }
    }

    static func perform(_ command: CartCommand, cartID: String?, _ api: ShopAPI) async throws -> Cart {
        guard let cartID else {
            guard case .setQuantity(let line, let quantity) = command else {
                throw APIError.http(
                    status: 404, code: "NOT_FOUND", message: "Your cart is empty.", details: [])
            }
            return try await api.createCart(items: [
                CartItemUpdate(productId: line.productId, variantId: line.variantId, quantity: quantity)
            ])
        }
        switch command {
        case .setQuantity(let line, let quantity):
            return try await api.setItem(
                cartID: cartID, CartItemUpdate(productId: line.productId, variantId: line.variantId, quantity: quantity)
            )
        case .applyCoupon(let code): return try await api.applyCoupon(cartID: cartID, code: code)
        case .removeCoupon: return try await api.removeCoupon(cartID: cartID)
        case .applyGiftCard(let code): return try await api.redeemGiftCard(cartID: cartID, code: code)
        case .removeGiftCard: return try await api.removeGiftCard(cartID: cartID)
        case .redeemLoyaltyPoints(let points): return try await api.redeemLoyaltyPoints(cartID: cartID, points: points)
        case .removeLoyaltyPoints: return try await api.removeLoyaltyPoints(cartID: cartID)
        case .redeemCreditBalance(let amount): return try await api.redeemCreditBalance(cartID: cartID, amount: amount)
        case .removeCreditBalance: return try await api.removeCreditBalance(cartID: cartID)
        case .setAddresses(let billing, let shipping):
            return try await api.setAddress(
                cartID: cartID, .saved(billingAddressId: billing, shippingAddressId: shipping))
        case .setDelivery(let method, let courier, let shipment):
            return try await api.setFulfillmentPreference(
                cartID: cartID, .delivery(methodID: method, courierID: courier, shipmentID: shipment))
        case .setPickup(let storeID):
            return try await api.setFulfillmentPreference(cartID: cartID, .collect(storeID: storeID))
        }
    }

    static func cartCommandSucceeded(
        _ state: inout State, _ command: CartCommand, _ cart: Cart, _ environment: ShopEnvironment
    ) -> Effect {
        switch command {
        case .setQuantity(let line, _):
            return tellParent(&state, .cart(.delegate(.lineSettled(line, failure: nil))), environment)
        case .applyCoupon(let code):
            state.coupons.rejection = nil
            state.coupons.rejectedCode = nil
            state.form[.couponCode] = ""
            showSuccess(&state, "Coupon \(code) applied: you save \(cart.couponDiscountAmount.formatted()).")
            return tellParent(&state, .cart(.delegate(.couponChanged)), environment)
        case .removeCoupon:
            showInfo(&state, "Coupon removed.")
            return tellParent(&state, .cart(.delegate(.couponChanged)), environment)
        case .applyGiftCard:
            state.form[.giftCardCode] = ""
            showSuccess(&state, "Gift card applied: \(cart.giftCardAmount.formatted()).")
        case .removeGiftCard:
            showInfo(&state, "Gift card removed.")
        case .redeemLoyaltyPoints(let points):
            state.form[.loyaltyPoints] = ""
            // What the cart took: a store may take fewer than asked (no more than is left to pay).
            let taken = cart.loyaltyPointsRedeemed
            showSuccess(
                &state,
                taken > 0 && taken < points
                    ? "\(taken) loyalty points redeemed, the most this cart can take (\(points) asked)."
                    : "\(points) loyalty points redeemed.")
        case .removeLoyaltyPoints:
            showInfo(&state, "Loyalty points removed.")
        case .redeemCreditBalance:
            state.form[.creditAmount] = ""
            showSuccess(&state, "Credit balance used: \(cart.creditBalanceUsed.formatted()).")
        case .removeCreditBalance:
            showInfo(&state, "Credit balance removed.")
        case .setAddresses:
            return tellParent(&state, .cart(.delegate(.addressesSet)), environment)
        case .setDelivery, .setPickup:
            return tellParent(&state, .cart(.delegate(.deliverySet)), environment)
        }
        return .none
    }

    static func cartCommandFailed(
        _ state: inout State, _ command: CartCommand, _ failure: APIError, _ environment: ShopEnvironment
    ) -> Effect {
        if failure == .signedOut || failure == .cancelled { return fail(&state, failure, nil, environment) }
        switch command {
        case .setQuantity where failure.status == 404 && state.cart.server != nil:
            // The cart expired or was deleted: start a new one with what was asked for.
            state.cart.server = nil
            showInfo(&state, "Your cart had expired; starting a new one.")
        case .setQuantity(let line, _):
            // Roll the line back to what the server says.
            let name = state.cart.pending[line]?.preview?.displayName ?? state.cart.server?.line(line)?.displayName
            state.cart.pending[line] = nil
            state.cart.selectedIndex = clampIndex(state.cart.selectedIndex, count: state.cart.lines.count)
            let what = name.flatMap { $0.isEmpty ? nil : $0 } ?? "the item"
            showError(&state, "Could not update \(what): \(failure.message)")
            return tellParent(&state, .cart(.delegate(.lineSettled(line, failure: failure))), environment)
        case .applyCoupon(let code):
            state.coupons.rejection = failure.message
            // Refused (not merely unanswered): Enter no longer sends it again while a coupon is highlighted.
            if !failure.isTransient { state.coupons.rejectedCode = code }
            showError(&state, "Coupon \(code) was not applied: \(failure.message)")
        case .applyGiftCard:
            showError(&state, "Gift card not applied: \(failure.message)")
        case .redeemLoyaltyPoints:
            showError(&state, "Points not redeemed: \(failure.message)")
        case .redeemCreditBalance:
            showError(&state, "Credit balance not used: \(failure.message)")
        case .setAddresses:
            state.inFlight.remove(.addresses)
            showError(&state, "Could not use that address: \(failure.message)")
        case .setDelivery:
            state.inFlight.remove(.delivery)
            showError(&state, "Could not choose that delivery option: \(failure.message)")
        case .setPickup:
            state.inFlight.remove(.delivery)
            state.checkout.pickupStoreID = nil
            showError(&state, "Could not choose that store: \(failure.message)")
        case .removeCoupon, .removeGiftCard, .removeLoyaltyPoints, .removeCreditBalance:
            showError(&state, failure.message)
        }
        return .none
    }
}
