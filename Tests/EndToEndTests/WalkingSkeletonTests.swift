import Foundation
import Testing

@Suite(.serialized) struct WalkingSkeletonTests {
    @Test func showsTheSeededCatalogAndQuitsRestoringTheTerminal() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        // A shell stays after the app so that the terminal's state after exit can be read.
        let session = try TmuxSession(command: TmuxSession.appThenShell)
        let screen = try await session.waitFor { $0.contains("₹") }
        #expect(screen.contains("₹"), "no priced product on screen:\n\(screen)")
        #expect(try session.format("alternate_on") == "1")
        try session.send("j")
        try session.send("q")
        let after = try await session.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)")
        #expect(try session.format("alternate_on") == "0", "the alternate screen was not left")
        #expect(try session.format("cursor_flag") == "1", "the cursor was left hidden")
    }

    @Test func aSandboxThatCannotStartIsShownThenExitsWith1OnARestoredTerminal() async throws {
        // The sandbox's folder cannot be made (a file is in the way): the shop is on screen first, says so, and
        // after `q` the terminal is restored before the one-line reason and exit status 1.
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("sf-blocker-\(UUID().uuidString)")
        try Data().write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let session = try TmuxSession(
            command: TmuxSession.appThenShell,
            environment: ["XDG_DATA_HOME": blocker.appendingPathComponent("data").path])
        let screen = try await session.waitFor { $0.contains("did not start") }
        #expect(screen.contains("did not start"), "no start failure on screen:\n\(screen)")
        #expect(screen.contains("q quit"), "no footer:\n\(screen)")
        try session.send("q")
        let after = try await session.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=1"), "\(after)")
        #expect(after.contains("storefront: the sandbox store did not start"), "\(after)")
        #expect(try session.format("alternate_on") == "0", "the alternate screen was not left")
    }

    @Test func stdinThatIsNotATerminalIsRefusedWithExitCode2() async throws {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("sf-stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: errors) }
        let status = try await Spawn.run([BuiltBinary.path], stderr: errors.path)
        let message = try String(contentsOf: errors, encoding: .utf8)
        #expect(status == 2)
        #expect(message.contains("not a terminal"))
        #expect(message.split(separator: "\n").count == 1)
    }

    @Test func unknownTermFallsBackToAKnownOne() async throws {
        let session = try TmuxSession(command: TmuxSession.appThenShell, environment: ["TERM": "no-such-terminal-xyz"])
        let screen = try await session.waitFor { $0.contains("₹") }
        #expect(screen.contains("₹"), "no catalog with an unknown TERM:\n\(screen)")
        try session.send("q")
        let after = try await session.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)")
    }

    @Test func noLocaleStillDrawsTheRupeeSign() async throws {
        let session = try TmuxSession(command: TmuxSession.appThenShell, environment: ["LANG": "", "LC_ALL": ""])
        let screen = try await session.waitFor { $0.contains("₹") }
        #expect(screen.contains("₹"), "the rupee sign did not survive a missing locale:\n\(screen)")
        try session.send("q")
        let after = try await session.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)")
    }
}
