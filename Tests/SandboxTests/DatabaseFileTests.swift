import Foundation
import GRDB
import Testing

@testable import Sandbox

@Suite("Database file")
struct DatabaseFileTests {
    @Test func aFileWithAnOutdatedSchemaIsRecreated() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("old.sqlite").path
        // A file made by an earlier build: "v1-schema" applied, but refresh_token without session_id.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1-schema')")
            try db.execute(sql: "CREATE TABLE refresh_token (jti TEXT PRIMARY KEY, user_id TEXT, expires_at DATETIME)")
        }
        try queue.close()
        try await TestSandbox.withExisting(path: path) { sandbox in
            let (_, refresh, _) = try await sandbox.anonymous()
            let refreshed = try await sandbox.post("/auth/refresh-token", #"{"refresh_token":"\#(refresh)"}"#)
            #expect(refreshed.status == 200)
        }
    }

    /// The check that decides the erase (GRDB's, with the reference schema built in memory instead of in a
    /// temporary file): no change on a file our migrations made, a change for a definition or a migration not ours.
    @Test func theSchemaCheckSeesOnlyWhatOurMigrationsDoNotMake() throws {
        let migrator = Migrations.migrator()
        let empty = try DatabaseQueue()
        #expect(try empty.read { db in try Migrations.schemaChanged(db, migrator: migrator) } == false)

        let current = try DatabaseQueue()
        try migrator.migrate(current)
        #expect(try current.read { db in try Migrations.schemaChanged(db, migrator: migrator) } == false)

        let halfway = try DatabaseQueue()
        try migrator.migrate(halfway, upTo: "v2-change-counters")
        #expect(try halfway.read { db in try Migrations.schemaChanged(db, migrator: migrator) } == false)

        let altered = try DatabaseQueue()
        try migrator.migrate(altered)
        try altered.write { db in try db.execute(sql: "ALTER TABLE setting ADD COLUMN note TEXT") }
        #expect(try altered.read { db in try Migrations.schemaChanged(db, migrator: migrator) } == true)

        let later = try DatabaseQueue()
        try migrator.migrate(later)
        try later.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-a-later-build')") }
        #expect(try later.read { db in try Migrations.schemaChanged(db, migrator: migrator) } == true)
    }

    @Test func aFileWithTheCurrentSchemaKeepsItsRowsWhenOpenedAgain() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kept-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("k.sqlite").path
        let first = try SandboxDatabase.open(path: path)
        try await first.write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('probe', 'kept')")
        }
        let again = try SandboxDatabase.open(path: path)
        #expect(
            try await again.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'probe'") }
                == "kept")
    }

    @Test func commitsAreNotFlushedOneByOneAndStillReachTheFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sync-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("s.sqlite").path
        let database = try SandboxDatabase.open(path: path)
        // 1 = NORMAL (no fsync per commit in WAL mode), 2 = FULL.
        #expect(try await database.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)
        try await database.write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('probe', 'kept')")
        }
        // Another connection (as another process would) reads the committed row.
        let queue = try DatabaseQueue(path: path)
        #expect(
            try await queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'probe'") }
                == "kept")
    }
}
