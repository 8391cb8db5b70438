import Foundation

/// Where the client points and how it behaves.
public struct ClientConfiguration: Sendable, Hashable {
    /// `https://prod.api.commercengine.io/api/v1/{store_id}/storefront`, or the sandbox's.
    public var baseURL: URL
    /// Sent only on `POST /auth/anonymous`.
    public var apiKey: String
    /// Sends `x-debug-mode: true` so that OTP answers carry the OTP, whatever the store says (tests only). Without
    /// it the client sends the header only once the store said it is a sandbox (``StorefrontClient/storeSaysSandbox``).
    public var debugMode: Bool
    /// Deadline of one attempt of one request, from sending to the whole answer (default 15 s).
    public var timeout: Duration
    /// Attempts for an idempotent request (GET, search) on a transient failure (network error, 5xx); 1 = no retry.
    public var maxAttempts: Int
    /// Wait before the first retry; doubled for each further one (with jitter), capped at 5 s.
    public var retryBaseDelay: Duration
    /// Refresh when the access token expires within this many seconds (at most half its lifetime).
    public var refreshMargin: TimeInterval
    /// Sent as `x-customer-group-id` for group pricing (catalog and coupons read it; other endpoints ignore it).
    public var customerGroupID: String?

    public init(
        baseURL: URL, apiKey: String, debugMode: Bool = false, timeout: Duration = .seconds(15),
        maxAttempts: Int = 3, retryBaseDelay: Duration = .milliseconds(250), refreshMargin: TimeInterval = 60,
        customerGroupID: String? = nil
    ) {
        self.customerGroupID = customerGroupID
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.debugMode = debugMode
        self.timeout = timeout
        self.maxAttempts = maxAttempts
        self.retryBaseDelay = retryBaseDelay
        self.refreshMargin = refreshMargin
    }

    /// The Commerce Engine environments.
    public enum Environment: Sendable, Hashable {
        case staging, production
        case custom(URL)

        public init?(parsing text: String) {
            switch text.lowercased() {
            case "staging": self = .staging
            case "prod", "production": self = .production
            default:
                guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https" else { return nil }
                self = .custom(url)
            }
        }

        public func baseURL(storeID: String) -> URL {
            switch self {
            case .staging: URL(string: "https://staging.api.commercengine.io/api/v1/\(storeID)/storefront")!
            case .production: URL(string: "https://prod.api.commercengine.io/api/v1/\(storeID)/storefront")!
            case .custom(let url): url
            }
        }
    }
}
