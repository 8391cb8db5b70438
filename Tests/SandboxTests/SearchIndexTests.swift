import Foundation
import GRDB
import Testing

@testable import Sandbox

/// Search words go through the FTS5 trigram index (``SearchWordIndex``): the same answers as the plain
/// `lower(column) LIKE '%word%'` scan, and an index that follows every catalog write, whoever makes it.
@Suite("Search word index")
struct SearchIndexTests {
    /// A write on the file from outside the servers (as `sqlite3` or another program would make).
    func alter(_ sandbox: TestSandbox, _ sql: String) throws {
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        try queue.write { db in try db.execute(sql: sql) }
    }

    /// The items (product id, variant id) the unindexed scan finds for `words`, newest first.
    func scanned(_ sandbox: TestSandbox, _ words: [String]) throws -> [[String]] {
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        return try queue.read { db in
            var conditions = ""
            var arguments: StatementArguments = []
            for word in words {
                conditions += """
                     AND (lower(p.name) LIKE ? OR lower(p.short_description) LIKE ? OR lower(p.tags) LIKE ? \
                    OR lower(p.sku) LIKE ?)
                    """
                arguments += StatementArguments(Array(repeating: "%\(word)%", count: 4))
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id AS product_id, '' AS variant_id, p.seq, 0 AS position FROM product p
                    WHERE p.active = 1 AND p.has_variant = 0\(conditions)
                    UNION ALL
                    SELECT p.id, v.id, p.seq, v.position FROM variant v JOIN product p ON p.id = v.product_id
                    WHERE p.active = 1\(conditions)
                    ORDER BY seq DESC, position ASC
                    """,
                arguments: arguments + arguments)
            return rows.map { [$0["product_id"], $0["variant_id"]] }
        }
    }

    func searched(_ sandbox: TestSandbox, _ query: String, token: String, facets: Bool = false) async throws
        -> (keys: [[String]], total: Int?)
    {
        let body: JSONValue = .object([
            "query": .string(query), "limit": .number(100), "facets": .array(facets ? [.string("tags")] : []),
        ])
        let response = try await sandbox.post("/catalog/products/search", body.serialized(), token: token)
        #expect(response.status == 200, "\(query): \(response.text)")
        let keys = response.content["skus"].array.map {
            [$0["product_id"].string ?? "", $0["variant_id"].string ?? ""]
        }
        return (keys, response.content["pagination"]["total_records"].int)
    }

    @Test func indexedSearchAnswersAsTheScan() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            // Long and short words, case, LIKE wildcards, JSON punctuation of the tags column, quotes, non-ASCII.
            let queries = [
                "monsoon", "MONSOON library", "t-shirt", "a", "oo", "Oo", "mon", "m_nsoon", "mon%lib", "%", "_",
                "\"", "[\"", "\"fashion\"", "book e", "zzzz", "é", "café", "SKU", "ghee jar",
            ]
            for query in queries {
                let words = query.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
                let expected = try scanned(sandbox, words)
                for facets in [false, true] {
                    let found = try await searched(sandbox, query, token: token, facets: facets)
                    #expect(found.total == expected.count, "\(query) facets: \(facets)")
                    #expect(found.keys == Array(expected.prefix(100)), "\(query) facets: \(facets)")
                }
            }
            #expect(try scanned(sandbox, ["monsoon"]).count >= 1)
            #expect(try scanned(sandbox, ["a"]).count > 50)
        }
    }

    @Test func indexFollowsCatalogWritesFromAnyServerOrProgram() async throws {
        try await TestSandbox.with { first in
            try await TestSandbox.withExisting(path: first.databasePath) { second in
                let (token, _, _) = try await first.anonymous()
                for server in [first, second] {
                    #expect(try await searched(server, "zephyr", token: token).total == 0)
                }
                try alter(
                    first,
                    """
                    CREATE TEMP TABLE copy AS SELECT * FROM product WHERE slug = 'the-monsoon-library';
                    UPDATE copy SET id = 'prod_zephyr', slug = 'zephyrine-teapot', name = 'Zephyrine Teapot',
                      seq = seq + 100000;
                    INSERT INTO product SELECT * FROM copy;
                    """)
                for server in [first, second] {
                    let found = try await searched(server, "ZEPHYRINE tea", token: token)
                    #expect(found.keys == [["prod_zephyr", ""]])
                }
                // A write through the server's own API path is a rename here: the old words go, the new ones come.
                try alter(first, "UPDATE product SET name = 'Quetzal Teapot' WHERE id = 'prod_zephyr'")
                for server in [first, second] {
                    #expect(try await searched(server, "zephyr", token: token).total == 0)
                    #expect(try await searched(server, "quetzal", token: token).keys == [["prod_zephyr", ""]])
                    #expect(try await searched(server, "quetzal", token: token, facets: true).total == 1)
                }
                // Other columns (stock) leave the index alone; the product stays found.
                try alter(first, "UPDATE product SET stock = 0 WHERE id = 'prod_zephyr'")
                #expect(try await searched(second, "quetzal", token: token).total == 1)
                try alter(first, "UPDATE product SET tags = '[\"xylophone\"]' WHERE id = 'prod_zephyr'")
                #expect(try await searched(second, "xyloph", token: token).keys == [["prod_zephyr", ""]])
                try alter(first, "DELETE FROM product WHERE id = 'prod_zephyr'")
                for server in [first, second] {
                    #expect(try await searched(server, "quetzal", token: token).total == 0)
                    #expect(try await searched(server, "xyloph", token: token).total == 0)
                }
                let rows = try await DatabaseQueue(path: first.databasePath).read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM product_search WHERE product_id = 'prod_zephyr'")
                }
                #expect(rows == 0)
            }
        }
    }

    @Test func fileFromBeforeTheIndexGetsItFilled() async throws {
        try await TestSandbox.with { first in
            try alter(
                first,
                """
                DROP TRIGGER product_search_insert;
                DROP TRIGGER product_search_delete;
                DROP TRIGGER product_search_update;
                DROP TABLE product_search;
                DELETE FROM grdb_migrations WHERE identifier = 'v3-search-index';
                """)
            try await TestSandbox.withExisting(path: first.databasePath) { second in
                let (token, _, _) = try await second.anonymous()
                let expected = try scanned(second, ["monsoon"])
                #expect(!expected.isEmpty)
                #expect(try await searched(second, "monsoon", token: token).keys == expected)
                let triggers = try await DatabaseQueue(path: second.databasePath).read { db in
                    try Int.fetchOne(
                        db,
                        sql:
                            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'product_search_%'"
                    )
                }
                #expect(triggers == 3)
            }
        }
    }
}
