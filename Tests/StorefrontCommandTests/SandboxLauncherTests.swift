import Foundation
import StorefrontAPI
import Testing

@testable import storefront

/// The in-process sandbox as the shop starts it: requests go to it as soon as it listens, its database possibly still
/// opening (`SandboxServer.bind`), and one that cannot open is named as the reason, not as a lost connection.
@Suite struct SandboxLauncherTests {
    @Test func aRequestSentAsSoonAsItListensIsAnswered() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("launcher-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let launcher = SandboxLauncher(databasePath: directory.appendingPathComponent("sandbox.sqlite").path)
        let transport = SandboxTransport(launcher: launcher)
        launcher.start()
        // Sent without waiting for the database: the transport waits only for the address.
        let answer = try await transport.send(
            HTTPRequest(
                method: "POST", url: SandboxTransport.placeholderBase.appendingPathComponent("auth/anonymous"),
                headers: ["x-api-key": "sandbox"], body: Data(), atMostOnce: true))
        #expect(answer.status == 200)
        let content = try JSONSerialization.jsonObject(with: answer.body) as? [String: Any]
        #expect((content?["content"] as? [String: Any])?["access_token"] is String)
        let server = try await launcher.server()
        #expect(try await launcher.address() == server.baseURL)
        await launcher.stop()
    }

    @Test func aDatabaseThatCannotOpenIsTheReasonGiven() async throws {
        // A folder where the database file should be: the server binds, then the database cannot open.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("launcher-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("sandbox.sqlite")
        try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
        let launcher = SandboxLauncher(databasePath: database.path)
        let transport = SandboxTransport(launcher: launcher)
        launcher.start()
        let failure = await #expect(throws: APIError.self) {
            _ = try await transport.send(
                HTTPRequest(
                    method: "POST", url: SandboxTransport.placeholderBase.appendingPathComponent("auth/anonymous"),
                    headers: ["x-api-key": "sandbox"], body: Data(), atMostOnce: true))
        }
        guard case .unavailable(let reason) = failure else {
            Issue.record("not an unavailable store: \(String(describing: failure))")
            return
        }
        #expect(reason.hasPrefix("The sandbox store did not start ("), "\(reason)")
        // Said as what it is, without the advice for a lost connection.
        let message = try #require(failure?.message)
        #expect(message.hasPrefix("The sandbox store did not start") && !message.contains("connection"), "\(message)")
        await #expect(throws: (any Error).self) { _ = try await launcher.server() }
        await launcher.stop()
    }
}
