import Foundation
import Testing

@testable import ShopTUI

/// Runs the demo on the real terminal, for trying the runner by hand (e.g. inside tmux):
/// `STOREFRONT_TUI_LIVE=1 swift test --filter liveDemo`. Skipped otherwise.
@MainActor
@Suite struct LiveTerminalTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["STOREFRONT_TUI_LIVE"] == "1"))
    func liveDemo() async throws {
        let env = ProcessInfo.processInfo.environment
        let runner = TerminalRunner(
            program: DemoProgram(),
            options: .init(
                noColor: env["LIVE_NO_COLOR"] == "1", ascii: env["LIVE_ASCII"] == "1", mouse: env["LIVE_MOUSE"] == "1"))
        let outcome = try await runner.run()
        FileHandle.standardError.write(Data("live outcome: \(outcome)\n".utf8))
        #expect(outcome != .hangup && outcome != .cancelled)
    }
}
