import Foundation

private struct PhoneLogin: Encodable, Sendable {
    var phone: String
    var countryCode = "+91"
    var registerIfNotExists: Bool
}

private struct EmailLogin: Encodable, Sendable {
    var email: String
    var registerIfNotExists: Bool
}

private struct VerifyOTP: Encodable, Sendable {
    var otp: String
    var otpToken: String
    var otpAction: String
}

/// A new account's details for `/auth/register/*`.
public struct Registration: Codable, Sendable, Hashable {
    public var firstName: String
    public var lastName: String?
    public var phone: String?
    public var email: String?
    public var password: String?
    public var countryCode: String?

    public init(
        firstName: String, lastName: String? = nil, phone: String? = nil, email: String? = nil,
        password: String? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.email = email
        self.password = password
        self.countryCode = phone == nil ? nil : "+91"
    }
}

/// The documented body of each `/auth/register/*`: phone and WhatsApp `{country_code, phone, first_name,
/// last_name, email}`, email `{email, first_name, last_name, phone}`, password `{email, password,
/// confirm_password, phone, country_code}` (no names).
private struct RegistrationBody: Encodable, Sendable {
    let channel: OTPChannel?
    let registration: Registration

    init(_ channel: OTPChannel?, _ registration: Registration) {
        self.channel = channel
        self.registration = registration
    }

    private enum CodingKeys: String, CodingKey {
        case firstName, lastName, email, phone, countryCode, password, confirmPassword
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let r = registration
        try container.encodeIfPresent(r.email, forKey: .email)
        try container.encodeIfPresent(r.phone, forKey: .phone)
        if channel != .email, r.phone != nil { try container.encode(r.countryCode ?? "+91", forKey: .countryCode) }
        if channel == nil {
            try container.encodeIfPresent(r.password, forKey: .password)
            try container.encodeIfPresent(r.password, forKey: .confirmPassword)
        } else {
            try container.encode(r.firstName, forKey: .firstName)
            try container.encodeIfPresent(r.lastName, forKey: .lastName)
        }
    }
}

/// What a registration answers: an OTP challenge (current spec) or, on older deployments, tokens.
private struct RegistrationAnswer: Decodable, Sendable {
    var challenge: OTPChallenge?
    var tokens: OptionalTokens

    init(from decoder: any Decoder) throws {
        challenge = try? OTPChallenge(from: decoder)
        tokens = try OptionalTokens(from: decoder)
    }
}

/// Answers that may or may not rotate the tokens (and may name the user they belong to).
struct OptionalTokens: Decodable, Sendable {
    var accessToken: String?
    var refreshToken: String?
    var user: User?

    private enum CodingKeys: String, CodingKey { case accessToken, refreshToken, user }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try container.decodeIfPresent(String.self, forKey: .accessToken)
        refreshToken = try container.decodeIfPresent(String.self, forKey: .refreshToken)
        user = try? container.decodeIfPresent(User.self, forKey: .user)
    }

    var tokens: TokenPair? {
        guard let accessToken, let refreshToken else { return nil }
        return TokenPair(
            accessToken: accessToken, refreshToken: refreshToken, identity: user.map(SessionIdentity.init))
    }
}

extension StorefrontClient {
    /// Starts an OTP login by phone, email or WhatsApp.
    public func login(_ channel: OTPChannel, identifier: String, registerIfNotExists: Bool = false)
        async throws(APIError) -> OTPChallenge
    {
        switch channel {
        case .phone:
            try await send(
                "POST", "/auth/login/phone",
                body: PhoneLogin(phone: identifier, registerIfNotExists: registerIfNotExists))
        case .whatsapp:
            try await send(
                "POST", "/auth/login/whatsapp",
                body: PhoneLogin(phone: identifier, registerIfNotExists: registerIfNotExists))
        case .email:
            try await send(
                "POST", "/auth/login/email",
                body: EmailLogin(email: identifier, registerIfNotExists: registerIfNotExists))
        }
    }

    /// Password login; answers tokens directly.
    public func loginWithPassword(identifier: String, password: String) async throws(APIError) -> User? {
        struct Body: Encodable, Sendable {
            var email: String?
            var phone: String?
            var countryCode: String?
            var password: String
        }
        let isEmail = identifier.contains("@")
        let content: AuthContent = try await send(
            "POST", "/auth/login/password",
            body: Body(
                email: isEmail ? identifier : nil, phone: isEmail ? nil : identifier,
                countryCode: isEmail ? nil : "+91", password: password))
        adopt(content.tokens)
        return content.user
    }

