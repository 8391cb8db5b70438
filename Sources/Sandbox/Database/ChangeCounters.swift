import GRDB

/// Two counters in the database file that triggers bump on every committed change, so that in-memory caches
/// know when they are stale — also when another server (or process) on the same file made the change:
///
/// - `data`: any row of any table inserted, updated or deleted (cached cart answers, see ``CartAnswerCache``);
/// - `catalog`: a row of the ``catalogTables`` (the cached catalog, see ``CatalogCache``).
///
/// A read transaction that reads a counter and then the data sees both from the same snapshot, so an answer
/// cached under the counter's value is exactly the answer for that value. The counters start at a random value
/// so that a file erased and seeded again never repeats the values an earlier file had.
enum ChangeCounters {
    static let table = "change_counter"
    /// Tables whose rows make up ``CatalogSnapshot`` and the cached products and variants.
    static let catalogTables: Set<String> = ["category", "promotion", "product", "product_category", "variant"]

    /// The counter table, and the triggers on every table that exists now (later migrations that create a table
    /// call ``installTriggers(_:on:)`` for it; a test checks that every table has them).
    static func install(_ db: Database) throws {
        try db.create(table: table) { t in
            t.primaryKey("name", .text)
            t.column("value", .integer).notNull()
        }
        try db.execute(
            sql: """
                INSERT INTO change_counter (name, value) VALUES
                  ('data', abs(random() % 1000000000000)), ('catalog', abs(random() % 1000000000000))
                """)
        let tables = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                  AND name NOT LIKE 'grdb_%' AND name != ?
                """,
            arguments: [table])
        for name in tables { try installTriggers(db, on: name) }
    }

    /// New random starting values, for a file copied from the ``SeedImage`` (whose counters every copy shares).
    static func restart(_ db: Database) throws {
        try db.execute(sql: "UPDATE change_counter SET value = abs(random() % 1000000000000)")
    }

    static func installTriggers(_ db: Database, on tableName: String) throws {
        let counters = catalogTables.contains(tableName) ? "('data', 'catalog')" : "('data')"
        for event in ["INSERT", "UPDATE", "DELETE"] {
            let trigger = "count_\(event.lowercased())_\(tableName)".quotedDatabaseIdentifier
            try db.execute(
                sql: """
                    CREATE TRIGGER \(trigger) AFTER \(event) ON \(tableName.quotedDatabaseIdentifier)
                    BEGIN UPDATE change_counter SET value = value + 1 WHERE name IN \(counters); END
                    """)
        }
    }

    /// The `data` counter as seen by this transaction.
    static func data(_ db: Database) throws -> Int64 {
        try value(db, sql: "SELECT value FROM change_counter WHERE name = 'data'")
    }

    /// The `catalog` counter as seen by this transaction.
    static func catalog(_ db: Database) throws -> Int64 {
        try value(db, sql: "SELECT value FROM change_counter WHERE name = 'catalog'")
    }

    private static func value(_ db: Database, sql: String) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: sql)) ?? 0
    }
}

extension ChangeCounters {
    /// Runs `action` (which stores what this transaction read into a cache, under the counter value it read)
    /// once that data is known to be committed: at once in a read-only transaction, after the commit in a write
    /// transaction (whose own changes could still be rolled back), never after a rollback.
    static func whenCommitted(_ db: Database, _ action: @escaping @Sendable () -> Void) {
        if db.configuration.readonly {
            action()
        } else {
            db.afterNextTransaction(onCommit: { _ in action() })
        }
    }
}
