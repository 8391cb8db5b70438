import Foundation
import GRDB
import Testing

@testable import Sandbox

/// `Resources/seed/sandbox.sqlite`, the seeded database a new sandbox copies (``SeedImage``), cannot drift from what
/// the seeder builds: a new file, migrated and seeded at the image's time, must hold the same schema and the same
/// rows in every table. After a change to the seed files or the migrations, `UPDATE_SEED_IMAGE=1` (this suite)
/// writes the image again.
@Suite("Seed image")
struct SeedImageTests {
    @Test func theImageHoldsExactlyWhatTheSeederBuildsEveryTableRowForRow() throws {
        let resources = try #require(SandboxResources.locate())
        let image = resources.appendingPathComponent("seed").appendingPathComponent(SeedImage.fileName)
        if ProcessInfo.processInfo.environment["UPDATE_SEED_IMAGE"] == "1" {
            let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            try SeedImage.build(resources: resources, to: image, now: now)
        }
        let shipped = try Self.open(image)
        let seededAt = try #require(try shipped.read(SeedImage.seededAt))
        #expect(try shipped.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seed-image-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let fresh = try SandboxDatabase.open(path: directory.appendingPathComponent("fresh.sqlite").path)
        _ = try Seeder.seedIfEmpty(fresh, resources: resources, generatedCatalogSize: nil, now: seededAt)

        let expected = try fresh.pool.read(Self.contents)
        let actual = try shipped.read(Self.contents)
        #expect(actual.keys.sorted() == expected.keys.sorted(), "tables (UPDATE_SEED_IMAGE=1 writes the image again)")
        for (table, rows) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(actual[table] == rows, "table \(table) differs (UPDATE_SEED_IMAGE=1 writes the image again)")
        }
        #expect(expected["product"]?.count ?? 0 > 0)
    }

    @Test func aNewSandboxStartsFromTheImageAndAnExistingFileIsKept() async throws {
        let resources = try #require(SandboxResources.locate())
        let image = try #require(SeedImage.url(resources: resources))
        let couponIDs = "SELECT code, id FROM coupon ORDER BY code"
        let imageCoupons = try Self.open(image).read { db in
            try Row.fetchAll(db, sql: couponIDs).map { "\($0)" }
        }
        try await TestSandbox.with { sandbox in
            // The ids carry the image's time: the rows are the image's, not seeded now.
            let coupons = try await DatabaseQueue(path: sandbox.databasePath).read { db in
                try Row.fetchAll(db, sql: couponIDs).map { "\($0)" }
            }
            #expect(coupons == imageCoupons)
            #expect(!coupons.isEmpty)
            // Its own secret, not one from the image.
            let secret = try await DatabaseQueue(path: sandbox.databasePath).read { db in
                try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'jwt_secret'")
            }
            #expect(secret != nil)
            #expect(!SeedImage.install(resources: resources, at: sandbox.databasePath))
            let counters = "SELECT value FROM change_counter ORDER BY name"
            let copied = try await DatabaseQueue(path: sandbox.databasePath).read { db in
                try Int.fetchAll(db, sql: counters)
            }
            let imageCounters = try Self.open(image).read { db in
                try Int.fetchAll(db, sql: counters)
            }
            #expect(copied.count == 2)
            #expect(copied != imageCounters)
            let (token, _, _) = try await sandbox.anonymous()
            let products = try await sandbox.get("/catalog/products", token: token)
            #expect(products.status == 200)
            #expect(!products.content["products"].array.isEmpty)
        }
        let imageSecret = try Self.open(image).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'jwt_secret'")
        }
        #expect(imageSecret == nil)
    }

    /// The image, read from a copy: SQLite leaves `-wal` and `-shm` files beside a WAL file it reads.
    static func open(_ image: URL) throws -> ImageCopy {
        try ImageCopy(image)
    }

    /// A copy of the image in a folder of its own, removed with it when the copy is dropped.
    final class ImageCopy {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seed-image-copy-\(UUID())")
        let queue: DatabaseQueue

        init(_ image: URL) throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let copy = folder.appendingPathComponent(SeedImage.fileName)
            try FileManager.default.copyItem(at: image, to: copy)
            queue = try DatabaseQueue(path: copy.path)
        }

        func read<T>(_ body: (Database) throws -> T) throws -> T {
            try queue.read(body)
        }

        deinit {
            try? queue.close()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Every table's rows (all columns, as SQL values), sorted, and the schema, keyed by table name.
    static func contents(_ db: Database) throws -> [String: [String]] {
        var contents: [String: [String]] = [:]
        contents["sqlite_master"] = try Row.fetchAll(
            db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        ).map { "\($0)" }.sorted()
        let tables = try String.fetchAll(
            db,
            sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
        for table in tables {
            // The change counters start at random values (each copy gets its own: the next test).
            let columns = table == ChangeCounters.table ? "name" : "*"
            contents[table] = try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table.quotedDatabaseIdentifier)")
                .map { "\($0)" }.sorted()
        }
        return contents
    }
}
