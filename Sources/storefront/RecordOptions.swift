import ArgumentParser
import Foundation
import ShopCore
import StorefrontAPI

/// `--record FILE`: writes the session's actions (intents and answers, secrets redacted) for `storefront replay`.
///
/// In `ShopCommand`: `@OptionGroup var recording: RecordOptions`, then after creating the store
/// `let recorder = try await recording.start(shop, connection: connection)` and `recorder?.close()` when the
/// TUI returns.
struct RecordOptions: ParsableArguments {
    @Option(
        name: .customLong("record"),
        help: ArgumentHelp(
            "Record this session to FILE (secrets redacted) for `storefront replay`.", valueName: "FILE"))
    var record: String?

    /// Starts recording `shop` when `--record` was given; nil otherwise. The header says what the session
    /// starts from (``readStart(_:)``), read from the store first.
    @MainActor
    func start(_ shop: Store, connection: StoreConnection) async throws -> Recorder? {
        try await Self.start(record: record, shop, connection: connection)
    }

    /// Starts recording `shop` to `record`, if given.
    @MainActor
    static func start(record: String?, _ shop: Store, connection: StoreConnection) async throws -> Recorder? {
        guard let record else { return nil }
        let start = await Self.readStart(connection)
        do {
            return try shop.record(to: URL(fileURLWithPath: record), store: connection.storeKey, start: start)
        } catch {
            throw CommandFailure("Can't write the recording \(record): \(error.localizedDescription)")
        }
    }

    /// The session as it is before the shop starts: signed in or not, and its cart masked as `cart export`
    /// masks it (replay rebuilds that cart first). Starts the in-process sandbox, if any. nil when the store
    /// could not be read (the recording then says nothing about its start).
    static func readStart(_ connection: StoreConnection) async -> Recording.Start? {
        connection.start()
        guard let claims = await connection.client.peekSession() else {
            return Recording.Start(signedIn: false, cart: nil)
        }
        let cart: StorefrontAPI.Cart?
        do {
            cart = try await connection.client.userCart(userID: nil)
        } catch {
            return nil
        }
        return Recording.Start(
            signedIn: claims.isLoggedIn && !claims.isAnonymous,
            cart: cart.map { CartSnapshot(cart: $0, store: connection.storeKey, withPII: false) })
    }
}
