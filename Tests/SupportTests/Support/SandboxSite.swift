import Foundation
import GRDB
import Sandbox
import StorefrontAPI
import Synchronization
import Testing

/// A seeded sandbox server on a temporary database, and clients of it: real HTTP over loopback.
final class SandboxSite: Sendable {
    let directory: URL
    private let current: Mutex<SandboxServer>

    var server: SandboxServer { current.withLock { $0 } }
    var databasePath: String { directory.appendingPathComponent("db.sqlite").path }

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sf-support-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        current = Mutex(
            try await SandboxServer.start(
                SandboxConfiguration(databasePath: directory.appendingPathComponent("db.sqlite").path)))
    }

    /// Stops the server, runs `sql` on its database, starts it again.
    func alter(_ sql: String, _ arguments: StatementArguments) async throws {
        await server.stop()
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        let queue = try DatabaseQueue(path: databasePath, configuration: configuration)
        try await queue.write { db in
            try db.execute(sql: sql, arguments: arguments)
            #expect(db.changesCount == 1)
        }
        try queue.close()
        let restarted = try await SandboxServer.start(SandboxConfiguration(databasePath: databasePath))
        current.withLock { $0 = restarted }
    }

    /// A client of its own session; in debug mode, OTP answers carry the OTP.
    func client(tokens: MemoryTokenStore = MemoryTokenStore(), debugMode: Bool = true) -> StorefrontClient {
        StorefrontClient(
            configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "k", debugMode: debugMode),
            tokenStore: tokens)
    }

    func close() async {
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