    /// Registers a new account by phone, email, WhatsApp or (channel nil) password. Every kind answers an OTP
    /// challenge (the current spec's `OtpContent`; password registration is OTP-first too), to pass to
    /// ``verifyOTP(_:challenge:)``. An older answer carrying tokens directly is adopted, and nil is returned.
    public func register(_ channel: OTPChannel?, _ registration: Registration) async throws(APIError) -> OTPChallenge? {
        let path =
            switch channel {
            case .phone?: "/auth/register/phone"
            case .email?: "/auth/register/email"
            case .whatsapp?: "/auth/register/whatsapp"
            case nil: "/auth/register/password"
            }
        let content: RegistrationAnswer = try await send("POST", path, body: RegistrationBody(channel, registration))
        if let tokens = content.tokens.tokens {
            adopt(tokens)
            return nil
        }
        guard let challenge = content.challenge else {
            throw .decoding(path: "content.otp_token", message: "missing")
        }
        return challenge
    }

    /// Verifies an OTP; on success the session's tokens become the signed-in user's (and are persisted).
    public func verifyOTP(_ otp: String, challenge: OTPChallenge) async throws(APIError) -> User? {
        let content: AuthContent = try await send(
            "POST", "/auth/verify-otp",
            body: VerifyOTP(otp: otp, otpToken: challenge.otpToken, otpAction: challenge.otpAction))
        adopt(content.tokens)
        return content.user
    }

    /// Asks for a new OTP (resend) for an action such as `verify-phone`.
    public func generateOTP(channel: String, phone: String?, email: String?, action: String)
        async throws(APIError) -> OTPChallenge
    {
        struct Body: Encodable, Sendable {
            var channel: String
            var phone: String?
            var email: String?
            var otpAction: String
            var countryCode: String?
        }
        return try await send(
            "POST", "/auth/generate-otp",
            body: Body(
                channel: channel, phone: phone, email: email, otpAction: action,
                countryCode: phone == nil ? nil : "+91"))
    }

    /// Logs out: the server answers new anonymous tokens, which replace ours (the cart stays).
    public func logout() async throws(APIError) -> User? {
        let content: AuthContent = try await send("POST", "/auth/logout", body: Optional<EmptyContent>.none)
        adopt(content.tokens)
        return content.user
    }

    public func forgotPassword(email: String?, phone: String?) async throws(APIError) -> OTPChallenge {
        /// The reference marks email, phone and country code required: the one not given is sent as `null`.
        struct Body: Encodable, Sendable {
            var email: String?
            var phone: String?
            var countryCode: String?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(email, forKey: .email)
                try container.encode(phone, forKey: .phone)
                try container.encode(countryCode, forKey: .countryCode)
            }

            private enum CodingKeys: String, CodingKey { case email, phone, countryCode }
        }
        var challenge: OTPChallenge = try await send(
            "POST", "/auth/forgot-password",
            body: Body(email: email, phone: phone, countryCode: phone == nil ? nil : "+91"))
        // The documented answer is `{otp_token}` alone: the OTP is the reset-password one.
        if challenge.otpAction.isEmpty { challenge.otpAction = "reset-password" }
        return challenge
    }

    /// Sets a new password with the OTP of ``forgotPassword(email:phone:)``; the answer's tokens are adopted.
    public func resetPassword(newPassword: String, otp: String, challenge: OTPChallenge) async throws(APIError) {
        struct Body: Encodable, Sendable {
            var newPassword: String
            var confirmPassword: String
            var otp: String
            var otpToken: String
        }
        let content: OptionalTokens = try await send(
            "POST", "/auth/reset-password",
            body: Body(newPassword: newPassword, confirmPassword: newPassword, otp: otp, otpToken: challenge.otpToken))
        adoptIfIdentified(content.tokens)
    }

    /// Without the OTP: only for a flow where the `otp_token` alone proves the reset (not the sandbox's, which
    /// wants the OTP too; use ``resetPassword(newPassword:otp:challenge:)``).
    public func resetPassword(newPassword: String, otpToken: String) async throws(APIError) {
        struct Body: Encodable, Sendable {
            var newPassword: String
            var confirmPassword: String
            var otpToken: String
        }
        let content: OptionalTokens = try await send(
            "POST", "/auth/reset-password",
            body: Body(newPassword: newPassword, confirmPassword: newPassword, otpToken: otpToken))
        adoptIfIdentified(content.tokens)
    }

    /// A reset answers tokens of the account whose password was reset; without `content.user` it does not say
    /// which, so they are not adopted (the session stays as it was, and the person signs in with the new
    /// password).
    private func adoptIfIdentified(_ pair: TokenPair?) {
        guard let pair, pair.identity != nil else { return }
        adopt(pair)
    }
}
