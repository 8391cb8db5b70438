import Foundation

/// Who the session is and when its access token expires.
///
/// The user id and the anonymous / logged-in flags come from `content.user` of the auth answers, kept with the
/// tokens (``SessionIdentity``). The token itself is read only for its times (`exp`, `iat`) when it is a JWT,
/// and for the sandbox's `role` claim on support tokens; an opaque token works, and is trusted until a 401.
public struct TokenClaims: Sendable, Hashable, Codable {
    public var userId: String
    public var isAnonymous: Bool
    public var isLoggedIn: Bool
    public var expiresAt: Date?
    /// `iat`, when the token carries it.
    public var issuedAt: Date?
    /// `role`: "support" on a read-only support token (sandbox extension); nil on customers' tokens.
    public var role: String?

    public init(
        userId: String, isAnonymous: Bool, isLoggedIn: Bool, expiresAt: Date?, issuedAt: Date? = nil,
        role: String? = nil
    ) {
        self.userId = userId
        self.isAnonymous = isAnonymous
        self.isLoggedIn = isLoggedIn
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.role = role
    }

    /// The session of `identity`, with the times of `accessToken` when it is a JWT.
    public init(identity: SessionIdentity, accessToken: String) {
        let times = TokenTimes(accessToken)
        self.init(
            userId: identity.userId, isAnonymous: identity.isAnonymous, isLoggedIn: identity.isLoggedIn,
            expiresAt: times.expiresAt, issuedAt: times.issuedAt)
    }

    /// The session of a token pair whose identity an answer gave; nil when none did.
    public init?(pair: TokenPair) {
        guard let identity = pair.identity else { return nil }
        self.init(identity: identity, accessToken: pair.accessToken)
    }

    /// A read-only support token (a sandbox extension, or an operator's): no customer, its role and times.
    public init(supportToken: String) {
        let times = TokenTimes(supportToken)
        self.init(
            userId: "support", isAnonymous: false, isLoggedIn: false, expiresAt: times.expiresAt,
            issuedAt: times.issuedAt, role: times.role ?? "support")
    }

    /// A support token: it reads any user's cart and may change nothing.
    public var isSupport: Bool { role == "support" }

    /// True when the token expires within `margin` of `now`.
    public func expires(within margin: TimeInterval, of now: Date) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt.timeIntervalSince(now) <= margin
    }
}

/// What is read from an access token: its times, when it is a JWT (and the sandbox's `role` claim). Nothing
/// else: an opaque token has no times and is used until the server answers 401.
public struct TokenTimes: Sendable, Hashable {
    public var expiresAt: Date?
    public var issuedAt: Date?
    public var role: String?

    public init(_ token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return }
        expiresAt = (object["exp"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
        issuedAt = (object["iat"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
        role = object["role"] as? String
    }

    /// True when the token expires within `margin` of `now` (never for a token without `exp`).
    public func expires(within margin: TimeInterval, of now: Date) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt.timeIntervalSince(now) <= margin
    }
}
