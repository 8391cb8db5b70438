import Synchronization

/// Tokens whose signature has been checked, with their claims: the same token string (same header, claims and
/// signature) verifies the same way every time, so it is checked once. `jwt-kit`'s key collection is an actor, so
/// verifying every request queued them all behind one lock. Expiry and token type are still checked on every use
/// (``TokenService/verify(_:type:now:)``); entries are dropped once expired.
final class VerifiedTokenCache: Sendable {
    /// Tokens kept at most; past this, expired ones are dropped, and all when none is.
    static let capacity = 10_000

    private let claimsByToken = Mutex<[String: TokenClaims]>([:])

    func claims(of token: String) -> TokenClaims? {
        claimsByToken.withLock { $0[token] }
    }

    func keep(_ claims: TokenClaims, of token: String, now: Int) {
        claimsByToken.withLock { cache in
            if cache.count >= Self.capacity {
                cache = cache.filter { $0.value.exp > now }
                if cache.count >= Self.capacity { cache = [:] }
            }
            cache[token] = claims
        }
    }
}
