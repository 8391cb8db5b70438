import StorefrontAPI

/// The account: profile, notification preferences, change / forgot / reset password, deactivate (confirmed).
extension Reducer {
    static func reduceAccount(_ state: inout State, _ action: AccountAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .view(.editProfile):
            let user = state.user
            state.form[.profileFirstName] = user?.firstName ?? ""
            state.form[.profileLastName] = user?.lastName ?? ""
            state.form[.profileEmail] = user?.email ?? ""
            state.form.set(.profilePhone, user?.phone ?? "")
            if state.currentRoute != .profile { state.route.append(.profile) }
            return .none

        case .view(.saveProfile):
            guard !state.inFlight.contains(.profile) else { return .none }
            let firstName = state.form.trimmed(.profileFirstName)
            guard !firstName.isEmpty else {
                showError(&state, "Enter your first name.")
                return .none
            }
            let phone = state.form[.profilePhone]
            guard phone.isEmpty || phone.count == 10 else {
                showError(&state, "Enter a 10-digit phone number.")
                return .none
            }
            let update = UserUpdate(
                firstName: firstName, lastName: nonEmpty(state.form.trimmed(.profileLastName)),
                email: nonEmpty(state.form.trimmed(.profileEmail)), phone: nonEmpty(phone))
            state.inFlight.insert(.profile)
            return call(.account, environment) { api in
                .account(.response(.profileSaved(try await api.updateUser(update))))
            } failure: {
                .account(.response(.failed(.profile, $0)))
            }

        case .response(.profileSaved(let user)):
            state.inFlight.remove(.profile)
            state.user = user
            showSuccess(&state, "Profile saved.")
            if state.currentRoute == .profile { state.route.removeLast() }
            return .none

        case .view(.loadPreferences):
            state.inFlight.insert(.notifications)
            return call(.account, environment) { api in
                .account(.response(.preferencesLoaded(try await api.notificationPreferences())))
            } failure: {
                .account(.response(.failed(.notifications, $0)))
            }

        case .response(.preferencesLoaded(let preferences)):
            state.inFlight.remove(.notifications)
            state.account.preferences = preferences
            state.account.preferencesStored = true
            return .none

        case .view(.togglePreference(let topic, let medium)):
            var preferences =
                state.account.preferences
                ?? NotificationPreferences(transactional: nil, promotional: nil, newsletter: nil)
            var channels =
                preferences.channels(topic) ?? NotificationChannels(email: false, sms: false, whatsapp: false)
            channels.toggle(medium)
            preferences.setChannels(topic, channels)
            state.account.preferences = preferences
            return .none

        case .view(.toggleSelectedPreference):
            let media = NotificationMedium.allCases
            let topics = NotificationTopic.allCases
            let index = state.account.preferenceIndex
            guard topics.indices.contains(index / media.count) else { return .none }
            return reduceAccount(
                &state, .view(.togglePreference(topics[index / media.count], media[index % media.count])), environment)

        case .view(.savePreferences):
            guard let preferences = state.account.preferences, !state.inFlight.contains(.notifications) else {
                return .none
            }
            state.inFlight.insert(.notifications)
            let create = !state.account.preferencesStored
            return call(.account, environment) { api in
                .account(
                    .response(.preferencesSaved(try await api.saveNotificationPreferences(preferences, create: create)))
                )
            } failure: {
                .account(.response(.failed(.notifications, $0)))
            }

        case .response(.preferencesSaved(let preferences)):
            state.inFlight.remove(.notifications)
            state.account.preferences = preferences
            state.account.preferencesStored = true
            showSuccess(&state, "Notification preferences saved.")
            return .none

        case .view(.changePassword):
            guard !state.inFlight.contains(.password) else { return .none }
            let current = state.form[.currentPassword]
            let new = state.form[.newPassword]
            guard !current.isEmpty else {
                showError(&state, "Enter your current password.")
                return .none
            }
            guard new.count >= 8 else {
                showError(&state, "The new password needs at least 8 characters.")
                return .none
            }
            state.inFlight.insert(.password)
            return call(.account, environment) { api in
                try await api.changePassword(old: current, new: new)
                return .account(.response(.passwordChanged))
            } failure: {
                .account(.response(.failed(.password, $0)))
            }

        case .response(.passwordChanged), .response(.passwordReset):
            state.inFlight.remove(.password)
            state.form.clearSecrets()
            state.account.resetChallenge = nil
            state.route.removeAll { $0 == .changePassword || $0 == .forgotPassword || $0 == .resetPassword }
            showSuccess(
                &state,
                action == .response(.passwordChanged) ? "Password changed." : "Password reset. You can log in with it.")
            return .none

        case .view(.forgotPassword):
            guard !state.inFlight.contains(.login) else { return .none }
            let identifier = state.form.trimmed(.resetIdentifier)
            let channel: OTPChannel = identifier.contains("@") ? .email : .phone
            if let problem = identifierProblem(identifier, channel) {
                showError(&state, problem)
                return .none
            }
            state.auth.purpose = .resetPassword
            return sendOTP(&state, environment)

        case .response(.resetOTPSent(let challenge)):
            state.inFlight.remove(.login)
            state.account.resetChallenge = challenge
            state.auth.challenge = challenge
            state.auth.triesLeft = environment.policy.otpAttempts
            state.auth.message = nil
            state.form[.otp] = ""
            if state.currentRoute != .resetPassword { state.route.append(.resetPassword) }
            return startCooldown(&state, environment)

        case .view(.submitReset):
            guard let challenge = state.account.resetChallenge, !state.inFlight.contains(.password) else {
                return .none
            }
            let otp = state.form.trimmed(.otp)
            let new = state.form[.newPassword]
            guard otp.count >= 4 else {
                showError(&state, "Enter the OTP you received.")
                return .none
            }
            guard new.count >= 8 else {
                showError(&state, "The new password needs at least 8 characters.")
                return .none
            }
            state.inFlight.insert(.password)
            return call(.account, environment) { api in
                _ = try await api.verifyOTP(otp, challenge: challenge)
                try await api.resetPassword(newPassword: new, otpToken: challenge.otpToken)
                return .account(.response(.passwordReset))
            } failure: {
                .account(.response(.failed(.password, $0)))
            }

        case .view(.requestDeactivation):
            guard state.isSignedIn else { return .none }
            state.account.confirmingDeactivation = true
            return .none

        case .view(.cancelDeactivation):
            state.account.confirmingDeactivation = false
            return .none

        case .view(.confirmDeactivation):
            guard state.account.confirmingDeactivation, !state.inFlight.contains(.deactivate) else { return .none }
            state.account.confirmingDeactivation = false
            state.inFlight.insert(.deactivate)
            return call(.account, environment) { api in
                try await api.deactivateAccount()
                return .account(.response(.deactivated(try await api.session())))
            } failure: {
                .account(.response(.failed(.deactivate, $0)))
            }

        case .response(.deactivated(let claims)):
            state.inFlight.remove(.deactivate)
            resetUserData(&state, claims: claims)
            showInfo(&state, "Your account was deactivated.")
            return guestCart(&state, claims, environment)

        case .response(.loyaltyLoaded(let details)):
            loyaltyLoaded(&state, details)
            return .none

        case .response(.failed(let activity, let failure)):
            if activity == .notifications, failure.status == 404, state.account.preferences == nil {
                // None saved yet: start from all off; saving creates them.
                state.inFlight.remove(.notifications)
                let off = NotificationChannels(email: false, sms: false, whatsapp: false)
                state.account.preferences = NotificationPreferences(
                    transactional: off, promotional: off, newsletter: off)
                state.account.preferencesStored = false
                return .none
            }
            if activity == .password, failure.status == 401 || failure.status == 400 {
                state.inFlight.remove(.password)
                state.form.clearSecrets()
                showError(&state, failure.status == 401 ? "The current password is wrong." : failure.message)
                return .none
            }
            return fail(&state, failure, activity, environment)
        }
    }
}
