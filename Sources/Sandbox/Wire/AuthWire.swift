/// A sign-in's answer: the user with a new token pair.
struct TokensContent<User: Encodable & Sendable>: Encodable, Sendable {
    var user: User
    var accessToken: String
    var refreshToken: String

    /// The pair alone (refresh, change and reset password answer only the tokens).
    var pair: TokenPair { TokenPair(accessToken: accessToken, refreshToken: refreshToken) }
}

/// An OTP sent: its token, what it is for, and the code itself only with `x-debug-mode: true`.
struct OTPContent: Encodable, Sendable {
    var otpToken: String
    /// Left out by forgot password, whose documented answer is `{otp_token}` alone.
    var otpAction: OTPAction?
    /// Only with `x-debug-mode: true`.
    var otp: String?
}
