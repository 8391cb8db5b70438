import StorefrontAPI

/// Order history (paged) and detail; paying an unpaid order again, and cancelling one (after a confirmation).
extension Reducer {
    /// The reason sent with a cancellation from the shop.
    static let cancellationReason = "Cancelled by the customer in the shop"

    static func reduceOrders(_ state: inout State, _ action: OrdersAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .view(.load):
            state.orders.nextPage = 1
            return loadOrders(&state, page: 1, environment)

        case .view(.loadMore):
            guard let page = state.orders.nextPage, !state.inFlight.contains(.orders) else { return .none }
            return loadOrders(&state, page: page, environment)

        case .response(.loaded(let page, let orders, let nextPage)):
            state.inFlight.remove(.orders)
            state.orders.orders = page == 1 ? orders : state.orders.orders + orders
            state.orders.nextPage = nextPage
            state.orders.selectedIndex = clampIndex(state.orders.selectedIndex, count: state.orders.orders.count)
            if state.orders.announceAwaiting {
                state.orders.announceAwaiting = false
                if state.notice == nil, let text = state.orders.awaitingPaymentText {
                    showInfo(&state, "\(text): o opens your orders.")
                }
            }
            return .none

        case .response(.failed(let error)):
            return fail(&state, error, .orders, environment)

        case .view(.open(let number)):
            if state.orders.detail?.orderNumber != number {
                state.orders.detail = state.orders.orders.first { $0.orderNumber == number }
            }
            state.inFlight.insert(.orderDetail)
            return call(.orderDetail, environment) { api in
                .orders(.response(.detailLoaded(try await api.order(number))))
            } failure: {
                .orders(.response(.detailFailed($0)))
            }

        case .response(.detailLoaded(let order)):
            state.inFlight.remove(.orderDetail)
            guard case .orderDetail(let number) = state.currentRoute, number == order.orderNumber else {
                return .none
            }
            state.orders.detail = order
            return .none

        case .response(.detailFailed(let error)):
            return fail(&state, error, .orderDetail, environment)

        case .view(.pay):
            guard let order = shownOrder(state) else { return .none }
            guard order.isAwaitingPayment else {
                showError(&state, "Order \(order.orderNumber) has nothing to pay.")
                return .none
            }
            return payAgain(&state, order, environment)

        case .view(.requestCancel):
            guard let order = shownOrder(state), !state.inFlight.contains(.cancelOrder) else { return .none }
            guard order.isCancellationAllowed ?? order.isAwaitingPayment else {
                showError(&state, "Order \(order.orderNumber) can no longer be cancelled.")
                return .none
            }
            state.orders.confirmingCancel = true
            return .none

        case .view(.dismissCancel):
            state.orders.confirmingCancel = false
            return .none

        case .view(.confirmCancel):
            guard state.orders.confirmingCancel, let order = shownOrder(state) else { return .none }
            state.orders.confirmingCancel = false
            state.inFlight.insert(.cancelOrder)
            let number = order.orderNumber
            let cancel = OrderCancel(cancellationReason: cancellationReason)
            return call(.cancelOrder, environment) { api in
                .orders(.response(.cancelled(try await api.cancelOrder(orderNumber: number, cancel))))
            } failure: {
                .orders(.response(.cancelFailed($0)))
            }

        case .response(.cancelled(let order)):
            state.inFlight.remove(.cancelOrder)
            let number = order.orderNumber
            if state.orders.detail?.orderNumber == number { state.orders.detail = order }
            if let index = state.orders.orders.firstIndex(where: { $0.orderNumber == number }) {
                state.orders.orders[index] = order
            }
            // Nothing of it is to be paid any more: its payment and the checkout that placed it are done with.
            var effects: [Effect] = []
            if state.payment.orderNumber == number {
                if state.payment.phase == .awaiting { effects.append(.cancel(.paymentPoll)) }
                state.inFlight.remove(.paymentPolling)
                state.payment = PaymentState()
            }
            if state.checkout.order?.orderNumber == number { state.checkout = CheckoutState() }
            if let refund = order.refundOnCancel {
                showSuccess(
                    &state,
                    "Order \(number) cancelled; the \(refund.formatted()) paid goes back to the original payment method."
                )
            } else {
                showSuccess(&state, "Order \(number) cancelled; what it held (stock, points, credit) is released.")
            }
            return .merge(effects)

        case .response(.cancelFailed(let failure)):
            return fail(&state, failure, .cancelOrder, environment)
        }
    }

    /// The order on the order detail screen, when its detail is loaded.
    static func shownOrder(_ state: State) -> Order? {
        guard case .orderDetail(let number) = state.currentRoute, let order = state.orders.detail,
            order.orderNumber == number
        else { return nil }
        return order
    }

    /// The payment screen of an existing unpaid order, with a live link: after a failed payment a payment retry
    /// (`POST /orders/{n}/retry-payment`); otherwise the checkout's own path, the Juspay customer and Juspay
    /// create-order (which answers the order's Juspay order again when it exists).
    static func payAgain(_ state: inout State, _ order: Order, _ environment: ShopEnvironment) -> Effect {
        let number = order.orderNumber
        var stop: Effect = .none
        if state.payment.phase == .awaiting { stop = .cancel(.paymentPoll) }
        state.inFlight.remove(.paymentPolling)
        state.payment = PaymentState()
        state.payment.orderNumber = number
        state.payment.amount = order.toBePaid
        _ = showPayment(&state, number)
        guard order.paymentStatus == .failed else { return .merge(stop, setupPayment(&state, environment)) }
        state.payment.phase = .settingUp
        state.payment.message = "Preparing the payment…"
        state.inFlight.insert(.paymentSetup)
        let method = PaymentMethodPayload.juspayHostedPage(returnURL: environment.policy.paymentReturnURL)
        return .merge(
            stop,
            call(.paymentSetup, environment) { api in
                .payment(.response(.retried(try await api.retryPayment(orderNumber: number, paymentMethod: method))))
            } failure: {
                .payment(.response(.retryFailed($0)))
            })
    }

    static func loadOrders(_ state: inout State, page: Int, _ environment: ShopEnvironment) -> Effect {
        state.inFlight.insert(.orders)
        let limit = environment.policy.ordersPageSize
        return call(.orders, environment) { api in
            let result = try await api.orders(page: page, limit: limit)
            return .orders(.response(.loaded(page: page, orders: result.orders, nextPage: result.pagination?.nextPage)))
        } failure: {
            .orders(.response(.failed($0)))
        }
    }
}
