import Foundation
import GRDB
import Hummingbird

/// `/auth/...`: anonymous tokens, OTP login and registration, refresh, logout, the user and its settings.
struct AuthRoutes {
    let services: SandboxServices
    let auth: Authenticator

    func register(on group: RouterGroup<SandboxContext>) {
        group.post("auth/anonymous") { request, _ in try await anonymous(request) }
    }

    struct TokensContent: Encodable, Sendable {
        var user: UserWire
        var accessToken: String
        var refreshToken: String
    }

    func anonymous(_ request: Request) async throws -> Response {
        try auth.requireAPIKey(request)
        let now = Date()
        let user = UserRecord.anonymous(id: IDs.make(now: now), now: now)
        let (pair, refresh) = try await services.tokens.issue(for: user, session: IDs.make(now: now), now: now)
        try await services.database.write { db in
            try user.insert(db)
            try refresh.insert(db)
        }
        return try Reply.ok(
            TokensContent(user: UserWire(user), accessToken: pair.accessToken, refreshToken: pair.refreshToken),
            message: "Anonymous user created")
    }
}
