import StorefrontAPI

/// The types of ``SessionAction``: what the user asks, what effects answer and what it tells its parent.
public enum SessionFeature {
    /// What the user asked for.
    public enum View: Equatable, Sendable, Codable {
        case chooseChannel(OTPChannel)
        /// Sends an OTP to `loginIdentifier` by the chosen channel.
        case requestOTP
        case resendOTP
        /// Verifies the `otp` field.
        case submitOTP
        /// Creates the account from the `register*` fields (after "account not found").
        case submitRegistration
        /// Logs in with `loginIdentifier` and `password`.
        case loginWithPassword
        /// Switches the login screen between an OTP and a password.
        case togglePasswordLogin
        /// From the login screen: create an account with a password (the register screen, the identifier filled in).
        case registerWithPassword
        /// Asks "Log out?" first (`logout` does it).
        case requestLogout
        case cancelLogout
        case logout
    }

    /// What an effect answered.
    public enum Response: Equatable, Sendable, Codable {
        /// A stored session was restored (or refreshed): its cart, if any, is on the server.
        case started(TokenClaims)
        /// No session was stored and an anonymous one was minted just now: that user has no cart yet.
        case startedAsNewGuest(TokenClaims)
        case startFailed(APIError)
        case otpSent(OTPChallenge)
        case otpRequestFailed(APIError)
        /// Login answered that no such account exists: the register screen opens.
        case accountNotFound
        case cooldownTick
        case otpRejected(APIError)
        case signedIn(user: User?, claims: TokenClaims)
        case signInFailed(APIError)
        case userLoaded(User)
        case signedOut(TokenClaims)
        case logoutFailed(APIError)
        /// The session expired and a fresh anonymous one was started.
        case expired(TokenClaims)
    }

    /// What the session tells its parent, which routes it (`DelegateRouting.swift`).
    public enum Delegate: Equatable, Sendable, Codable {
        /// The customer signed in just now: what belongs to the account (the wishlist) can be read.
        case signedIn
        /// A session restored signed in: its newest orders say whether any awaits payment.
        case restoredSignedIn
    }
}
