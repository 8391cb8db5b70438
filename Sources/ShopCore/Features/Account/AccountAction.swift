import StorefrontAPI

/// The types of ``AccountAction``: what the user asks, what effects answer.
public enum AccountFeature {
    /// What the user asked for.
    public enum View: Equatable, Sendable, Codable {
        /// Opens the profile form filled with the user's details.
        case editProfile
        case saveProfile
        case loadPreferences
        case togglePreference(NotificationTopic, NotificationMedium)
        /// Toggles the preference under the cursor.
        case toggleSelectedPreference
        case savePreferences
        case changePassword
        /// Sends a reset OTP to `resetIdentifier`.
        case forgotPassword
        /// Verifies the `otp` field and sets `newPassword`.
        case submitReset
        case requestDeactivation
        case confirmDeactivation
        case cancelDeactivation
    }

    /// What an effect answered.
    public enum Response: Equatable, Sendable, Codable {
        case profileSaved(User)
        case preferencesLoaded(NotificationPreferences)
        case preferencesSaved(NotificationPreferences)
        case passwordChanged
        case resetOTPSent(OTPChallenge)
        case passwordReset
        case deactivated(TokenClaims)
        /// The loyalty details read on opening Account or Coupons; nil when the store would not tell them.
        case loyaltyLoaded(LoyaltyDetails?)
        case failed(Activity, APIError)
    }
}
