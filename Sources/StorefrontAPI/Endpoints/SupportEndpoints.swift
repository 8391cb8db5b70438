import Foundation

/// What `POST /auth/support` answers: a read-only support token (a sandbox extension; see SANDBOX.md).
public struct SupportToken: Decodable, Sendable, Hashable {
    public var accessToken: String
    public var role: String
    /// Seconds the token is valid.
    public var expiresIn: Int?
}

extension StorefrontClient {
    /// Mints a read-only support token with the store's API key and the sandbox's support key
    /// (`POST /auth/support`, header `X-Support-Key`). Commerce Engine's public storefront API has no such
    /// call: there, support tokens are issued by an operator. The session of this client is not touched.
    public func supportSignIn(supportKey: String) async throws(APIError) -> SupportToken {
        try await perform(
            method: "POST", path: "/auth/support", body: Optional<EmptyContent>.none, auth: .apiKey,
            idempotent: false, headers: ["X-Support-Key": supportKey])
    }

    /// A client of the same store that reads with `token` (kept in memory only) and never starts a session.
    public nonisolated func supportClient(token: String) -> StorefrontClient {
        StorefrontClient(configuration: configuration, supportToken: token, transport: transport, logger: logger)
    }
}
