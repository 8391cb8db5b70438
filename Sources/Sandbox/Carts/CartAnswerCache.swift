import Foundation
import GRDB
import Hummingbird

/// Encoded `GET /carts/{id}` and `GET /carts/users/{id}` answers (the same bytes; keyed by cart id and by
/// ``userCartKey(_:)``), kept for one value of the `data` change counter (``ChangeCounters``): any
/// committed write to the file — a cart line, a price, a user, on this server or another — bumps it, and the next
/// read prices the cart again. An answer also carries the moment it stops being right without any write (the cart
/// expires, a promotion, coupon or gift card starts or ends; ``CartPricing/validUntil(_:now:)``).
final class CartAnswerCache: Sendable {
    struct Answer: Sendable {
        /// The owner: another caller gets no cached answer (and goes the whole way, to its 404).
        var userId: String
        var validUntil: Date
        var body: ByteBuffer
    }

    /// Answers kept per counter value; past this many, the cache starts over empty.
    static let capacity = 10_000

    private let kept = KeptByCounter<Answer>(capacity: capacity)

    /// The key of user `userId`'s active cart (`GET /carts/users/{id}`); cart ids never start with `users/`.
    static func userCartKey(_ userId: String) -> String {
        "users/" + userId
    }

    /// The answer for `key` (a cart id or ``userCartKey(_:)``) of `userId` cached under `version`, while still valid
    /// at `now`.
    func answer(key: String, userId: String, version: Int64, now: Date) -> ByteBuffer? {
        guard let answer = kept.value(key: key, version: version), answer.userId == userId, now < answer.validUntil
        else { return nil }
        return answer.body
    }

    /// Keeps `answer`, read in `db` under counter `version`, once its data is known to be committed.
    func store(_ answer: Answer, key: String, version: Int64, _ db: Database) {
        kept.store(answer, key: key, version: version, db)
    }
}
