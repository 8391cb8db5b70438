import GRDB

/// The index behind search words: an SQLite FTS5 table with the trigram tokenizer over the searched product text
/// (name, short description, tags, SKU), kept by triggers on `product` — so a catalog write by this server, another
/// server on the same file or `sqlite3` changes it in the same transaction.
///
/// It only narrows: a word's longest run of 3 or more characters without a LIKE wildcard (`%`, `_`) is looked up
/// as a substring (trigrams fold case, a superset of LIKE's ASCII folding), and the candidates still go through
/// the exact `LIKE '%word%'` conditions (``SearchIndex/wordConditions(_:alias:)``). Words shorter than that are
/// matched by those conditions alone. Its tables have no ``ChangeCounters`` triggers: they change only with
/// `product`, which is counted.
enum SearchWordIndex {
    static let table = "product_search"
    static let columns = ["name", "short_description", "tags", "sku"]

    /// The table, its rows for the products there are now, and the triggers that keep it.
    static func install(_ db: Database) throws {
        let indexed = columns.joined(separator: ", ")
        try db.execute(
            sql: "CREATE VIRTUAL TABLE \(table) USING fts5(product_id UNINDEXED, \(indexed), tokenize = 'trigram')")
        try db.execute(sql: "INSERT INTO \(table) (product_id, \(indexed)) SELECT id, \(indexed) FROM product")
        let insert =
            "INSERT INTO \(table) (product_id, \(indexed)) VALUES (new.id, "
            + columns.map { "new.\($0)" }.joined(separator: ", ") + ");"
        let delete = "DELETE FROM \(table) WHERE product_id = old.id;"
        try db.execute(
            sql: """
                CREATE TRIGGER \(table)_insert AFTER INSERT ON product BEGIN \(insert) END;
                CREATE TRIGGER \(table)_delete AFTER DELETE ON product BEGIN \(delete) END;
                CREATE TRIGGER \(table)_update AFTER UPDATE OF id, \(indexed) ON product BEGIN \(delete) \(insert) END;
                """)
    }

    /// Runs `body` (many product inserts) without the index, then makes it again from the products.
    static func rebuilt(_ db: Database, _ body: () throws -> Void) throws {
        for trigger in ["insert", "delete", "update"] { try db.execute(sql: "DROP TRIGGER \(table)_\(trigger)") }
        try db.execute(sql: "DROP TABLE \(table)")
        try body()
        try install(db)
    }

    /// ` AND alias.id IN (…)` narrowing to the products whose text holds every word's indexable run, or "" when no
    /// word has one.
    static func condition(_ words: [String], alias: String) -> (String, StatementArguments) {
        let runs = words.compactMap(indexableRun)
        guard !runs.isEmpty else { return ("", []) }
        let match = runs.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: " AND ")
        return (" AND \(alias).id IN (SELECT product_id FROM \(table) WHERE \(table) MATCH ?)", [match])
    }

    /// The longest part of `word` between LIKE wildcards, when it has at least 3 characters (trigrams).
    static func indexableRun(_ word: String) -> String? {
        let longest = word.unicodeScalars.split(whereSeparator: { $0 == "%" || $0 == "_" })
            .max { $0.count < $1.count }
        guard let longest, longest.count >= 3 else { return nil }
        return String(String.UnicodeScalarView(longest))
    }
}
