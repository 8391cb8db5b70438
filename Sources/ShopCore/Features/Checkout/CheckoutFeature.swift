import Foundation
import StorefrontAPI

/// Checkout: address (list, add, choose) → optional business details → serviceability and delivery option →
/// review → place order. An order is created at most once: after an answer-less failure it is looked up first.
extension Reducer {
    static func reduceCheckout(_ state: inout State, _ action: CheckoutAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .view(.start):
            // The order of this cart exists: show its payment (never a second order). A new cart starts afresh.
            if let order = state.checkout.order,
                state.cart.isEmpty || state.cart.server?.id == state.checkout.cartID
            {
                return showPayment(&state, order.orderNumber)
            }
            guard state.checkout.placement != .placing else { return .none }
            guard let cart = state.cart.server, !state.cart.isEmpty else {
                showError(&state, "Your cart is empty.")
                return .none
            }
            guard !state.cart.isMutating else {
                showInfo(&state, "The cart is still updating; try again in a moment.")
                return .none
            }
            guard state.isSignedIn else {
                state.auth.afterLogin = .checkout(.address)
                showInfo(&state, "Log in to check out.")
                return navigate(&state, to: .login, environment)
            }
            if state.checkout.cartID != cart.id || state.checkout.placement == .idle
                || state.checkout.placement == .placed
            {
                let addresses = state.checkout.addresses
                state.checkout = CheckoutState()
                state.checkout.addresses = addresses
            }
            state.checkout.cartID = cart.id
            state.route.removeAll(where: \.isCheckout)
            return navigate(&state, to: .checkout(.address), environment)

        case .response(.addressesLoaded(let addresses)):
            state.inFlight.remove(.addresses)
            state.checkout.addresses = addresses
            state.checkout.selectedAddressIndex =
                addresses.firstIndex { $0.isDefaultShipping == true }
                ?? clampIndex(
                    state.checkout.selectedAddressIndex, count: addresses.count)
            // Saved addresses that cannot be delivered to are marked before one is chosen.
            let checks = checkPincodes(&state, addresses.compactMap(\.pincode), environment)
            guard state.checkout.pendingChoice == .address, state.currentRoute == .checkout(.address) else {
                return checks
            }
            // Enter was pressed while the list loaded: it chooses now.
            state.checkout.pendingChoice = nil
            guard !addresses.isEmpty else { return checks }
            return .merge(checks, reduceCheckout(&state, .view(.chooseAddress), environment))

        case .response(.addressesFailed(let error)):
            return fail(&state, error, .addresses, environment)

        case .view(.chooseAddress):
            if state.checkout.addresses.isEmpty, state.inFlight.contains(.addresses) {
                state.checkout.pendingChoice = .address
                showInfo(&state, "Still loading your addresses; Enter takes the selected one when they arrive.")
                return .none
            }
            guard let address = state.checkout.selectedAddress, let id = address.id else {
                showInfo(&state, "Add an address first.")
                return .none
            }
            guard let pincode = address.pincode, pincode.count == 6 else {
                showError(&state, "That address has no valid PIN code.")
                return .none
            }
            if let check = state.checkout.pincodeChecks[pincode], check.isDeadEnd {
                showError(&state, undeliverableMessage(pincode, check) + " Choose another address.")
                return .none
            }
            state.checkout.address = address
            state.inFlight.insert(.addresses)
            return enqueue(&state, .setAddresses(billingID: id, shippingID: id), environment)

        case .view(.newAddress):
            let user = state.user
            for (field, value) in [
                (Field.addressFirstName, user?.firstName), (.addressLastName, user?.lastName),
                (.addressPhone, user?.phone), (.addressEmail, user?.email),
            ] where state.form[field].isEmpty {
                state.form.set(field, value ?? "")
            }
            return navigate(&state, to: .addressForm, environment)

        case .view(.saveAddress):
            guard !state.inFlight.contains(.saveAddress) else { return .none }
            let form = state.form
            let required: [(Field, String)] = [
                (.addressFirstName, "first name"), (.addressLine1, "address"), (.addressCity, "city"),
                (.addressState, "state"),
            ]
            if let missing = required.first(where: { form.trimmed($0.0).isEmpty }) {
                showError(&state, "Enter the \(missing.1).")
                return .none
            }
            guard form[.addressPhone].count == 10 else {
                showError(&state, "Enter a 10-digit phone number.")
                return .none
            }
            guard form[.addressPincode].count == 6 else {
                showError(&state, "Enter a 6-digit PIN code.")
                return .none
            }
            let address = Address(
                firstName: form.trimmed(.addressFirstName), lastName: nonEmpty(form.trimmed(.addressLastName)),
                phone: form[.addressPhone], email: nonEmpty(form.trimmed(.addressEmail)) ?? state.user?.email,
                addressLine1: form.trimmed(.addressLine1), addressLine2: nonEmpty(form.trimmed(.addressLine2)),
                pincode: form[.addressPincode], city: form.trimmed(.addressCity), state: form.trimmed(.addressState))
            state.inFlight.insert(.saveAddress)
            return call(.addresses, environment) { api in
                .checkout(.response(.addressSaved(try await api.createAddress(address))))
            } failure: {
                .checkout(.response(.addressFailed($0)))
            }

        case .response(.addressSaved(let address)):
            state.inFlight.remove(.saveAddress)
            state.checkout.addresses.append(address)
            state.checkout.selectedAddressIndex = state.checkout.addresses.count - 1
            for field in [
                Field.addressFirstName, .addressLastName, .addressPhone, .addressEmail, .addressLine1, .addressLine2,
                .addressPincode, .addressCity, .addressState,
            ] {
                state.form[field] = ""
            }
            if state.currentRoute == .addressForm { state.route.removeLast() }
            showSuccess(&state, "Address saved.")
            return reduceCheckout(&state, .view(.chooseAddress), environment)

        case .response(.addressFailed(let error)):
            return fail(&state, error, .saveAddress, environment)

        case .view(.skipBusiness):
            state.checkout.business = nil
            state.checkout.businessSkipped = true
            return startDelivery(&state, environment)

        case .view(.submitBusiness):
            guard !state.inFlight.contains(.business) else { return .none }
            let name = state.form.trimmed(.businessName)
            let gstin = state.form[.gstin]
            let pan = state.form[.pan]
            if name.isEmpty && gstin.isEmpty && pan.isEmpty {
                return reduceCheckout(&state, .view(.skipBusiness), environment)
            }
            guard !name.isEmpty else {
                showError(&state, "Enter the business name.")
                return .none
            }
            guard !gstin.isEmpty || !pan.isEmpty else {
                showError(&state, "Enter a GSTIN or a PAN.")
                return .none
            }
            if !gstin.isEmpty, !isValidGSTIN(gstin) {
                showError(&state, "A GSTIN has 15 characters, like 29ABCDE1234F1Z5.")
                return .none
            }
            if !pan.isEmpty, !isValidPAN(pan) {
                showError(&state, "A PAN has 10 characters, like ABCDE1234F.")
                return .none
            }
            let business = BusinessDetails(name: name, panNumber: nonEmpty(pan), gstin: nonEmpty(gstin))
            state.checkout.business = business
            state.inFlight.insert(.business)
            return call(.business, environment) { api in
                .checkout(
                    .response(
                        .businessSaved(try await api.createCustomer(CustomerCreate(business: business, address: nil)))))
            } failure: {
                .checkout(.response(.businessFailed($0)))
            }

        case .response(.businessSaved(let detail)):
            state.inFlight.remove(.business)
            if let business = detail.business { state.checkout.business = business }
            state.checkout.businessSkipped = false
            guard state.currentRoute.isCheckout else { return .none }
            return startDelivery(&state, environment)

        case .response(.businessFailed(let error)):
            return fail(&state, error, .business, environment)

        case .response(.serviceabilityChecked(let serviceability, let methods, let stores)):
            state.inFlight.remove(.delivery)
            state.checkout.serviceability = serviceability
            state.checkout.deliveryMethods = serviceability.isServiceable ? methods : []
            state.checkout.pickupStores = stores
            state.checkout.selectedDeliveryIndex = 0
            let pin = state.checkout.address?.pincode ?? ""
            let lineCount = state.cart.lines.count
            if !pin.isEmpty {
                state.checkout.pincodeChecks[pin] = pincodeCheck(serviceability, stores: stores, lineCount: lineCount)
            }
            let pending = state.checkout.pendingChoice == .delivery
            state.checkout.pendingChoice = nil
            if !serviceability.isServiceable {
                let check = pincodeCheck(serviceability, stores: stores, lineCount: lineCount)
                showError(
                    &state,
                    undeliverableMessage(pin, check)
                        + (stores.isEmpty ? " Choose another address." : " Collect it from a store instead."))
            } else if methods.isEmpty {
                showError(
                    &state,
                    stores.isEmpty
                        ? "No delivery option for this address." : "No delivery option; you can collect from a store.")
            } else if pending, state.currentRoute == .checkout(.delivery) {
                // Enter was pressed while the options loaded: it takes the first, as it would have.
                return reduceCheckout(&state, .view(.chooseDelivery), environment)
            }
            return .none

        case .response(.pincodeChecked(let pincode, let check)):
            state.checkout.pincodeChecks[pincode] = check
            // Said at once while the address form still shows that PIN code: before the rest is typed.
            guard state.currentRoute == .addressForm, state.form[.addressPincode] == pincode else { return .none }
            switch check {
            case .undeliverable(_, let collect):
                showError(
                    &state,
                    undeliverableMessage(pincode, check)
                        + (collect ? " You can collect the order from a store instead." : ""))
            case .deliverable, .checking, .unknown:
                break
            }
            return .none

        case .response(.pincodePlaceFound(let pincode, let place)):
            // Only into fields still empty, and only while the form shows that PIN code: nothing typed is replaced;
            // what is filled is a suggestion, which the first key typed there replaces.
            guard let place, state.currentRoute == .addressForm, state.form[.addressPincode] == pincode else {
                return .none
            }
            if state.form[.addressCity].isEmpty, let city = place.city, !city.isEmpty {
                state.form.suggest(city, for: .addressCity)
            }
            if state.form[.addressState].isEmpty, let name = place.stateName, !name.isEmpty {
                state.form.suggest(name, for: .addressState)
            }
            return .none

        case .response(.deliveryFailed(let error)):
            return fail(&state, error, .delivery, environment)

        case .view(.chooseDelivery):
            if state.checkout.serviceability == nil {
                guard state.inFlight.contains(.delivery) else {
                    // The check failed (network): Enter checks again.
                    return startDelivery(&state, environment)
                }
                // Pressed before the options arrived: kept, and done once they are there.
                state.checkout.pendingChoice = .delivery
                showInfo(&state, "Still loading the delivery options; Enter takes the first one when they arrive.")
                return .none
            }
            if let store = state.checkout.selectedPickupStore {
                state.checkout.pickupStoreID = store.id
                state.checkout.deliveryMethodID = nil
                state.inFlight.insert(.delivery)
                return enqueue(&state, .setPickup(storeID: store.id), environment)
            }
            guard state.checkout.serviceability?.isServiceable == true,
                let method = state.checkout.selectedDeliveryMethod
            else { return .none }
            let courier =
                method.courierCompanies?.first { $0.isRecommended == true }?.id ?? method.courierCompanies?.first?.id
            state.checkout.deliveryMethodID = method.id
            state.checkout.pickupStoreID = nil
            state.inFlight.insert(.delivery)
            return enqueue(
                &state, .setDelivery(methodID: method.id, courierID: courier, shipmentID: method.shipmentId),
                environment)

        case .view(.placeOrder):
            return placeOrder(&state, environment)

        case .response(.orderPlaced(let order, let paymentRequired, let paymentInfo)):
            state.inFlight.remove(.placeOrder)
            state.checkout.placement = .placed
            state.checkout.order = order
            // The cart became the order.
            state.cart = CartState()
            state.cart.isLoaded = true
            state.payment = PaymentState()
            state.payment.orderNumber = order.orderNumber
            state.payment.orderAnswerLink = paymentInfo?.paymentLinks?.web
            _ = showPayment(&state, order.orderNumber)
            // The server's cart is gone with the order: nothing to read back.
            if !paymentRequired {
                state.payment.phase = .paid
                showSuccess(
                    &state,
                    order.toBePaid == .zero
                        ? "Order \(order.orderNumber) placed; nothing to pay." : "Order \(order.orderNumber) placed.")
                return .none
            }
            showInfo(&state, "Order \(order.orderNumber) placed; preparing the payment.")
            // As the seeds specify: the Juspay customer, then Juspay create-order, whose link is shown. The link
            // of the order's own answer is kept for when create-order fails.
            return setupPayment(&state, environment)

        case .response(.orderFailed(let failure)):
            state.inFlight.remove(.placeOrder)
            if failure == .signedOut || failure == .cancelled {
                state.checkout.placement = failure == .signedOut ? .uncertain : state.checkout.placement
                return fail(&state, failure, nil, environment)
            }
            if failure.isTransient || failure.status == 409 {
                // No answer: the order may exist. Look it up before creating another.
                state.checkout.placement = .uncertain
                showError(
                    &state,
                    "We couldn't confirm the order (\(failure.message)) Press Place order again: we check first, so it is never placed twice."
                )
            } else {
                state.checkout.placement = .idle
                showError(&state, "The order was not placed: \(failure.message)")
            }
            return .none
        }
    }

    static func loadAddresses(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        state.inFlight.insert(.addresses)
        return call(.addresses, environment) { api in
            .checkout(.response(.addressesLoaded(try await api.addresses(page: 1, limit: 50))))
        } failure: {
            .checkout(.response(.addressesFailed($0)))
        }
    }

    static func addressSetOnCart(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        state.inFlight.remove(.addresses)
        // The user left checkout meanwhile: the cart has the address; do not pull them back.
        guard state.currentRoute.isCheckout else { return .none }
        state.route.removeAll { $0 == .checkout(.business) || $0 == .checkout(.delivery) || $0 == .checkout(.review) }
        state.route.append(.checkout(.business))
        // "Address saved." goes with the step the saved address leads to.
        if state.notice?.kind == .success { state.ui.noticeFollowsMove = true }
        if let business = state.checkout.business {
            state.form[.businessName] = business.name ?? ""
            state.form[.gstin] = business.gstin ?? ""
            state.form[.pan] = business.panNumber ?? ""
        }
        return .none
    }

    static func startDelivery(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        guard let cartID = state.cart.server?.id, let pincode = state.checkout.address?.pincode else {
            showError(&state, "Choose an address first.")
            return .none
        }
        state.route.removeAll { $0 == .checkout(.delivery) || $0 == .checkout(.review) }
        state.route.append(.checkout(.delivery))
        state.checkout.serviceability = nil
        state.checkout.deliveryMethods = []
        state.checkout.pickupStores = []
        state.inFlight.insert(.delivery)
        return call(.delivery, environment) { api in
            let serviceability = try await api.checkServiceability(cartID: cartID, pincode: pincode)
            guard serviceability.isServiceable else {
                // Not delivered there: the stores of the fulfillment options are the way left (none if that fails).
                let options = try? await api.fulfillmentOptions(cartID: cartID, pincode: pincode)
                return .checkout(
                    .response(.serviceabilityChecked(serviceability, methods: [], stores: options?.collect ?? [])))
            }
            let options = try await api.fulfillmentOptions(cartID: cartID, pincode: pincode)
            return .checkout(
                .response(
                    .serviceabilityChecked(
                        serviceability, methods: options.deliver?.allMethods ?? [], stores: options.collect ?? [])))
        } failure: {
            .checkout(.response(.deliveryFailed($0)))
        }
    }

    /// Checks each PIN code not checked yet, with this cart (the store's check is per cart): serviceability, and
    /// where not serviceable the fulfillment options' stores. No cart yet, no check.
    static func checkPincodes(_ state: inout State, _ pincodes: [String], _ environment: ShopEnvironment) -> Effect {
        guard let cartID = state.cart.server?.id else { return .none }
        let lineCount = state.cart.lines.count
        var effects: [Effect] = []
        for pincode in pincodes where pincode.count == 6 && state.checkout.pincodeChecks[pincode] == nil {
            state.checkout.pincodeChecks[pincode] = .checking
            effects.append(
                call(EffectID("checkout.pincode.\(pincode)"), environment) { api in
                    let serviceability = try await api.checkServiceability(cartID: cartID, pincode: pincode)
                    guard !serviceability.isServiceable else {
                        return .checkout(.response(.pincodeChecked(pincode: pincode, .deliverable)))
                    }
                    let stores = (try? await api.fulfillmentOptions(cartID: cartID, pincode: pincode))?.collect ?? []
                    return .checkout(
                        .response(
                            .pincodeChecked(
                                pincode: pincode, pincodeCheck(serviceability, stores: stores, lineCount: lineCount))))
                } failure: { _ in
                    .checkout(.response(.pincodeChecked(pincode: pincode, .unknown)))
                })
        }
        return .merge(effects)
    }

    /// A whole PIN code typed in the address form is checked at once (a known answer is said again), and its
    /// place is looked up for the city and state fields still empty.
    static func pincodeTyped(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        let pincode = state.form[.addressPincode]
        guard pincode.count == 6, pincode.allSatisfy(\.isNumber) else { return .none }
        let place = lookUpPlace(state, pincode, environment)
        if let known = state.checkout.pincodeChecks[pincode], known != .checking {
            return .merge([
                reduceCheckout(&state, .response(.pincodeChecked(pincode: pincode, known)), environment), place,
            ])
        }
        return .merge([checkPincodes(&state, [pincode], environment), place])
    }

    /// The store's place of a PIN code (`GET /common/countries/IN/pincodes`), asked only while the city or the
    /// state is still to be typed; a failure says nothing (the fields are typed by hand as before).
    static func lookUpPlace(_ state: State, _ pincode: String, _ environment: ShopEnvironment) -> Effect {
        guard state.form[.addressCity].isEmpty || state.form[.addressState].isEmpty else { return .none }
        return call(EffectID("checkout.pincodePlace"), environment) { api in
            let places = try await api.pincodes(countryCode: PincodeInfo.india, matching: pincode)
            return .checkout(
                .response(.pincodePlaceFound(pincode: pincode, PincodeInfo.place(of: pincode, in: places))))
        } failure: { _ in
            .checkout(.response(.pincodePlaceFound(pincode: pincode, nil)))
        }
    }

    /// `lineCount`: the cart's lines. When none of them can be delivered, the PIN code is not served at all, and the
    /// message says so rather than listing the whole cart.
    static func pincodeCheck(_ serviceability: Serviceability, stores: [PickupStore], lineCount: Int) -> PincodeCheck {
        guard !serviceability.isServiceable else { return .deliverable }
        let names = (serviceability.unserviceableItems ?? []).compactMap(\.productName)
        return .undeliverable(items: names.count >= lineCount ? [] : names, collect: !stores.isEmpty)
    }

    static func undeliverableMessage(_ pincode: String, _ check: PincodeCheck) -> String {
        check.undeliverableText(pincode) ?? "We don't deliver to \(pincode) yet."
    }

    static func deliverySetOnCart(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        state.inFlight.remove(.delivery)
        guard state.currentRoute.isCheckout else { return .none }
        state.route.removeAll { $0 == .checkout(.review) }
        state.route.append(.checkout(.review))
        return .none
    }

    static func placeOrder(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        if let order = state.checkout.order {
            // Already placed: never again; show its payment.
            return showPayment(&state, order.orderNumber)
        }
        guard state.checkout.placement != .placing else { return .none }
        guard let cartID = state.checkout.cartID ?? state.cart.server?.id else {
            showError(&state, "Your cart is empty.")
            return .none
        }
        let uncertain = state.checkout.placement == .uncertain
        if !uncertain {
            guard state.checkout.address != nil,
                state.checkout.deliveryMethodID != nil || state.checkout.pickupStoreID != nil
            else {
                showError(&state, "Choose an address and a delivery option first.")
                return .none
            }
            guard !state.cart.isMutating else {
                showInfo(&state, "The cart is still updating; try again in a moment.")
                return .none
            }
        }
        state.checkout.placement = .placing
        state.inFlight.insert(.placeOrder)
        let method = PaymentMethodPayload.juspayHostedPage(returnURL: environment.policy.paymentReturnURL)
        return call(.placeOrder, environment) { api in
            if uncertain {
                // Did the last attempt go through? The cart is consumed by an order.
                let cart = try await api.userCart(userID: nil)
                if cart?.id != cartID || cart?.cartItems.isEmpty == true {
                    if let order = try await api.orders(page: 1, limit: 1).orders.first {
                        return .checkout(
                            .response(.orderPlaced(order, paymentRequired: order.toBePaid > .zero, paymentInfo: nil)))
                    }
                }
            }
            let created = try await api.createOrder(cartID: cartID, paymentMethod: method)
            return .checkout(
                .response(
                    .orderPlaced(
                        created.order, paymentRequired: created.paymentRequired, paymentInfo: created.paymentInfo)))
        } failure: {
            .checkout(.response(.orderFailed($0)))
        }
    }

    static func showPayment(_ state: inout State, _ orderNumber: String) -> Effect {
        state.route.removeAll { $0.isCheckout || $0 == .cart || $0 == .coupons }
        if case .payment = state.currentRoute { state.route.removeLast() }
        state.route.append(.payment(orderNumber: orderNumber))
        return .none
    }

    static func isValidGSTIN(_ text: String) -> Bool {
        text.range(of: "^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$", options: .regularExpression) != nil
    }

    static func isValidPAN(_ text: String) -> Bool {
        text.range(of: "^[A-Z]{5}[0-9]{4}[A-Z]$", options: .regularExpression) != nil
    }
}
