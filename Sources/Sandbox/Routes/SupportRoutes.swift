import Foundation
import Hummingbird

/// `POST /auth/support` (a sandbox-only extension): the store's API key plus the sandbox's support key
/// (`X-Support-Key`) mint a short-lived, read-only support token. See SANDBOX.md.
struct SupportRoutes {
    let services: SandboxServices

    func register(on api: RouteGroups) {
        api.apiKey.post("auth/support") { request, _ in try await signIn(request) }
    }

    struct SupportContent: Encodable, Sendable {
        var accessToken: String
        var role: String
        var expiresIn: Int
    }

    func signIn(_ request: Request) async throws -> Response {
        let given = request.header("x-support-key")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !given.isEmpty else { throw APIError.unauthorized("X-Support-Key header is required") }
        guard Self.constantTimeEqual(given, services.supportKey) else {
            throw APIError.unauthorized("Invalid support key")
        }
        let lifetime = services.configuration.supportTokenLifetime
        let token = try await services.tokens.issueSupport(lifetime: lifetime, now: services.now())
        return try Reply.ok(
            SupportContent(
                accessToken: token, role: TokenClaims.supportRole, expiresIn: Int(lifetime.components.seconds)),
            message: "Support token issued (read-only)")
    }

    /// Compares every byte whatever the first difference, so that timing says nothing about the key.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            let x = index < left.count ? left[index] : 0
            let y = index < right.count ? right[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
