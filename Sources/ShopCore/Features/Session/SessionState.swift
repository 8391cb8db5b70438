import StorefrontAPI

public enum SessionState: Equatable, Sendable {
    case starting
    case ready(TokenClaims)
    case failed(APIError)

    public var claims: TokenClaims? {
        if case .ready(let claims) = self { return claims }
        return nil
    }
}

/// What an OTP is for.
public enum OTPPurpose: String, Codable, Sendable, Hashable {
    case login, register, resetPassword
}

public struct AuthState: Equatable, Sendable {
    /// How the user identifies: phone, email or WhatsApp.
    public var channel: OTPChannel = .phone
    public var purpose: OTPPurpose = .login
    /// The OTP challenge being answered.
    public var challenge: OTPChallenge?
    /// Seconds until "resend" is allowed.
    public var resendCooldown = 0
    /// Wrong OTPs still accepted for this challenge.
    public var triesLeft = 0
    /// The OTP screen's message ("Wrong OTP, 2 tries left").
    public var message: String?
    /// Where to go once signed in (checkout sends guests to log in first).
    public var afterLogin: Route?
    /// What was typed as the identifier of the other kind (an email address while a number is asked for, or a
    /// number while an email is): switching between email and phone swaps it back, so one is never shown as
    /// the other.
    public var otherIdentifier = ""
    /// The login screen asks for a password instead of sending an OTP; the register screen then creates an
    /// account with a password (`/auth/register/password`, still confirmed by an OTP).
    public var usePassword = false

    public init() {}

    /// In the sandbox (debug mode) the OTP comes back with the challenge: the OTP screen shows it.
    public var sandboxOTP: String? { challenge?.otp }
    public var canResend: Bool { resendCooldown == 0 }
}
