import Foundation
import GRDB

/// The SQLite file: WAL mode through a `DatabasePool`, so several servers (or processes) can share it.
/// Every read-modify-write runs inside one `write` transaction, which SQLite serialises across processes.
///
/// Writes use `synchronous = NORMAL`, the usual setting with WAL: a commit is not flushed to the disk on its own
/// (checkpoints are), so a commit costs no `fsync`. The file stays consistent whatever happens and a server that
/// crashes or is killed loses nothing; only a power loss or an OS crash may undo the last commits, which a sandbox
/// of demo data can afford (BENCHMARKS.md, "Sandbox alone").
struct SandboxDatabase: Sendable {
    let pool: DatabasePool

    /// Opens (creating when absent) and migrates the file. `checkSchema` false skips the check that erases a file
    /// whose schema our migrations no longer make (``Migrations/migrate(_:)``): for a file just copied from the
    /// ``SeedImage``, which its test keeps equal to what they make; missing migrations are still applied.
    static func open(path: String, checkSchema: Bool = true) throws -> SandboxDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        if checkSchema {
            try Migrations.migrate(pool)
        } else {
            try Migrations.migrator().migrate(pool)
        }
        return SandboxDatabase(pool: pool)
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.write(body)
    }

    /// Rows in a table (diagnostics and tests).
    func count(table: String) throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0 }
    }

    /// A value from the `setting` table, created with `make()` when absent (first writer wins).
    func setting(_ key: String, orInsert make: @escaping @Sendable () -> String) throws -> String {
        try pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)", arguments: [key, make()])
            return try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) ?? ""
        }
    }
}
