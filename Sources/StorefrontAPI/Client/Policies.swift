import Foundation

/// The project's decisions about the session where the reference is silent (storefront-api.md §10–11), kept
/// here so that they are easy to correct against the real service.
enum SessionPolicy {
    /// A refresh answered with one of these means the refresh token is dead: the person is signed out.
    /// (The reference lists 400 and 404 for refresh-token; 401 and 403 mean the same to us.) Any other failure
    /// (no connection, timeout, 5xx) keeps the tokens, so a later call can try again.
    static func refreshRejected(_ error: APIError) -> Bool {
        guard let status = error.status else { return false }
        return [400, 401, 403, 404].contains(status)
    }

    /// The REF page lists `Authorization: Bearer` on `POST /auth/refresh-token`; the spec's TS shows no header.
    /// We send the (possibly expired) access token, which satisfies the first and is harmless to the second.
    static let refreshSendsAccessToken = true

    /// How far ahead of `exp` to refresh: the configured margin, but at most half the token's lifetime so that
    /// short-lived tokens (the sandbox's test setting) are not refreshed on every call.
    static func margin(configured: TimeInterval, times: TokenTimes) -> TimeInterval {
        guard let issued = times.issuedAt, let expires = times.expiresAt else { return configured }
        let lifetime = expires.timeIntervalSince(issued)
        return lifetime > 0 ? min(configured, lifetime / 2) : configured
    }
}

/// Which requests are retried, and how long to wait.
///
/// - Only idempotent requests: GETs and the catalog search POST (a read). Everything else, `POST /orders`
///   above all, is sent once: a lost answer may still have placed the order, so the caller looks before it
///   tries again.
/// - Only connection failures and 5xx answers. Never a 4xx (429 included:
///   the server asked us to slow down, so the person decides), never a timeout, never an unreadable 2xx.
enum RetryPolicy {
    static func shouldRetry(_ error: APIError, idempotent: Bool, attempt: Int, maxAttempts: Int) -> Bool {
        guard idempotent, attempt < maxAttempts else { return false }
        switch error {
        case .network: return true
        case .http(let status, _, _, _): return (500..<600).contains(status)
        default: return false
        }
    }

    /// `base · 2^(attempt−1)`, plus up to 25 % jitter, capped at 5 s.
    static func delay(afterAttempt attempt: Int, base: Duration) -> Duration {
        let exponential = base * (1 << min(max(attempt - 1, 0), 10))
        let capped = min(exponential, .seconds(5))
        let jitter = capped * Double.random(in: 0...0.25)
        return capped + jitter
    }
}
