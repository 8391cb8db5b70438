import Foundation
import StorefrontAPI
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The shop in a real terminal that is treated badly: hundreds of resizes in a row while keys arrive,
/// `TERM=dumb`, and someone reading its process table entry (`ps`, `/proc/PID/{cmdline,environ}`).
@Suite(.serialized) struct TerminalAbuseTests {
    /// Sizes from 1x1 to 500x200, the breakpoints around 40x12 and 80 columns included.
    static let stormSizes: [(Int, Int)] = [
        (1, 1), (500, 200), (2, 2), (39, 11), (40, 12), (40, 11), (39, 12), (79, 24), (80, 24), (81, 25), (3, 100),
        (300, 3), (120, 40), (10, 10), (200, 60), (41, 13), (60, 20), (500, 1), (1, 200),
    ]

    @Test func aResizeStormWhileKeysArriveLeavesTheRightFrame() async throws {
        let session = try TmuxSession(command: TmuxSession.appThenShell)
        let catalog = try await session.waitFor { $0.contains("₹") && $0.contains("enter open") }
        try #require(catalog.contains("enter open"), "no catalog:\n\(catalog)")
        var random = SplitMix64(seed: 0x5EED)
        let resizes = 400
        for index in 0..<resizes {
            let size =
                index % 3 == 0
                ? Self.stormSizes[random.next(below: Self.stormSizes.count)]
                : (1 + random.next(below: 500), 1 + random.next(below: 200))
            try session.resize(width: size.0, height: size.1)
            // Keys in between: moves, which mean nothing on the "too small" screen (where esc and q quit).
            if index % 4 == 0 { try session.send(["j", "k", "Down", "Up", "Tab"][random.next(below: 5)]) }
        }
        let (width, height) = (97, 31)
        try session.resize(width: width, height: height)
        let frame = try await session.waitFor {
            ScreenChecks.isWholeFrame($0, width: width, height: height) && $0.contains("enter open")
        }
        #expect(!ScreenChecks.appExited(frame), "the shop ended in the storm:\n\(frame)")
        let final = try session.windowSize()
        #expect(final.width == width && final.height == height)
        #expect(ScreenChecks.isWholeFrame(frame, width: width, height: height), "not a 97x31 frame:\n\(frame)")
        #expect(frame.contains("enter open") && frame.contains("₹"), "no catalog after the storm:\n\(frame)")
        // The frame on screen is what a full redraw (ctrl-l) paints: nothing stale from the storm.
        let before = try await session.settled()
        try session.send("C-l")
        try await Task.sleep(for: .milliseconds(300))
        let redrawn = try await session.settled()
        #expect(before == redrawn, "the screen changed on a full redraw:\n\(before)\n---\n\(redrawn)")
        let rows = redrawn.components(separatedBy: "\n")
        #expect(rows[height - 1].contains("q quit"), "no footer on the last row:\n\(redrawn)")
        #expect(rows[0].contains("Sandbox store"), "no header on the first row:\n\(redrawn)")
        try await session.quitRestoringTheTerminal()
    }

    /// `TERM=dumb` cannot address the cursor; the shop takes the unknown-terminal fallback (xterm-256color,
    /// then xterm, vt100) — it draws, and `q` restores the terminal.
    @Test func termDumbFallsBackAndRestoresTheTerminal() async throws {
        let session = try TmuxSession(command: TmuxSession.appThenShell, environment: ["TERM": "dumb"])
        let screen = try await session.waitFor { $0.contains("₹") && $0.contains("enter open") }
        #expect(screen.contains("enter open"), "no catalog with TERM=dumb:\n\(screen)")
        #expect(ScreenChecks.isWholeFrame(screen, width: 80, height: 24), "\(screen)")
        #expect(try session.format("alternate_on") == "1")
        try session.send("j")
        try await session.quitRestoringTheTerminal()
    }

    /// Against a store with an API key (read from a 0600 file with `--api-key-file`): neither the key nor the
    /// session's tokens are in the shop's command line or environment, where `ps` and other processes of the
    /// user can read them.
    @Test func psShowsNoAPIKeyAndNoToken() async throws {
        let store = try StandaloneStore()
        try await store.start()
        let session = try TmuxSession(command: store.shopThenShell)
        let catalog = try await session.waitFor { $0.contains("₹") && $0.contains("enter open") }
        try #require(catalog.contains("enter open"), "no catalog:\n\(catalog)")
        // The tokens the shop holds now.
        let tokenFile = store.tokenFile(in: session)
        let tokens = try JSONDecoder().decode(TokenPair.self, from: Data(contentsOf: tokenFile))
        let secrets = [tokens.accessToken, tokens.refreshToken]
        #expect(secrets.allSatisfy { $0.count > 16 }, "no tokens in \(tokenFile.path)")
        // The shop: the child of the pane's shell.
        let shell = try #require(pid_t(try session.format("pane_pid")))
        let children = store.path("children.out")
        _ = try await Spawn.run(["pgrep", "-P", String(shell)], stdout: children)
        let shop = try #require(store.read(children).split(separator: "\n").first.flatMap { pid_t(String($0)) })
        let commandLine = store.read("/proc/\(shop)/cmdline").replacingOccurrences(of: "\0", with: " ")
        let environment = store.read("/proc/\(shop)/environ")
        #expect(commandLine.contains("--api-key-file"), "not the shop: \(commandLine)")
        #expect(!environment.isEmpty, "cannot read the environment")
        for secret in [store.apiKey] + secrets {
            #expect(!commandLine.contains(secret), "a secret in the command line: \(commandLine)")
            #expect(!environment.contains(secret), "a secret in the environment")
        }
        // `ps` itself (what other users see).
        let psOut = store.path("ps.out")
        _ = try await Spawn.run(["ps", "-ww", "-o", "args=", "-p", String(shop)], stdout: psOut)
        #expect(store.read(psOut).contains("storefront"))
        #expect(!store.read(psOut).contains(store.apiKey))
        try await session.quitRestoringTheTerminal()
    }
}
