import Foundation
import GRDB
import Hummingbird

/// The caller of a request, from its bearer token.
struct Session: Sendable {
    let claims: TokenClaims
    var userId: String { claims.userId }
    var isLoggedIn: Bool { claims.isLoggedIn }
    /// A read-only support token (``Authenticator/requireReader(_:)``).
    var isSupport: Bool { claims.isSupport }
}

/// Checks `X-Api-Key` and bearer tokens.
struct Authenticator: Sendable {
    let services: SandboxServices

    /// `X-Api-Key`: the configured key, or any non-empty key when none is configured.
    func requireAPIKey(_ request: Request) throws {
        let key = request.header("x-api-key")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !key.isEmpty else { throw APIError.unauthorized("X-Api-Key header is required") }
        if let expected = services.configuration.apiKey, key != expected {
            throw APIError.unauthorized("Invalid API key")
        }
    }

    func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// A valid access token of an active user. Support tokens are refused here: only the reads that call
    /// ``requireReader(_:)`` or ``requirePublicRead(_:)`` accept them.
    func require(_ request: Request) async throws -> Session {
        let session = try await verifiedSession(request)
        if session.isSupport { throw Self.supportRefusal(request) }
        return session
    }

    /// A customer's session, or a support token (which may read any user's cart, and nothing else).
    func requireReader(_ request: Request) async throws -> Session {
        try await verifiedSession(request)
    }

    /// Why a support token may not do this: every change is refused, and so are reads other than carts and
    /// the catalog.
    static func supportRefusal(_ request: Request) -> APIError {
        request.method == .get
            ? APIError.forbidden("A support token can only read users' carts and the catalog")
            : APIError.forbidden("A support token is read-only: \(request.method) is not allowed")
    }

    private func verifiedSession(_ request: Request) async throws -> Session {
        guard let token = bearerToken(request) else {
            throw APIError.unauthorized("Authorization header with a Bearer access token is required")
        }
        let claims: TokenClaims
        do {
            claims = try await services.tokens.verify(token, type: "access", now: Date())
        } catch .expired {
            throw APIError.tokenExpired
        } catch {
            throw APIError.unauthorized("Invalid access token")
        }
        if claims.isSupport { return Session(claims: claims) }
        let userId = claims.userId
        let active = try await services.database.read { db in
            try Bool.fetchOne(db, sql: "SELECT active FROM user WHERE id = ?", arguments: [userId])
        }
        guard active == true else { throw APIError.unauthorized("User not found or deactivated") }
        return Session(claims: claims)
    }

    /// A session whose user has logged in (not anonymous).
    func requireLoggedIn(_ request: Request) async throws -> Session {
        let session = try await require(request)
        guard session.isLoggedIn else { throw APIError.unauthorized("Login required") }
        return session
    }

    /// Catalog reads: a bearer token or an API key.
    func requirePublicRead(_ request: Request) async throws {
        if bearerToken(request) != nil {
            _ = try await requireReader(request)
        } else {
            try requireAPIKey(request)
        }
    }

    /// The `{user_id}` path parameter must be the caller, or the caller a support token (read routes only call
    /// this with a reader's session).
    static func requireSelfOrSupport(_ session: Session, _ userId: String) throws {
        if session.isSupport { return }
        try requireSelf(session, userId)
    }

    /// The `{user_id}` path parameter must be the caller.
    static func requireSelf(_ session: Session, _ userId: String) throws {
        guard session.userId == userId else {
            throw APIError.forbidden("You can only access your own resources")
        }
    }
}
