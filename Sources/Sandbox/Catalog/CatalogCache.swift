import Foundation
import GRDB
import Synchronization

/// The catalog in memory: categories and promotions (for ``CatalogSnapshot``) and the products and variants read so
/// far, kept for one value of the `catalog` change counter (``ChangeCounters``). A write to a catalog table — by
/// this server, another server on the same file, or anyone else — bumps the counter, and the next read loads again.
final class CatalogCache: Sendable {
    let settings: StoreSettings
    /// Products and variants kept per generation; past this many, the generation starts over empty.
    static let recordCapacity = 20_000

    private struct Generation: Sendable {
        var version: Int64
        var categories: [String: CategoryRecord]
        var promotions: [PromotionRecord]
        var products: [String: ProductRecord] = [:]
        var variants: [String: VariantRecord] = [:]
    }

    private let current = Mutex<Generation?>(nil)

    init(settings: StoreSettings) {
        self.settings = settings
    }

    /// Categories and the promotions active at `now`, as `db` sees them.
    func snapshot(_ db: Database, now: Date) throws -> CatalogSnapshot {
        let generation = try self.generation(db)
        return CatalogSnapshot(
            categories: generation.categories, allPromotions: generation.promotions, settings: settings, now: now)
    }

    /// The products with these ids that exist in `db`, by id.
    func products(_ db: Database, ids: [String]) throws -> [String: ProductRecord] {
        try records(db, ids: ids, cached: \.products) { db, missing in try ProductRecord.fetchAll(db, keys: missing) }
    }

    /// The variants with these ids that exist in `db`, by id.
    func variants(_ db: Database, ids: [String]) throws -> [String: VariantRecord] {
        try records(db, ids: ids, cached: \.variants) { db, missing in try VariantRecord.fetchAll(db, keys: missing) }
    }

    private func generation(_ db: Database) throws -> Generation {
        let version = try ChangeCounters.catalog(db)
        if let cached = current.withLock({ $0 }), cached.version == version { return cached }
        let loaded = Generation(
            version: version,
            categories: Dictionary(uniqueKeysWithValues: try CategoryRecord.fetchAll(db).map { ($0.id, $0) }),
            promotions: try PromotionRecord.fetchAll(db))
        ChangeCounters.whenCommitted(db) { [self] in
            current.withLock { if $0?.version != version { $0 = loaded } }
        }
        return loaded
    }

    private func records<Record: Identified>(
        _ db: Database, ids: [String], cached path: WritableKeyPath<Generation, [String: Record]> & Sendable,
        fetch: (Database, [String]) throws -> [Record]
    ) throws -> [String: Record] {
        let generation = try self.generation(db)
        var found: [String: Record] = [:]
        var missing: [String] = []
        for id in Set(ids) {
            if let record = generation[keyPath: path][id] { found[id] = record } else { missing.append(id) }
        }
        guard !missing.isEmpty else { return found }
        let fetched = try fetch(db, missing)
        for record in fetched { found[record.id] = record }
        let version = generation.version
        ChangeCounters.whenCommitted(db) { [self] in
            current.withLock { state in
                guard state?.version == version else { return }
                if state?[keyPath: path].count ?? 0 >= Self.recordCapacity { state?[keyPath: path] = [:] }
                for record in fetched { state?[keyPath: path][record.id] = record }
            }
        }
        return found
    }
}

/// A record with a string primary key `id`.
protocol Identified: Sendable {
    var id: String { get }
}

extension ProductRecord: Identified {}
extension VariantRecord: Identified {}
