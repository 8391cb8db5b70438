import Foundation
import GRDB

/// The seeded database as a file (`Resources/seed/sandbox.sqlite`), copied to a new sandbox's path instead of
/// creating, migrating and seeding it there (BENCHMARKS.md, "The catalog sooner", run I).
///
/// The image is what ``build(resources:to:now:)`` writes: a new file opened and migrated as every sandbox's is, seeded
/// by ``Seeder`` from the seed files, then written compact (`VACUUM INTO`). The seeder is reproducible for a given
/// time (ids of seeded rows come from the seed, not from chance), so `SeedImageTests` seeds a new file with the
/// image's time and requires every table of the image to equal it, row for row: a change to the seed files or to
/// the migrations fails that test until the image is written again (`UPDATE_SEED_IMAGE=1`, the same test).
/// Only its time differs from a file seeded now: the seeded rows' `created_at` are the image's.
enum SeedImage {
    static let fileName = "sandbox.sqlite"

    /// The image among the resources, if there.
    static func url(resources: URL?) -> URL? {
        guard let url = resources?.appendingPathComponent("seed").appendingPathComponent(fileName),
            FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return url
    }

    /// Copies the image to `path` when nothing is there yet; true when this call made the file. A file made
    /// meanwhile by another process is kept (the copy goes to a temporary name, then is linked into place, which
    /// fails when the name is taken).
    static func install(resources: URL?, at path: String) -> Bool {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: path), let image = url(resources: resources) else { return false }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).\(UUID())")
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            try fileManager.copyItem(at: image, to: temporary)
        } catch {
            return false
        }
        defer { try? fileManager.removeItem(at: temporary) }
        return link(temporary.path, path) == 0
    }

    /// Writes the image of the seed files in `resources` to `destination` (replaced), seeded at `now`.
    static func build(resources: URL, to destination: URL, now: Date) throws {
        let fileManager = FileManager.default
        let work = fileManager.temporaryDirectory.appendingPathComponent("seed-image-\(UUID())")
        defer { try? fileManager.removeItem(at: work) }
        let database = try SandboxDatabase.open(path: work.appendingPathComponent("seed.sqlite").path)
        _ = try Seeder.seedIfEmpty(database, resources: resources, generatedCatalogSize: nil, now: now)
        try? fileManager.removeItem(at: destination)
        try database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [destination.path])
        }
        try database.pool.close()
        // Already in WAL mode, as every sandbox file is: a copy opens without the journal mode's change (a rollback
        // journal and syncs of the file and its folder).
        let image = try DatabaseQueue(path: destination.path)
        try image.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try image.close()
    }

    /// The time the image was seeded at: its newest product's `created_at` (the last product is seeded at `now`).
    static func seededAt(_ db: Database) throws -> Date? {
        try Date.fetchOne(db, sql: "SELECT created_at FROM product ORDER BY seq DESC LIMIT 1")
    }
}
