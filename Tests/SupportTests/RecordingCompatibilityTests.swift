import Foundation
import ShopCore
import StorefrontAPI
import Testing

/// A recording made before each feature's action was split into `view`, `response` and `delegate`: the build of
/// 870118a, `storefront --record` on a fresh built-in sandbox, driven in tmux (browse, save to the wishlist, add to
/// the cart, move from the wishlist to the cart, change and remove cart lines, undo, sign in by OTP, check out
/// with the saved address, place the order). Support staff keep such files; they still read and replay.
@Suite(.serialized) @MainActor struct RecordingCompatibilityTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Recordings/before-action-split.jsonl")

    static func lines() throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
    }

    /// Every line reads, writes back byte for byte (actions encode as they did), and the origin it was recorded
    /// with (by who sent it) is the one its type now says.
    @Test func everyLineReadsAndWritesBackTheSame() throws {
        let recording = try Recording.read(contentsOf: Self.file)
        let lines = try Self.lines()
        #expect(recording.entries.count == lines.count)
        for (entry, line) in zip(recording.entries, lines) {
            #expect(entry.origin == entry.action.origin, "line \(entry.line): \(line)")
            #expect(try Recording.line(for: entry.action) == line, "line \(entry.line)")
            #expect(try ActionLog.action(from: ActionLog.line(for: entry.action)) == entry.action.redacted)
        }
        // The session goes through the features whose actions changed shape, the wishlist's move to the cart
        // (now a delegate action the root reducer routes) among them.
        // Only reduced here (effects are not run): the client is never called.
        let nowhere = StorefrontClient(
            configuration: ClientConfiguration(baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "k"))
        let environment = ShopEnvironment(api: .live(nowhere), clock: TestClock())
        var state = State()
        var intents: Set<String> = []
        for entry in recording.entries {
            if entry.origin == .intent { intents.insert(Replayer.summary(entry.action, in: state)) }
            _ = Reducer.reduce(into: &state, action: entry.action, environment: environment)
        }
        for intent in [
            "product.addToCart", "product.addToWishlist", "wishlist.moveSelectedToCart", "cart.incrementSelected",
            "cart.removeSelected", "cart.undoRemove", "cart.moveSelectedToWishlist", "session.requestOTP",
            "session.submitOTP", "checkout.start", "checkout.placeOrder", "payment.stopPolling",
        ] {
            #expect(intents.contains(intent), "\(intents.sorted())")
        }
    }

    /// Replayed on a fresh seeded sandbox, the old recording reaches the same state at every checkpoint.
    @Test func itReplaysToTheSameState() async throws {
        let recording = try Recording.read(contentsOf: Self.file)
        let site = try await ReplayTests.Site()
        let report = await Replayer(recording: recording, api: .live(site.client()), options: .patient).run()
        await site.close()
        #expect(report.isSame, "\(report.headline)")
        #expect(report.intentsReplayed == recording.intents.count)
        #expect(report.checkpointsCompared > 10)
    }
}
