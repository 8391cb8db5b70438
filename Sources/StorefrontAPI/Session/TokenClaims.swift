import Foundation

/// What the client reads from an access token without asking the server.
///
/// The claim names are this project's decision (storefront-api.md): `user_id`, `is_anonymous`, `is_logged_in`,
/// `exp`. The token is not verified here; the server does that.
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

    /// A support token: it reads any user's cart and may change nothing.
    public var isSupport: Bool { role == "support" }

    /// Decodes a JWT's payload; nil when it is not a JWT we can read.
    public init?(jwt: String) {
        let parts = jwt.split(separator: ".")
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        guard let userId = (object["user_id"] as? String) ?? (object["sub"] as? String) else { return nil }
        self.userId = userId
        isAnonymous = object["is_anonymous"] as? Bool ?? false
        isLoggedIn = object["is_logged_in"] as? Bool ?? false
        expiresAt = (object["exp"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
        issuedAt = (object["iat"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
        role = object["role"] as? String
    }

    /// True when the token expires within `margin` of `now`.
    public func expires(within margin: TimeInterval, of now: Date) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt.timeIntervalSince(now) <= margin
    }
}
