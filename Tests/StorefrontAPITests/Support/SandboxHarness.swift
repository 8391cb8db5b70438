import Foundation
import Logging
import Sandbox
import Synchronization

@testable import StorefrontAPI

/// A started ``SandboxServer`` on a fresh SQLite file and a ``StorefrontClient`` pointed at it (debug mode on,
/// so OTP answers carry the OTP). Real HTTP over loopback: no mocks.
struct SandboxHarness: Sendable {
    let server: SandboxServer
    let client: StorefrontClient
    let directory: URL
    let clock: ClientClockSkew

    var databasePath: String { directory.appendingPathComponent("db.sqlite").path }

    /// The seeded demo customer (store.json): 500 loyalty points, ₹750 credit balance.
    static let demoPhone = "9876543210"
    static let demoEmail = "demo@example.com"
    /// Seeded products (catalog.json).
    static let earbuds = "01JC2C35CEY766Q42EFAQC1"  // pulse-wireless-earbuds, ₹3,499, no variants
    static let mouse = "01JNRY6NMNNBNQTF9GY7BZT"  // glide-wireless-mouse, ₹899
    static let smartphone = "aurora-x1-smartphone"  // has variants

    static func with(
        _ configure: (inout SandboxConfiguration) -> Void = { _ in },
        transport: any HTTPTransport = CurlTransport(trust: .system),
        _ body: (SandboxHarness) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("api-sandbox-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = SandboxConfiguration(databasePath: directory.appendingPathComponent("db.sqlite").path)
        configuration.apiKey = "sandbox-test-key"
        configure(&configuration)
        let server = try await SandboxServer.start(configuration)
        let clock = ClientClockSkew()
        let client = StorefrontClient(
            configuration: ClientConfiguration(
                baseURL: server.baseURL, apiKey: "sandbox-test-key", debugMode: true, timeout: .seconds(10),
                retryBaseDelay: .milliseconds(10)),
            transport: transport,
            tokenStore: FileTokenStore(fileURL: directory.appendingPathComponent("state/tokens.json")),
            logger: Logger(label: "test.api", factory: { _ in SwiftLogNoOpLogHandler() }),
            now: { clock.now() })
        let harness = SandboxHarness(server: server, client: client, directory: directory, clock: clock)
        do {
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Logs in as the seeded demo customer by phone OTP.
    @discardableResult
    func loginDemo() async throws -> User? {
        let challenge = try await client.login(.phone, identifier: Self.demoPhone)
        return try await client.verifyOTP(try otp(challenge), challenge: challenge)
    }

    /// Registers and logs in a new customer by email OTP.
    @discardableResult
    func loginNew(_ email: String = "new-\(UUID().uuidString.prefix(8))@example.com") async throws -> User? {
        let challenge = try await client.login(.email, identifier: email, registerIfNotExists: true)
        return try await client.verifyOTP(try otp(challenge), challenge: challenge)
    }

    func otp(_ challenge: OTPChallenge) throws -> String {
        guard let otp = challenge.otp else { throw MissingOTP() }
        return otp
    }

    struct MissingOTP: Error {}

    static func address(pincode: String = "560001") -> Address {
        Address(
            firstName: "Asha", lastName: "Rao", phone: "9876543210", email: "asha@example.com",
            addressLine1: "12 MG Road", pincode: pincode, city: "Bengaluru", state: "Karnataka")
    }
}

/// The client's wall clock: real time shifted by what a test sets, forwards or back (the server keeps real
/// time), for token expiry. Not ShopCore's `TestClock`, which stands still until moved and drives effects' sleeps.
final class ClientClockSkew: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    func now() -> Date { Date().addingTimeInterval(offset.withLock { $0 }) }
    func advance(_ seconds: TimeInterval) { offset.withLock { $0 += seconds } }
}
