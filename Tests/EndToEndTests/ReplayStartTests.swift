import Foundation
import StorefrontAPI
import Testing

/// A session recorded on a shared `sandbox serve` whose cart already had lines (the usual case for support),
/// replayed on that same store: replay rebuilds the starting cart first, waits out the store's OTP cooldown
/// and says so, and takes the store key from a file.
@Suite(.serialized) struct ReplayStartTests {
    @Test func aRecordingThatStartsWithACartReplaysOnTheSharedStore() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        // A cooldown long enough that the replay's OTP request surely falls inside the one the test starts.
        let fixture = try await SupportFixture(serveFlags: ["--otp-cooldown", "15"])
        defer { fixture.stop() }
        let snapshot = try await fixture.write(try fixture.customerSnapshot(), "start.json")
        let recording = fixture.path("session.jsonl")
        let store = fixture.storeFlags.joined(separator: " ")
        let session = try TmuxSession(
            command: "sh -c '\(BuiltBinary.path) cart import \(snapshot) \(store) && "
                + "\(BuiltBinary.path) --record \(recording) \(store); echo app-exit=$?; sleep 120'")
        _ = try await session.waitFor { $0.contains("3 items") && $0.contains("guest") }
        try session.send("c")
        _ = try await session.waitFor { $0.contains("p coupons") }
        try session.send("+")
        _ = try await session.waitFor { $0.contains("4 items") }
        try session.send("l")
        _ = try await session.waitFor { $0.contains("Log in or create an account") }
        try session.send("-l", "9876543210")
        try session.send("Enter")
        _ = try await session.waitFor { $0.contains("Enter the OTP sent to") }
        try session.send("Escape")
        _ = try await session.waitFor { $0.contains("Log in or create an account") }
        try session.send("Escape")
        _ = try await session.waitFor { $0.contains("p coupons") }
        try session.send("q")
        let quit = try await session.waitFor { $0.contains("app-exit=") }
        #expect(quit.contains("app-exit=0"), "\(quit)")
        let header = fixture.read(recording).split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains(#""start":{"cart":{"#), "\(header)")
        #expect(header.contains(#""contains_personal_data":false"#), "\(header)")

        // Another OTP to the same number now: the replay's request falls in the store's cooldown.
        let other = StorefrontClient(
            configuration: ClientConfiguration(baseURL: fixture.baseURL, apiKey: fixture.apiKey))
        var sent = false
        for _ in 0..<40 where !sent {
            do {
                _ = try await other.login(.phone, identifier: "9876543210")
                sent = true
            } catch {
                try await Task.sleep(for: .milliseconds(500))
            }
        }
        #expect(sent)
        let keyFile = fixture.path("store.key")
        try Data((fixture.apiKey + "\n").utf8).write(to: URL(fileURLWithPath: keyFile))
        chmod(keyFile, 0o600)
        let (status, out, err) = try await fixture.run(
            ["replay", recording, "--against", fixture.baseURL.absoluteString, "--api-key-file", keyFile, "--json"],
            state: "replay")
        struct Report: Decodable {
            var same: Bool
            var summary: String
            var notes: [String]
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(out.utf8))
        #expect(status == 0, "\(report.summary) \(report.notes) \(err)")
        #expect(report.same, "\(report.summary)")
        #expect(report.notes.contains { $0.contains("already held 2 line(s)") }, "\(report.notes)")
        #expect(report.notes.contains { $0.contains("cooldown") && $0.contains("waited") }, "\(report.notes)")
        #expect(!out.contains(fixture.apiKey) && !err.contains(fixture.apiKey))
    }
}
