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
    /// With `renew`, an expired token is replaced by a new one from it (see
    /// ``StorefrontClient/init(configuration:supportToken:transport:logger:now:renew:)``).
    public nonisolated func supportClient(
        token: String, renew: (@Sendable () async throws(APIError) -> String)? = nil
    ) -> StorefrontClient {
        StorefrontClient(
            configuration: configuration, supportToken: token, transport: transport, logger: logger, renew: renew)
    }

    /// A support client that mints its token with `supportKey` now and again whenever it expires.
    public nonisolated func renewingSupportClient(supportKey: String) async throws(APIError) -> StorefrontClient {
        let token = try await supportSignIn(supportKey: supportKey)
        return supportClient(token: token.accessToken) { () async throws(APIError) -> String in
            try await self.supportSignIn(supportKey: supportKey).accessToken
        }
    }
}
