import Foundation
import GRDB
import Hummingbird

/// The caller of a request, from its bearer token.
struct Session: Sendable {
    let claims: TokenClaims
    var userId: String { claims.userId }
    var isLoggedIn: Bool { claims.isLoggedIn }
    /// A read-only support token (``AccessPolicy/reader``).
    var isSupport: Bool { claims.isSupport }
}

/// Checks `X-Api-Key` and bearer tokens for ``SessionMiddleware``.
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
        // A token that starts and ends with a visible ASCII character has nothing to trim (the usual case: a JWT);
        // Foundation's Unicode-aware trimming was a tenth of a cached cart read.
        let visible: ClosedRange<UInt8> = 0x21...0x7E
        if let first = parts[1].utf8.first, let last = parts[1].utf8.last, visible.contains(first),
            visible.contains(last)
        {
            return String(parts[1])
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// The caller of a request as `policy` asks (nil when it asks for no bearer token), or the refusal.
    func session(_ request: Request, policy: AccessPolicy) async throws -> Session? {
        switch policy {
        case .open:
            return nil
        case .apiKey:
            try requireAPIKey(request)
            return nil
        case .publicRead:
            guard bearerToken(request) != nil else {
                try requireAPIKey(request)
                return nil
            }
            let session = try await verifiedToken(request)
            if !session.isSupport { try await requireActive(session) }
            return session
        case .customer, .signedIn:
            let session = try await verifiedSession(request)
            try await requireActive(session)
            if policy == .signedIn, !session.isLoggedIn { throw APIError.unauthorized("Login required") }
            return session
        case .customerToken:
            return try await verifiedSession(request)
        case .reader:
            return try await verifiedToken(request)
        case .support:
            let session = try await verifiedToken(request)
            guard session.isSupport else { throw APIError.forbidden("Only a support token may look users up") }
            return session
        }
    }

    private func requireActive(_ session: Session) async throws {
        try await services.database.read { db in try Self.requireActive(db, userId: session.userId) }
    }

    /// Why a support token may not do this: every change is refused, and so are reads other than carts and
    /// the catalog.
    static func supportRefusal(_ request: Request) -> APIError {
        request.method == .get
            ? APIError.forbidden("A support token can only read users' carts and the catalog")
            : APIError.forbidden("A support token is read-only: \(request.method) is not allowed")
    }

    /// A customer's session from a valid access token (support tokens refused), its user not checked.
    private func verifiedSession(_ request: Request) async throws -> Session {
        let session = try await verifiedToken(request)
        if session.isSupport { throw Self.supportRefusal(request) }
        return session
    }

    /// The session of a valid access token: signature, type and expiry checked; nothing else.
    private func verifiedToken(_ request: Request) async throws -> Session {
        guard let token = bearerToken(request) else {
            throw APIError.unauthorized("Authorization header with a Bearer access token is required")
        }
        do {
            return Session(claims: try await services.tokens.verify(token, type: "access", now: services.now()))
        } catch .expired {
            throw APIError.tokenExpired
        } catch {
            throw APIError.unauthorized("Invalid access token")
        }
    }

    /// The user exists and is active.
    static func requireActive(_ db: Database, userId: String) throws {
        let active = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT active FROM user WHERE id = ?"), arguments: [userId])
        guard active == true else { throw APIError.unauthorized("User not found or deactivated") }
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
