import Foundation
import Sandbox
import Testing

@testable import StorefrontAPI

/// The failure handling against the sandbox's fault injection: a second server on the same database, with
/// chaos at rate 1 so the outcome is certain, serves a session obtained from the healthy one.
@Suite("Chaos against the sandbox", .timeLimit(.minutes(5)))
struct ChaosSandboxTests {
    /// Runs `body` with a client holding a valid guest session on a server whose every answer has `chaos`.
    static func withChaos(
        _ chaos: ChaosSettings, timeout: Duration = .seconds(10),
        _ body: (StorefrontClient) async throws -> Void
    ) async throws {
        try await SandboxHarness.with { harness in
            _ = try await harness.client.session()
            let tokens = try #require(await harness.client.currentTokens())
            var configuration = SandboxConfiguration(databasePath: harness.databasePath)
            configuration.apiKey = "sandbox-test-key"
            configuration.chaos = chaos
            let chaotic = try await SandboxServer.start(configuration)
            let client = StorefrontClient(
                configuration: ClientConfiguration(
                    baseURL: chaotic.baseURL, apiKey: "sandbox-test-key", timeout: timeout, maxAttempts: 3,
                    retryBaseDelay: .milliseconds(10)),
                tokenStore: MemoryTokenStore(tokens))
            do {
                try await body(client)
            } catch {
                await chaotic.stop()
                throw error
            }
            await chaotic.stop()
        }
    }

    @Test("every answer a truncated JSON body: a decoding error")
    func malformed() async throws {
        try await Self.withChaos(ChaosSettings(latencyMs: 0, errorRate: 0, malformedRate: 1, dropRate: 0)) { client in
            let result = await outcome { () async throws(APIError) in try await client.products() }
            guard case .decoding = result.failure else {
                Issue.record("expected a decoding error, got \(result)")
                return
            }
        }
    }

    @Test("every answer a 503: the GET gives up after its attempts; a cart mutation is sent once")
    func serverErrors() async throws {
        try await Self.withChaos(ChaosSettings(latencyMs: 0, errorRate: 1, malformedRate: 0, dropRate: 0)) { client in
            let get = await outcome { () async throws(APIError) in try await client.categories() }
            #expect(get.failure?.status == 503)
            #expect(get.failure?.code == "SANDBOX_CHAOS")
            let post = await outcome { () async throws(APIError) in
                try await client.createCart(items: [CartSandboxTests.line(SandboxHarness.mouse, 1)])
            }
            #expect(post.failure?.status == 503)
        }
    }

    @Test("every connection dropped: a network error")
    func dropped() async throws {
        try await Self.withChaos(ChaosSettings(latencyMs: 0, errorRate: 0, malformedRate: 0, dropRate: 1)) { client in
            let result = await outcome { () async throws(APIError) in try await client.products() }
            // A connection error; or, when the machine is loaded enough that the close reaches the client after its
            // deadline (seen in full-suite runs on 2 cores), the timeout. Never an answer, never a hang.
            switch result.failure {
            case .network, .timeout: break
            default: Issue.record("expected a network error, got \(result)")
            }
        }
    }

    @Test("answers slower than the timeout: a timeout error")
    func slow() async throws {
        try await Self.withChaos(
            ChaosSettings(latencyMs: 3000, errorRate: 0, malformedRate: 0, dropRate: 0), timeout: .seconds(1)
        ) { client in
            let result = await outcome { () async throws(APIError) in try await client.products() }
            #expect(result.failure == .timeout)
        }
    }
}
