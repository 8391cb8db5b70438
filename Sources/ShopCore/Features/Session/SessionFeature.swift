import StorefrontAPI

/// Anonymous start, OTP login (phone, email, WhatsApp) with resend cooldown and tries, registration, password
/// login, logout, and an expired session.
extension Reducer {
    static func startSession(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        state.session = .starting
        state.inFlight.insert(.session)
        return call(.session, environment) { api in
            let stored = await api.peekSession()
            let claims = try await api.session()
            return stored == nil && claims.isAnonymous
                ? .session(.response(.startedAsNewGuest(claims))) : .session(.response(.started(claims)))
        } failure: {
            .session(.response(.startFailed($0)))
        }
    }

    static func reduceSession(_ state: inout State, _ action: SessionAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .response(.started(let claims)), .response(.startedAsNewGuest(let claims)):
            state.inFlight.remove(.session)
            state.session = .ready(claims)
            // A guest minted a moment ago has no cart on the server (the read would be a certain 404): it is
            // known to be empty. A restored session's cart is read.
            let cart: Effect
            if case .response(.startedAsNewGuest) = action {
                state.cart.isLoaded = true
                cart = .none
            } else {
                cart = loadCart(&state, environment)
            }
            var effects = [
                loadProducts(&state, environment), loadCategories(&state, environment), cart,
                claims.isLoggedIn ? loadUser(&state, environment) : .none,
            ]

            // A screen asked for before the session was known (`--open orders`, the kiosk resuming an order) was
            // sent to the login screen; a restored signed-in session goes on to it.
            if claims.isLoggedIn, state.currentRoute == .login, let next = state.auth.afterLogin {
                state.auth.afterLogin = nil
                state.route.removeAll { $0.isAuthentication }
                if state.route.isEmpty { state.route = [.catalog] }
                effects.append(navigate(&state, to: next, environment))
            }
            // A restored signed-in session: its newest orders say whether any awaits payment (a notice).
            if claims.isLoggedIn, !claims.isAnonymous, state.readOnly?.cartOwner == nil {
                state.orders.announceAwaiting = true
                if !state.inFlight.contains(.orders) {
                    effects.append(tellParent(&state, .session(.delegate(.restoredSignedIn)), environment))
                }
            }
            return .merge(effects)

        case .response(.startFailed(let error)):
            state.inFlight.remove(.session)
            state.session = .failed(error)
            state.notice = Notice(.error, error.message)
            return .none

        case .view(.chooseChannel(let channel)):
            chooseChannel(&state, channel)
            return .none

        case .view(.requestOTP):
            guard !state.inFlight.contains(.login) else { return .none }
            let identifier = state.form.trimmed(.loginIdentifier)
            if let problem = identifierProblem(identifier, state.auth.channel) {
                state.auth.message = problem
                return .none
            }
            state.auth.purpose = .login
            return sendOTP(&state, environment)

        case .view(.resendOTP):
            guard state.auth.canResend, !state.inFlight.contains(.login) else { return .none }
            return sendOTP(&state, environment)

        case .response(.otpSent(let challenge)):
            state.inFlight.remove(.login)
            state.inFlight.remove(.register)
            state.auth.challenge = challenge
            state.auth.triesLeft = environment.policy.otpAttempts
            state.auth.message = nil
            state.form[.otp] = ""
            if state.currentRoute != .otp { state.route.append(.otp) }
            return startCooldown(&state, environment)

        case .response(.otpRequestFailed(let error)):
            state.inFlight.remove(.login)
            state.inFlight.remove(.register)
            if error == .signedOut || error == .cancelled { return fail(&state, error, nil, environment) }
            state.auth.message = error.message
            return .none

        case .response(.accountNotFound):
            state.inFlight.remove(.login)
            let identifier = state.form.trimmed(.loginIdentifier)
            if state.auth.channel == .email {
                state.form[.registerEmail] = identifier
            } else {
                state.form.set(.registerPhone, identifier)
            }
            state.auth.message = "No account for \(identifier) yet: create one."
            state.route.append(.register)
            return .none

        case .response(.cooldownTick):
            state.auth.resendCooldown = max(0, state.auth.resendCooldown - 1)
            return .none

        case .view(.submitOTP):
            guard let challenge = state.auth.challenge, !state.inFlight.contains(.otp) else { return .none }
            let otp = state.form.trimmed(.otp)
            guard state.auth.triesLeft > 0 else {
                state.auth.message = "Too many wrong OTPs. Ask for a new one."
                return .none
            }
            guard otp.count >= 4 else {
                state.auth.message = "Enter the OTP you received."
                return .none
            }
            state.inFlight.insert(.otp)
            state.auth.message = nil
            return call(.auth, environment) { api in
                let user = try await api.verifyOTP(otp, challenge: challenge)
                return .session(.response(.signedIn(user: user, claims: try await api.session())))
            } failure: {
                .session(.response(.otpRejected($0)))
            }

        case .response(.otpRejected(let error)):
            state.inFlight.remove(.otp)
            switch error {
            case .http(let status, let code, let message, _)
            where status == 429
                || ["OTP_EXPIRED", "OTP_USED", "OTP_ATTEMPTS_EXCEEDED", "INVALID_OTP_TOKEN"].contains(code):
                // This OTP can no longer be used: a new one is needed (once the resend cooldown allows).
                state.auth.triesLeft = 0
                state.form[.otp] = ""
                let reason = message.isEmpty ? "This OTP can no longer be used" : message
                state.auth.message = "\(reason.hasSuffix(".") ? String(reason.dropLast()) : reason). Ask for a new OTP."
                return .none
            case .http(let status, _, _, _) where (400..<500).contains(status):
                // The server rejected the code: it is cleared for the next one to be typed.
                state.auth.triesLeft = max(0, state.auth.triesLeft - 1)
                state.form[.otp] = ""
                let left = state.auth.triesLeft
                state.auth.message =
                    left == 0
                    ? "Wrong OTP. No tries left: ask for a new OTP."
                    : "Wrong OTP. \(left) \(left == 1 ? "try" : "tries") left."
                return .none
            case .signedOut, .cancelled:
                return fail(&state, error, nil, environment)
            default:
                // Not a rejection (no connection, a timeout, a server error): the OTP typed stays for another try.
                state.auth.message = "\(error.message) Your OTP is kept: press Enter to try again."
                return .none
            }

        case .view(.submitRegistration) where state.auth.usePassword:
            guard !state.inFlight.contains(.register) else { return .none }
            let registration = passwordRegistration(state)
            guard registration.email != nil || registration.phone != nil else {
                state.auth.message = "Enter your email or phone."
                return .none
            }
            if let phone = registration.phone, phone.count != 10 {
                state.auth.message = "Enter a 10-digit phone number."
                return .none
            }
            guard (registration.password ?? "").count >= 8 else {
                state.auth.message = "The password needs at least 8 characters."
                return .none
            }
            state.auth.purpose = .register
            return sendOTP(&state, environment)

        case .view(.submitRegistration):
            guard !state.inFlight.contains(.register) else { return .none }
            let firstName = state.form.trimmed(.registerFirstName)
            guard !firstName.isEmpty else {
                state.auth.message = "Enter your first name."
                return .none
            }
            let channel = state.auth.channel
            let registration = Registration(
                firstName: firstName, lastName: nonEmpty(state.form.trimmed(.registerLastName)),
                phone: nonEmpty(state.form.trimmed(.registerPhone)),
                email: nonEmpty(state.form.trimmed(.registerEmail)))
            if channel == .email, registration.email == nil {
                state.auth.message = "Enter your email."
                return .none
            }
            if channel != .email, registration.phone?.count != 10 {
                state.auth.message = "Enter a 10-digit phone number."
                return .none
            }
            state.auth.purpose = .register
            state.inFlight.insert(.register)
            return call(.auth, environment) { api in
                guard let challenge = try await api.register(channel, registration) else {
                    return .session(.response(.signedIn(user: nil, claims: try await api.session())))
                }
                return .session(.response(.otpSent(challenge)))
            } failure: {
                .session(.response(.otpRequestFailed($0)))
            }

        case .view(.loginWithPassword):
            guard !state.inFlight.contains(.login) else { return .none }
            let identifier = state.form.trimmed(.loginIdentifier)
            let password = state.form[.password]
            guard !identifier.isEmpty, !password.isEmpty else {
                state.auth.message = "Enter your email or phone and your password."
                return .none
            }
            state.inFlight.insert(.login)
            return call(.auth, environment) { api in
                let user = try await api.loginWithPassword(identifier: identifier, password: password)
                return .session(.response(.signedIn(user: user, claims: try await api.session())))
            } failure: {
                .session(.response(.signInFailed($0)))
            }

        case .response(.signInFailed(let error)):
            state.inFlight.remove(.login)
            if error == .signedOut || error == .cancelled { return fail(&state, error, nil, environment) }
            // A rejected password is cleared; one that never reached a verdict (network, 5xx) stays typed.
            if let status = error.status, (400..<500).contains(status) {
                state.form[.password] = ""
                state.auth.message = status == 401 ? "Wrong email, phone or password." : error.message
            } else {
                state.auth.message = "\(error.message) Your password is kept: press Enter to try again."
            }
            return .none

        case .response(.signedIn(let user, let claims)):
            state.inFlight.remove(.otp)
            state.inFlight.remove(.login)
            state.inFlight.remove(.register)
            state.inFlight.remove(.password)
            state.session = .ready(claims)
            if let user { state.user = user }
            state.auth.challenge = nil
            state.auth.message = nil
            state.auth.resendCooldown = 0
            state.form.clearSecrets()
            state.route.removeAll { $0.isAuthentication || $0 == .resetPassword || $0 == .forgotPassword }
            if state.route.isEmpty { state.route = [.catalog] }
            showSuccess(&state, "Signed in as \(state.user?.displayName ?? "you").")
            var effects: [Effect] = [.cancel(.otpCooldown), loadCart(&state, environment)]
            effects.append(tellParent(&state, .session(.delegate(.signedIn)), environment))
            if user == nil { effects.append(loadUser(&state, environment)) }
            // Checkout resumes once the signed-in cart is loaded (the server may merge the guest's cart into it).
            if let next = state.auth.afterLogin, next != .checkout(.address) {
                state.auth.afterLogin = nil
                effects.append(navigate(&state, to: next, environment))
            }
            return .merge(effects)

        case .response(.userLoaded(let user)):
            state.inFlight.remove(.profile)
            state.user = user
            return .none

        case .view(.requestLogout):
            guard state.isSignedIn else { return .none }
            state.account.confirmingLogout = true
            return .none

        case .view(.cancelLogout):
            state.account.confirmingLogout = false
            return .none

        case .view(.togglePasswordLogin):
            state.auth.usePassword.toggle()
            state.auth.message = nil
            state.form[.password] = ""
            return .none

        case .view(.registerWithPassword):
            state.auth.usePassword = true
            state.auth.message = nil
            let identifier = state.form.trimmed(.loginIdentifier)
            if identifier.contains("@") {
                state.form[.registerEmail] = identifier
            } else if !identifier.isEmpty {
                state.form.set(.registerPhone, identifier)
            }
            return navigate(&state, to: .register, environment)

        case .view(.logout):
            state.account.confirmingLogout = false
            guard !state.inFlight.contains(.logout) else { return .none }
            state.inFlight.insert(.logout)
            return call(.auth, environment) { api in
                _ = try await api.logout()
                return .session(.response(.signedOut(try await api.session())))
            } failure: {
                .session(.response(.logoutFailed($0)))
            }

        case .response(.signedOut(let claims)):
            state.inFlight.remove(.logout)
            resetUserData(&state, claims: claims)
            showInfo(&state, "Signed out.")
            return .merge(.cancel(.paymentPoll), loadCart(&state, environment))

        case .response(.logoutFailed(let error)):
            return fail(&state, error, .logout, environment)

        case .response(.expired(let claims)):
            state.inFlight.remove(.session)
            resetUserData(&state, claims: claims)
            state.route = [.catalog, .login]
            // "Your session expired … Log in again" goes with the move to the login screen.
            state.ui.noticeFollowsMove = true
            return .merge(.cancel(.paymentPoll), guestCart(&state, claims, environment))

        case .delegate:
            return .none
        }
    }

    /// After logout or expiry: a guest with a fresh cart view.
    static func resetUserData(_ state: inout State, claims: TokenClaims) {
        state.session = .ready(claims)
        state.user = nil
        state.auth = AuthState()
        state.form.clearSecrets()
        state.wishlist = WishlistState()
        state.orders = OrdersState()
        state.account = AccountState()
        state.checkout = CheckoutState()
        state.payment = PaymentState()
        state.cart = CartState()
        state.inFlight.subtract([.paymentPolling, .paymentSetup, .placeOrder, .cart])
        state.route = [.catalog]
    }

    /// The cart of the guest an expiry or a deactivation leaves behind. The client minted that guest a moment
    /// ago (its refresh was rejected, or the session was dropped), so, as at start-up (`startedAsNewGuest`), the
    /// server holds no cart for it and the read would be a certain 404: it is known empty. Logout is not this
    /// case: the server moves the active cart to the guest it answers, so that cart is read. Claims that are not
    /// a guest's (another window signed in on the same token file meanwhile) are read too.
    static func guestCart(_ state: inout State, _ claims: TokenClaims, _ environment: ShopEnvironment) -> Effect {
        guard claims.isAnonymous else { return loadCart(&state, environment) }
        state.cart.isLoaded = true
        return .none
    }

    static func sendOTP(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        let channel = state.auth.channel
        state.inFlight.insert(.login)
        state.auth.message = nil
        switch state.auth.purpose {
        case .login:
            let identifier = state.form.trimmed(.loginIdentifier)
            return call(.auth, environment) { api in
                .session(
                    .response(
                        .otpSent(try await api.login(channel, identifier: identifier, registerIfNotExists: false))))
            } failure: { error in
                isAccountMissing(error)
                    ? .session(.response(.accountNotFound)) : .session(.response(.otpRequestFailed(error)))
            }
        case .register:
            // With a password (`/auth/register/password`): email and/or phone and the password, confirmed by an
            // OTP too; without one the OTP goes by the chosen channel.
            let withPassword = state.auth.usePassword
            let registration =
                withPassword
                ? passwordRegistration(state)
                : Registration(
                    firstName: state.form.trimmed(.registerFirstName),
                    lastName: nonEmpty(state.form.trimmed(.registerLastName)),
                    phone: nonEmpty(state.form.trimmed(.registerPhone)),
                    email: nonEmpty(state.form.trimmed(.registerEmail)))
            if withPassword { state.inFlight.insert(.register) }
            let otpChannel: OTPChannel? = withPassword ? nil : channel
            return call(.auth, environment) { api in
                guard let challenge = try await api.register(otpChannel, registration) else {
                    return .session(.response(.signedIn(user: nil, claims: try await api.session())))
                }
                return .session(.response(.otpSent(challenge)))
            } failure: {
                .session(.response(.otpRequestFailed($0)))
            }
        case .resetPassword:
            let identifier = state.form.trimmed(.resetIdentifier)
            return call(.auth, environment) { api in
                let isEmail = identifier.contains("@")
                return .account(
                    .response(
                        .resetOTPSent(
                            try await api.forgotPassword(
                                email: isEmail ? identifier : nil, phone: isEmail ? nil : identifier))))
            } failure: {
                .session(.response(.otpRequestFailed($0)))
            }
        }
    }

    /// The register screen's fields for a password account (the vendor's body has no names).
    static func passwordRegistration(_ state: State) -> Registration {
        Registration(
            firstName: state.form.trimmed(.registerFirstName), phone: nonEmpty(state.form.trimmed(.registerPhone)),
            email: nonEmpty(state.form.trimmed(.registerEmail)), password: nonEmpty(state.form[.password]))
    }

    /// A 404 (or a not-found code) on login means there is no such account.
    static func isAccountMissing(_ error: APIError) -> Bool {
        guard case .http(let status, let code, _, _) = error else { return false }
        return status == 404 || code == "USER_NOT_FOUND" || code == "NOT_FOUND"
    }

    static func startCooldown(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        let seconds = environment.policy.otpResendCooldown
        state.auth.resendCooldown = seconds
        guard seconds > 0 else { return .cancel(.otpCooldown) }
        let clock = environment.clock
        return .run(id: .otpCooldown) { send in
            for _ in 0..<seconds {
                do { try await clock.sleep(for: .seconds(1)) } catch { return }
                await send(.session(.response(.cooldownTick)))
            }
        }
    }

    /// Logs in with `channel` from now on. Phone and WhatsApp take the same number; between them and email the
    /// typed identifier is put aside and what was typed for the other kind comes back (a phone number never
    /// stands in the email field).
    static func chooseChannel(_ state: inout State, _ channel: OTPChannel) {
        let wasEmail = state.auth.channel == .email
        state.auth.channel = channel
        guard wasEmail != (channel == .email) else { return }
        let typed = state.form[.loginIdentifier]
        state.form[.loginIdentifier] = state.auth.otherIdentifier
        state.auth.otherIdentifier = typed
    }

    static func identifierProblem(_ identifier: String, _ channel: OTPChannel) -> String? {
        switch channel {
        case .email:
            let parts = identifier.split(separator: "@")
            return parts.count == 2 && parts[1].contains(".") ? nil : "Enter an email address like asha@example.com."
        case .phone, .whatsapp:
            return identifier.count == 10 && identifier.allSatisfy(\.isNumber)
                ? nil : "Enter a 10-digit mobile number."
        }
    }

    static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    static func loadUser(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        guard state.isSignedIn else { return .none }
        state.inFlight.insert(.profile)
        return call(.account, environment) { api in
            .session(.response(.userLoaded(try await api.user())))
        } failure: {
            .account(.response(.failed(.profile, $0)))
        }
    }
}
