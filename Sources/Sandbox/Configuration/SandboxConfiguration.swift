import Foundation

/// How to start a ``SandboxServer``.
public struct SandboxConfiguration: Sendable {
    /// SQLite file; created, migrated and seeded on first run.
    public var databasePath: String
    public var host: String = "127.0.0.1"
    /// 0 = ephemeral port.
    public var port: Int = 0
    /// nil: any non-empty `X-Api-Key` is accepted.
    public var apiKey: String? = nil
    public var accessTokenLifetime: Duration = .seconds(900)
    public var refreshTokenLifetime: Duration = .seconds(30 * 86400)
    public var chaos: ChaosSettings = .off
    /// nil: ``SandboxResources/locate()``.
    public var resourcesDirectory: URL? = nil
    /// When set and the database has no catalog yet, a generated catalog of this many products is seeded
    /// instead of the demo catalog (benchmarks).
    public var generatedCatalogSize: Int? = nil
    /// The key that mints read-only support tokens (`POST /auth/support`, header `X-Support-Key`). nil: the key
    /// kept in ``SupportKey/fileURL(databasePath:)``, generated on first run.
    public var supportKey: String? = nil
    /// Lifetime of a support token (short: it reads any user's cart).
    public var supportTokenLifetime: Duration = .seconds(600)
    /// Seconds before another OTP may be sent to the same phone or email.
    public var otpResendCooldown: TimeInterval = 30
    /// The base that payment links start with (`https://demo.example.com`), for visitors who reach the server
    /// through a proxy or a tunnel. nil: the request's own host (`http://127.0.0.1:PORT`).
    public var publicURL: URL? = nil
    /// The sandbox's one clock: every expiry, time limit and timestamp is taken from it (tests set it).
    public var now: @Sendable () -> Date = { Date() }

    public init(databasePath: String) {
        self.databasePath = databasePath
    }
}
