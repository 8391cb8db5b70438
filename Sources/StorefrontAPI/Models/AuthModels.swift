/// A user as `/auth/*` returns it (the anonymous user is the same shape with fewer fields).
public struct User: Codable, Sendable, Hashable, Identifiable {
    @LenientID public var id: String
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var countryCode: String?
    @Defaulted<Defaults.False> public var isEmailVerified: Bool
    @Defaulted<Defaults.False> public var isPhoneVerified: Bool
    public var profileImageUrl: String?
    @Defaulted<Defaults.False> public var isAnonymous: Bool
    @Defaulted<Defaults.False> public var isLoggedIn: Bool
    public var loginMethods: [String]?
    public var notificationPreferences: NotificationPreferences?
    public var customerId: String?
    /// Credit balance the user may use, where the store says; nil when not told. The vendor's user has no such
    /// field and documents no credit-balance read: only the sandbox tells it (an extension, SANDBOX.md), so a real
    /// store shows and prefills no credit. Loyalty points come from ``StorefrontClient/loyalty()``.
    public var creditBalance: Money?

    public init(
        id: String, firstName: String? = nil, lastName: String? = nil, email: String? = nil,
        phone: String? = nil, isAnonymous: Bool, isLoggedIn: Bool
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.isAnonymous = isAnonymous
        self.isLoggedIn = isLoggedIn
    }

    /// What the header shows: a name, else the email or phone, else "guest".
    public var displayName: String {
        let name = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        if !name.isEmpty { return name }
        return email ?? phone ?? (isLoggedIn ? "signed in" : "guest")
    }
}

public struct NotificationChannels: Codable, Sendable, Hashable {
    @Defaulted<Defaults.False> public var email: Bool
    @Defaulted<Defaults.False> public var sms: Bool
    @Defaulted<Defaults.False> public var whatsapp: Bool

    public init(email: Bool, sms: Bool, whatsapp: Bool) {
        self.email = email
        self.sms = sms
        self.whatsapp = whatsapp
    }
}

public struct NotificationPreferences: Codable, Sendable, Hashable {
    public var transactional: NotificationChannels?
    public var promotional: NotificationChannels?
    public var newsletter: NotificationChannels?

    public init(
        transactional: NotificationChannels?, promotional: NotificationChannels?,
        newsletter: NotificationChannels?
    ) {
        self.transactional = transactional
        self.promotional = promotional
        self.newsletter = newsletter
    }
}

/// Who a session is, as the auth answers say it in `content.user` (never read from the token itself).
public struct SessionIdentity: Codable, Sendable, Hashable {
    public var userId: String
    public var isAnonymous: Bool
    public var isLoggedIn: Bool

    public init(userId: String, isAnonymous: Bool, isLoggedIn: Bool) {
        self.userId = userId
        self.isAnonymous = isAnonymous
        self.isLoggedIn = isLoggedIn
    }

    public init(_ user: User) {
        self.init(userId: user.id, isAnonymous: user.isAnonymous, isLoggedIn: user.isLoggedIn)
    }
}

/// Access and refresh token pair, with the identity the answer that issued them gave (kept with the tokens).
///
/// Refresh and change-password answers carry tokens only: they keep the identity the pair had.
public struct TokenPair: Codable, Sendable, Hashable {
    public var accessToken: String
    public var refreshToken: String
    public var identity: SessionIdentity?

    public init(accessToken: String, refreshToken: String, identity: SessionIdentity? = nil) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.identity = identity
    }

    private enum CodingKeys: String, CodingKey { case accessToken, refreshToken, identity, user }

    /// From the token file (`identity`) or an answer's `content` (`user`, when it carries one).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try container.decode(String.self, forKey: .accessToken)
        refreshToken = try container.decode(String.self, forKey: .refreshToken)
        identity =
            try container.decodeIfPresent(SessionIdentity.self, forKey: .identity)
            ?? (try? container.decodeIfPresent(User.self, forKey: .user)).flatMap { $0.map(SessionIdentity.init) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accessToken, forKey: .accessToken)
        try container.encode(refreshToken, forKey: .refreshToken)
        try container.encodeIfPresent(identity, forKey: .identity)
    }
}

/// `content` of anonymous, verify-otp, logout and password login.
public struct AuthContent: Decodable, Sendable, Hashable {
    public var user: User?
    public var accessToken: String
    public var refreshToken: String

    public var tokens: TokenPair {
        TokenPair(accessToken: accessToken, refreshToken: refreshToken, identity: user.map(SessionIdentity.init))
    }
}

/// What an OTP request answers: a token to verify with, the action, and in debug mode the OTP itself.
public struct OTPChallenge: Codable, Sendable, Hashable {
    public var otpToken: String
    public var otpAction: String
    /// Only with `x-debug-mode: true` (sandbox and tests).
    public var otp: String?

    public init(otpToken: String, otpAction: String, otp: String? = nil) {
        self.otpToken = otpToken
        self.otpAction = otpAction
        self.otp = otp
    }

    private enum CodingKeys: String, CodingKey { case otpToken, otpAction, otp }

    /// Forgot password answers `{otp_token}` alone: the action is then empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        otpToken = try container.decode(String.self, forKey: .otpToken)
        otpAction = try container.decodeIfPresent(String.self, forKey: .otpAction) ?? ""
        otp = try container.decodeIfPresent(String.self, forKey: .otp)
    }
}

/// How a person identifies for an OTP.
public enum OTPChannel: String, Codable, Sendable, Hashable, CaseIterable {
    case phone, email, whatsapp
}

public struct UserContent: Decodable, Sendable, Hashable {
    public var user: User
}

public struct UserUpdate: Encodable, Sendable, Hashable {
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?

    public init(firstName: String? = nil, lastName: String? = nil, email: String? = nil, phone: String? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
    }

    private enum CodingKeys: String, CodingKey { case firstName, lastName, email, phone, countryCode }

    /// The reference marks first and last name, email and phone required (nullable): all four are always sent,
    /// `null` where empty, with the phone's country code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encode(email, forKey: .email)
        try container.encode(phone, forKey: .phone)
        if phone != nil { try container.encode("+91", forKey: .countryCode) }
    }
}

public struct VerificationStatus: Codable, Sendable, Hashable {
    @Defaulted<Defaults.EmptyList<String>> public var verifiedPhone: [String]
    @Defaulted<Defaults.EmptyList<String>> public var verifiedEmail: [String]
}

public struct NotificationPreferencesContent: Decodable, Sendable, Hashable {
    public var notificationPreferences: NotificationPreferences
}

public struct ProfileImageContent: Decodable, Sendable, Hashable {
    public var profileImageUrl: String?
}
