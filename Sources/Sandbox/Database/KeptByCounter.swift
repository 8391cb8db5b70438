import GRDB
import Synchronization

/// Values computed from the database and kept, by key, for one value of a change counter (``ChangeCounters``): the
/// first value stored under a newer counter value starts the keeping over. Stored only once the read they came from
/// is known to be of committed data. What ``CartAnswerCache`` and ``CatalogAnswerCache`` keep their answers in.
final class KeptByCounter<Value: Sendable>: Sendable {
    private struct Generation: Sendable {
        var version: Int64
        var values: [String: Value]
    }

    /// Values kept per counter value; past this many, the keeping starts over empty.
    let capacity: Int
    private let current = Mutex(Generation(version: -1, values: [:]))

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value for `key` stored under counter value `version`, if any.
    func value(key: String, version: Int64) -> Value? {
        current.withLock { $0.version == version ? $0.values[key] : nil }
    }

    /// Keeps `value`, read in `db` under counter value `version`, once its data is known to be committed.
    func store(_ value: Value, key: String, version: Int64, _ db: Database) {
        let capacity = capacity
        ChangeCounters.whenCommitted(db) { [self] in
            current.withLock { generation in
                if generation.version != version || generation.values.count >= capacity {
                    generation = Generation(version: version, values: [:])
                }
                generation.values[key] = value
            }
        }
    }
}
