import Foundation
import GRDB
import Hummingbird

/// Encoded `GET /catalog/products` answers, by query, kept for one value of the `catalog` change counter
/// (``ChangeCounters``: any committed write to a catalog table, stock included, on this server or another, bumps
/// it) and until the first moment a promotion starts or ends (``CatalogSnapshot/nextChange``), when prices change
/// without any write. The page does not depend on who asks. ``SandboxWarmUp`` fills it with the first page as the
/// server starts.
final class CatalogAnswerCache: Sendable {
    struct Answer: Sendable {
        /// The moment it was read at: the active promotions are the same from it until `validUntil`.
        var readAt: Date
        var validUntil: Date
        var body: ByteBuffer
    }

    /// Answers kept per counter value; past this many, the cache starts over empty.
    static let capacity = 1_000

    private let kept = KeptByCounter<Answer>(capacity: capacity)

    /// The key of a page of the product list (``CatalogRoutes/productPage(page:limit:categoryIds:categorySlugs:order:)``).
    static func key(page: Int, limit: Int, categoryIds: [String], categorySlugs: [String], order: String) -> String {
        "\(page)|\(limit)|\(categoryIds.joined(separator: ","))|\(categorySlugs.joined(separator: ","))|\(order)"
    }

    /// The answer for `key` cached under `version`, while still valid at `now`.
    func answer(key: String, version: Int64, now: Date) -> ByteBuffer? {
        guard let answer = kept.value(key: key, version: version), answer.readAt <= now, now < answer.validUntil
        else { return nil }
        return answer.body
    }

    /// Keeps `answer`, read in `db` under counter `version`, once that read is known to be of committed data.
    func store(_ answer: Answer, key: String, version: Int64, _ db: Database) {
        kept.store(answer, key: key, version: version, db)
    }
}
