import Foundation
import Sandbox
import Testing

@testable import StorefrontAPI

/// OTPs are asked for in answers (`x-debug-mode`) only from a store that said it is a sandbox
/// (`x-storefront-sandbox: true` on its answers), never from a real store.
@Suite("OTPs in answers only from a store that says it is a sandbox")
struct SandboxAnnouncementTests {
    @Test func aServedSandboxAnnouncesItselfAndItsOTPsShow() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("api-announce-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = SandboxConfiguration(databasePath: directory.appendingPathComponent("db.sqlite").path)
        configuration.port = 0
        let server = try await SandboxServer.start(configuration)
        let client = StorefrontClient(configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "k"))
        #expect(await client.storeSaysSandbox == false)
        _ = try await client.session()
        #expect(await client.storeSaysSandbox)
        let challenge = try await client.login(.phone, identifier: SandboxHarness.demoPhone)
        #expect(challenge.otp?.count == 6, "no OTP in the sandbox's answer")
        await server.stop()
    }

    @Test func aStoreThatSaysNothingIsNeverAskedForOTPs() async throws {
        let server = try await ScriptedServer.start { request, _ in
            if request.path.hasSuffix("/auth/anonymous") {
                return .ok(
                    #"{"user":{"id":"u1","is_anonymous":true,"is_logged_in":false},"access_token":"a","refresh_token":"r"}"#
                )
            }
            return .ok(#"{"otp_token":"t","otp_action":"login"}"#)
        }
        let client = StorefrontClient(configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "k"))
        _ = try await client.session()
        let challenge = try await client.login(.phone, identifier: "9876543210")
        #expect(challenge.otp == nil)
        #expect(await client.storeSaysSandbox == false)
        #expect(server.requests.count == 2)
        for request in server.requests { #expect(request.headers["x-debug-mode"] == nil, "\(request.path)") }
        await server.stop()
    }
}
