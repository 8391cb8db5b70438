import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built binary on a stand-alone store: the catalog page one run saved is what the next run shows at once,
/// marked "refreshing", while the store has not answered (here: the store's process is stopped), and the store's
/// page replaces it when it answers.
@Suite(.serialized) struct SavedCatalogEndToEndTests {
    @Test func theSavedPageShowsRefreshingWhileTheStoreIsStoppedThenTheAnswerReplacesIt() async throws {
        let store = try StandaloneStore()
        try await store.start()
        let first = try TmuxSession(command: store.shopThenShell)
        let cache = first.home.appendingPathComponent("cache/storefront")
        let shown = try await first.waitFor { $0.contains("₹") && !$0.contains("refreshing") }
        #expect(shown.contains("₹"), "the first run shows the store's catalog:\n\(shown)")
        var saved: [String] = []
        for _ in 0..<100 {
            saved = ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter {
                $0.hasPrefix("catalog-") && $0.hasSuffix(".json")
            }
            if !saved.isEmpty { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(saved.count == 1, "one saved page for the store: \(saved)")
        try first.send("q")
        _ = try await first.waitFor { $0.contains("app-exit=0") }

        // The store stops answering (SIGSTOP: connections are accepted by the kernel, nothing answers).
        let pid = try #require(store.serverPID)
        kill(pid, SIGSTOP)
        defer { kill(pid, SIGCONT) }
        let second = try TmuxSession(
            command: store.shopThenShell,
            environment: ["XDG_CACHE_HOME": first.home.appendingPathComponent("cache").path])
        let stale = try await second.waitFor { $0.contains("refreshing") && $0.contains("₹") }
        #expect(stale.contains("refreshing"), "the saved page, marked, before any answer:\n\(stale)")
        #expect(stale.contains("₹"))
        // The first product the first run showed is on the saved page (the store has said nothing yet).
        let row = shown.split(separator: "\n").first { $0.contains("₹") }.map(String.init) ?? ""
        let name = String(row.drop { !$0.isLetter }.prefix(12))
        #expect(!name.isEmpty && stale.contains(name), "\(name) on the saved page:\n\(stale)")

        kill(pid, SIGCONT)
        let answered = try await second.waitFor { !$0.contains("refreshing") && $0.contains("₹") }
        #expect(!answered.contains("refreshing"), "the store's answer replaced the saved page:\n\(answered)")
        #expect(store.shopLog("/catalog/products").count >= 2, "the second run asked the store too")
        try second.send("q")
        _ = try await second.waitFor { $0.contains("app-exit=0") }
    }
}
