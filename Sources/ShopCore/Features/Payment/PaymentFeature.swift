import StorefrontAPI

/// Payment of a placed order: Juspay customer (once per user) → Juspay create-order → its payment link (or, if
/// create-order fails, the link of the order's own answer, saying so) → status polled every 3 s for up to
/// 2 minutes (cancellable) → paid, failed (retry), or timed out (check again).
extension Reducer {
    static func reducePayment(_ state: inout State, _ action: PaymentAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .response(.linkReady(let link)):
            state.inFlight.remove(.paymentSetup)
            guard let link = link ?? state.payment.link else {
                state.payment.phase = .setupFailed
                state.payment.message = "The payment page is not available. Retry."
                return .none
            }
            state.payment.link = link
            state.payment.message = "Open the link (or scan the QR code) to pay."
            return startPolling(&state, environment)

        case .response(.juspayOrderReady(let order)):
            state.inFlight.remove(.paymentSetup)
            state.payment.juspayOrder = order
            guard let link = order.paymentLinks?.web, !link.isEmpty else {
                return reducePayment(
                    &state,
                    .response(.setupFailed(.decoding(path: "content.data.payment_links.web", message: "missing"))),
                    environment)
            }
            state.payment.link = link
            state.payment.linkSource = .juspayOrder
            state.payment.message = "Open the link (or scan the QR code) to pay."
            return startPolling(&state, environment)

        case .view(.toggleDetail):
            state.payment.showingDetail.toggle()
            return .none

        case .response(.setupFailed(let failure))
        where state.payment.orderAnswerLink != nil && state.payment.link == nil:
            // Create-order failed, but the order's answer had a link: show that one, and say which it is.
            state.inFlight.remove(.paymentSetup)
            state.payment.link = state.payment.orderAnswerLink
            state.payment.linkSource = .orderAnswer
            state.payment.message =
                "Juspay create-order failed (\(failure.message)) This is the link from the order's answer."
            return startPolling(&state, environment)

        case .response(.setupFailed(let failure)):
            state.payment.phase = .setupFailed
            state.payment.message = "Could not prepare the payment: \(failure.message) The order is saved; retry."
            return fail(&state, failure, .paymentSetup, environment)

        case .response(.statusPolled(let attempt, let status)):
            guard state.payment.phase == .awaiting else { return .none }
            state.payment.polls = attempt
            state.payment.status = status
            switch status.status {
            case .success:
                state.payment.phase = .paid
                state.payment.message = nil
                state.inFlight.remove(.paymentPolling)
                showSuccess(&state, "Payment received. Thank you!")
                return .cancel(.paymentPoll)
            case .failed:
                state.payment.phase = .failed
                state.inFlight.remove(.paymentPolling)
                // The link (and its QR code) of the failed attempt is spent: a retry brings a new one.
                state.payment.link = nil
                state.payment.linkSource = nil
                state.payment.showingDetail = false
                // Said once: the payment screen's status line says it; elsewhere the notice does.
                state.payment.message = nil
                if case .payment = state.currentRoute {} else { showError(&state, "Payment failed.") }
                return .cancel(.paymentPoll)
            case .pending, .partiallyPaid:
                state.payment.message = "Waiting for the payment…"
                return .none
            case .unknown(let raw):
                state.payment.message = "Waiting for the payment… (the store says \"\(raw)\")"
                return .none
            }

        case .response(.pollFailed(let attempt, let failure)):
            guard state.payment.phase == .awaiting else { return .none }
            state.payment.polls = attempt
            if failure == .signedOut {
                state.payment.phase = .stopped
                return fail(&state, failure, .paymentPolling, environment)
            }
            state.payment.message = "Could not check the payment (\(failure.message)) Still trying."
            return .none

        case .response(.timedOut):
            guard state.payment.phase == .awaiting else { return .none }
            state.payment.phase = .timedOut
            state.inFlight.remove(.paymentPolling)
            state.payment.message = "No payment seen in 2 minutes. Press Enter to check again."
            return .none

        case .view(.stopPolling):
            guard state.payment.phase == .awaiting else { return .none }
            state.payment.phase = .stopped
            state.inFlight.remove(.paymentPolling)
            state.payment.message = "Stopped checking. Press Enter to check again."
            return .cancel(.paymentPoll)

        case .view(.checkAgain):
            guard [.timedOut, .stopped].contains(state.payment.phase), state.payment.orderNumber != nil else {
                return .none
            }
            return startPolling(&state, environment)

        case .view(.retry):
            guard let orderNumber = state.payment.orderNumber else { return .none }
            switch state.payment.phase {
            case .setupFailed:
                return setupPayment(&state, environment)
            case .timedOut, .stopped:
                return startPolling(&state, environment)
            case .failed:
                guard state.payment.status?.isRetryAvailable == true else {
                    showError(&state, "This payment cannot be retried.")
                    return .none
                }
                state.inFlight.insert(.paymentSetup)
                state.payment.phase = .settingUp
                let method = PaymentMethodPayload.juspayHostedPage(returnURL: environment.policy.paymentReturnURL)
                return call(.paymentSetup, environment) { api in
                    .payment(
                        .response(.retried(try await api.retryPayment(orderNumber: orderNumber, paymentMethod: method)))
                    )
                } failure: {
                    .payment(.response(.retryFailed($0)))
                }
            default:
                return .none
            }

        case .response(.retried(let info)):
            state.inFlight.remove(.paymentSetup)
            if let link = info?.paymentLinks?.web {
                state.payment.link = link
                state.payment.linkSource = .retry
            }
            return reducePayment(&state, .response(.linkReady(state.payment.link)), environment)

        case .response(.retryFailed(let failure)):
            // Paying again from the order (no status polled here): Enter then asks Juspay create-order instead.
            state.payment.phase = state.payment.status == nil ? .setupFailed : .failed
            state.payment.message = "Retry failed: \(failure.message)"
            let effect = fail(&state, failure, .paymentSetup, environment)
            // On the payment screen its status line says it; the same words again as a notice would say it twice.
            if case .payment = state.currentRoute, state.notice == Notice(.error, failure.message) {
                state.notice = nil
            }
            return effect

        case .view(.done):
            guard let orderNumber = state.payment.orderNumber else { return .none }
            let paid = state.payment.phase == .paid
            state.inFlight.remove(.paymentPolling)
            if paid {
                state.checkout = CheckoutState()
                state.payment = PaymentState()
            } else if state.payment.phase == .awaiting {
                state.payment.phase = .stopped
            }
            state.route = [.catalog, .orders]
            return .merge(
                .cancel(.paymentPoll), tellParent(&state, .payment(.delegate(.leftForOrder)), environment),
                navigate(&state, to: .orderDetail(orderNumber: orderNumber), environment))

        case .delegate:
            return .none
        }
    }

    static func setupPayment(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        guard let orderNumber = state.payment.orderNumber else { return .none }
        state.payment.phase = .settingUp
        state.payment.message = "Preparing the payment…"
        state.inFlight.insert(.paymentSetup)
        let returnURL = environment.policy.paymentReturnURL
        return call(.paymentSetup, environment) { api in
            _ = try await api.createJuspayCustomer()
            return .payment(
                .response(
                    .juspayOrderReady(try await api.createJuspayOrder(orderNumber: orderNumber, returnURL: returnURL))))
        } failure: {
            .payment(.response(.setupFailed($0)))
        }
    }

    static func startPolling(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        guard let orderNumber = state.payment.orderNumber else { return .none }
        state.payment.phase = .awaiting
        state.payment.polls = 0
        state.inFlight.insert(.paymentPolling)
        let api = environment.api
        let clock = environment.clock
        let interval = environment.policy.paymentPollInterval
        let limit = environment.policy.paymentPollLimit
        return .run(id: .paymentPoll) { send in
            for attempt in 1...max(1, limit) {
                do { try await clock.sleep(for: interval) } catch { return }
                do {
                    let status = try await api.paymentStatus(orderNumber: orderNumber)
                    await send(.payment(.response(.statusPolled(attempt: attempt, status))))
                    if status.status == .success || status.status == .failed { return }
                } catch {
                    let failure = apiError(error)
                    if failure == .cancelled { return }
                    await send(.payment(.response(.pollFailed(attempt: attempt, failure))))
                    if failure == .signedOut { return }
                }
            }
            await send(.payment(.response(.timedOut)))
        }
    }
}
