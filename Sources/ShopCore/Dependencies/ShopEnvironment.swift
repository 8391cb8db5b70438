import Foundation

/// Everything effects may touch, injected: the API, a clock, and the timings of the flows.
public struct ShopEnvironment: Sendable {
    public var api: ShopAPI
    public var clock: any Clock<Duration>
    public var policy: ShopPolicy
    /// The catalog page saved by an earlier run, shown at start until the store answers (nil: none kept).
    public var catalogCache: (any CatalogCache)?
    /// When the environment was made, on `clock` (``now``).
    let origin: any InstantProtocol<Duration>

    public init(
        api: ShopAPI, clock: any Clock<Duration> = ContinuousClock(), policy: ShopPolicy = ShopPolicy(),
        catalogCache: (any CatalogCache)? = nil
    ) {
        self.api = api
        self.clock = clock
        self.policy = policy
        self.catalogCache = catalogCache
        origin = clock.instantNow
    }

    /// The time on `clock` since the environment was made: what stamps keys (``UIAction/keyPressed(at:)``).
    public var now: Duration { clock.elapsed(since: origin) }
}

extension Clock where Duration == Swift.Duration {
    fileprivate var instantNow: any InstantProtocol<Swift.Duration> { now }

    fileprivate func elapsed(since origin: any InstantProtocol<Swift.Duration>) -> Swift.Duration {
        guard let origin = origin as? Instant else { return .zero }
        return origin.duration(to: now)
    }
}

/// The numbers the flows run by, in one place.
public struct ShopPolicy: Sendable, Hashable {
    /// Products per catalog page.
    public var pageSize = 25
    /// Orders per history page.
    public var ordersPageSize = 20
    /// Quiet time after the last keystroke before a search is sent.
    public var searchDebounce: Duration = .milliseconds(300)
    /// Seconds before an OTP can be sent again.
    public var otpResendCooldown = 30
    /// Wrong OTPs accepted before a new one must be requested (the sandbox allows 5 per OTP).
    public var otpAttempts = 5
    /// Payment status is polled this often...
    public var paymentPollInterval: Duration = .seconds(3)
    /// ...this many times (40 × 3 s = 2 minutes).
    public var paymentPollLimit = 40
    /// Where the hosted payment page sends the browser back to.
    public var paymentReturnURL = "https://storefront.invalid/payment-return"
    /// A key after this long without one marks the cart stale: it may have changed elsewhere meanwhile.
    public var idleMarksCartStale: Duration = .seconds(300)

    public init() {}
}
