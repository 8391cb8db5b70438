import Foundation
import GRDB
import JWTKit

/// The claims of sandbox access and refresh tokens (HS256 JWTs).
struct TokenClaims: JWTPayload, Equatable {
    var userId: String
    var isAnonymous: Bool
    var isLoggedIn: Bool
    var customerId: String?
    var firstName: String?
    var email: String?
    var phone: String?
    /// "access" | "refresh".
    var tokenType: String
    /// One login session; logout revokes its refresh tokens.
    var sessionId: String
    var jti: String
    var iat: Int
    var exp: Int
    /// "support" on a support token (read-only, any user's cart); absent on customers' tokens.
    var role: String? = nil

    static let supportRole = "support"
    var isSupport: Bool { role == Self.supportRole }

    enum CodingKeys: String, CodingKey {
        case userId = "user_id"
        case isAnonymous = "is_anonymous"
        case isLoggedIn = "is_logged_in"
        case customerId = "customer_id"
        case firstName = "first_name"
        case email, phone
        case tokenType = "token_type"
        case sessionId = "session_id"
        case jti, iat, exp, role
    }

    /// Signature only; expiry is checked by ``TokenService`` so that it can answer `TOKEN_EXPIRED`.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// An access and a refresh token; encoded, the answer that carries only the tokens.
struct TokenPair: Encodable, Sendable {
    var accessToken: String
    var refreshToken: String
}

/// Signs and verifies tokens. The HMAC key lives in the database so that every server on one file agrees.
struct TokenService: Sendable {
    let keys: JWTKeyCollection
    let accessLifetime: Duration
    let refreshLifetime: Duration
    let verified = VerifiedTokenCache()

    static func make(secret: String, accessLifetime: Duration, refreshLifetime: Duration) async -> TokenService {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return TokenService(keys: keys, accessLifetime: accessLifetime, refreshLifetime: refreshLifetime)
    }

    /// Issues a pair and records the refresh token. Call inside the write transaction that changed the user
    /// (signing is synchronous work on the key collection, so it happens before; see ``issue(for:session:now:)``).
    func issue(for user: UserRecord, session: String, now: Date) async throws -> (TokenPair, RefreshTokenRecord) {
        let iat = Int(now.timeIntervalSince1970)
        func claims(_ type: String, lifetime: Duration) -> TokenClaims {
            TokenClaims(
                userId: user.id, isAnonymous: user.isAnonymous, isLoggedIn: !user.isAnonymous,
                customerId: user.customerId, firstName: user.firstName, email: user.email, phone: user.phone,
                tokenType: type, sessionId: session, jti: IDs.make(now: now), iat: iat,
                exp: iat + Int(lifetime.components.seconds))
        }
        let access = claims("access", lifetime: accessLifetime)
        let refresh = claims("refresh", lifetime: refreshLifetime)
        let pair = TokenPair(
            accessToken: try await keys.sign(access), refreshToken: try await keys.sign(refresh))
        let record = RefreshTokenRecord(
            jti: refresh.jti, userId: user.id, sessionId: session,
            expiresAt: Date(timeIntervalSince1970: TimeInterval(refresh.exp)), usedAt: nil)
        return (pair, record)
    }

    /// A read-only support access token (no refresh token: a support session is short and started again).
    func issueSupport(lifetime: Duration, now: Date) async throws -> String {
        let iat = Int(now.timeIntervalSince1970)
        let claims = TokenClaims(
            userId: TokenClaims.supportRole, isAnonymous: false, isLoggedIn: false, customerId: nil, firstName: nil,
            email: nil, phone: nil, tokenType: "access", sessionId: IDs.make(now: now), jti: IDs.make(now: now),
            iat: iat, exp: iat + Int(lifetime.components.seconds), role: TokenClaims.supportRole)
        return try await keys.sign(claims)
    }

    enum Failure: Error { case invalid, expired }

    /// The claims of a token signed with our key (its signature checked once per token string, see
    /// ``VerifiedTokenCache``), of type `type` and not expired at `now`.
    func verify(_ token: String, type: String, now: Date) async throws(Failure) -> TokenClaims {
        let seconds = Int(now.timeIntervalSince1970)
        let claims: TokenClaims
        if let known = verified.claims(of: token) {
            claims = known
        } else {
            do {
                claims = try await keys.verify(token, as: TokenClaims.self)
            } catch {
                throw .invalid
            }
            if seconds < claims.exp { verified.keep(claims, of: token, now: seconds) }
        }
        guard claims.tokenType == type else { throw .invalid }
        guard seconds < claims.exp else { throw .expired }
        return claims
    }
}
