import Foundation
import GRDB
import Sandbox
import Testing

/// `storefront --record FILE`, then `storefront replay FILE` in a real terminal (tmux, 80x24): the shop's
/// screens replay the session under the replay bar and end with the summary.
@Suite(.serialized) struct ReplayTerminalTests {
    /// A session recorded in tmux: the first product of the catalog into the cart. Its product name.
    func recordSession(to file: URL) async throws -> String {
        let session = try TmuxSession(
            command: "sh -c '\(BuiltBinary.path) --record \(file.path); echo app-exit=$?; sleep 120'")
        let catalog = try await session.waitFor { $0.contains("₹") && $0.contains("guest") }
        #expect(catalog.contains("guest"), "no catalog:\n\(catalog)")
        try session.send("Enter")
        let product = try await session.waitFor { $0.contains("add to cart") }
        #expect(product.contains("add to cart"), "no product page:\n\(product)")
        // The product page's title: the first line of the content, under the header.
        let lines = product.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let name = try #require(lines.dropFirst().first { !$0.isEmpty }, "\(product)")
        try session.send("Enter")
        // The notice shows once the store answered (the spinner has its line until then): the recording then
        // holds the answer, and replay compares the last intent too.
        let added = try await session.waitFor { $0.contains("1 item") && $0.contains("to the cart.") }
        #expect(added.contains("to the cart."), "not added:\n\(added)")
        // Leaving the screen with its notice: the navigation itself clears it (no dismiss intent of its own).
        try session.send("c")
        let cart = try await session.waitFor { $0.contains("Sandbox store · Cart") }
        #expect(cart.contains(name), "not in the cart:\n\(cart)")
        try session.send("q")
        let after = try await session.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)")
        return name
    }

    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sf-replay-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aRecordedSessionReplaysOnScreenToTheSameStateAndQuitsWithZero() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("session.jsonl")
        let name = try await recordSession(to: file)

        let replay = try TmuxSession(
            command: "sh -c '\(BuiltBinary.path) replay \(file.path) --step-delay 50; echo app-exit=$?; sleep 120'")
        let screen = try await replay.waitFor { $0.contains("same state") && $0.contains(name) }
        #expect(screen.contains("same state"), "no summary:\n\(screen)")
        #expect(screen.contains("intents; same state"), "\(screen)")
        #expect(screen.contains(name), "the replayed product is not on screen:\n\(screen)")
        #expect(screen.hasPrefix(" REPLAY step "), "\(screen)")
        #expect(screen.contains("1 item"), "the replayed cart is not in the header:\n\(screen)")
        #expect(try replay.format("alternate_on") == "1")
        #expect(screen.contains("Sandbox store · Cart"), "the replay did not end on the cart:\n\(screen)")
        // Shop keys do nothing during replay: w would open the wishlist in the shop. Keys are read in order, so
        // once the help (?) shows, w was handled.
        try replay.send("w")
        try replay.send("?")
        let help = try await replay.waitFor { $0.contains("Quit the replay") }
        #expect(help.contains("Quit the replay"), "no replay help:\n\(help)")
        #expect(!help.contains("Sandbox store · Wishlist"), "w opened the wishlist during replay:\n\(help)")
        #expect(help.contains("Sandbox store · Cart"), "\(help)")
        // Esc closes the help (waited for: an esc right before q would read as alt-q).
        try replay.send("Escape")
        let closed = try await replay.waitFor { !$0.contains("Quit the replay") }
        #expect(closed.contains("same state"), "\(closed)")
        try replay.send("q")
        let after = try await replay.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)")
        // As many intents as were recorded: the cart screen's re-reads (`markStale`, every 5 s) depend on timing.
        let recorded = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            .filter { $0.contains(#""origin":"intent""#) }.count
        #expect(
            after.contains("replayed \(recorded) intents; same state"),
            "the report is not printed after the view:\n\(after)")
        #expect(!after.contains("not compared"), "\(after)")
        #expect(try replay.format("alternate_on") == "0", "the alternate screen was not left")
        #expect(try replay.format("cursor_flag") == "1", "the cursor was left hidden")
    }

    @Test func aChangedPriceShowsTheFirstDifferenceAndQuitsWithOne() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("session.jsonl")
        _ = try await recordSession(to: file)
        // A seeded sandbox whose prices went up by ₹100 since the recording.
        let database = directory.appendingPathComponent("sandbox.sqlite").path
        var configuration = SandboxConfiguration(databasePath: database)
        configuration.port = 0
        let server = try await SandboxServer.start(configuration)
        await server.stop()
        let queue = try DatabaseQueue(path: database)
        try await queue.write { db in
            try db.execute(sql: "UPDATE product SET selling_price = selling_price + 10000")
            try db.execute(sql: "UPDATE variant SET selling_price = selling_price + 10000")
        }
        try queue.close()

        let replay = try TmuxSession(
            command: "sh -c '\(BuiltBinary.path) replay \(file.path) --sandbox-db \(database) --step-delay 50; "
                + "echo app-exit=$?; sleep 120'")
        let screen = try await replay.waitFor { $0.contains("First difference at step") }
        #expect(screen.contains("First difference at step"), "no difference shown:\n\(screen)")
        #expect(screen.contains("first difference after intent #3 (product.addToCart): cart.line["), "\(screen)")
        #expect(screen.contains(".unit_price recorded "), "\(screen)")
        #expect(screen.contains("differs"), "\(screen)")
        try replay.send("q")
        let after = try await replay.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=1"), "\(after)")
        #expect(after.contains("first difference after intent #"), "\(after)")
        #expect(try replay.format("alternate_on") == "0", "the alternate screen was not left")
    }
}
