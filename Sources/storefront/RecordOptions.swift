import ArgumentParser
import Foundation
import ShopCore

/// `--record FILE`: writes the session's actions (intents and answers, secrets redacted) for `storefront replay`.
///
/// In `ShopCommand`: `@OptionGroup var recording: RecordOptions`, then after creating the store
/// `let recorder = try recording.start(shop, store: storeKey)` and `recorder?.close()` when the TUI returns.
struct RecordOptions: ParsableArguments {
    @Option(
        name: .customLong("record"),
        help: ArgumentHelp(
            "Record this session to FILE (secrets redacted) for `storefront replay`.", valueName: "FILE"))
    var record: String?

    /// Starts recording `shop` when `--record` was given; nil otherwise.
    @MainActor
    func start(_ shop: Store, store: String) throws -> Recorder? {
        guard let record else { return nil }
        do {
            return try shop.record(to: URL(fileURLWithPath: record), store: store)
        } catch {
            throw CommandFailure("Can't write the recording \(record): \(error.localizedDescription)")
        }
    }
}
