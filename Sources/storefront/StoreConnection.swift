import Foundation
import StorefrontAPI

/// A client for the chosen store, with the in-process sandbox behind it when no store was named.
struct StoreConnection {
    let client: StorefrontClient
    let storeName: String
    let storeKey: String
    private let sandbox: SandboxLauncher?

    /// The connection without starting anything: a sandbox starts on `start()`; the client's requests wait
    /// for it. The shop starts it once its first frame is on the screen.
    /// OTPs are asked for in answers only from a store that says it is a sandbox (`x-storefront-sandbox`).
    static func prepare(_ target: StoreTarget, tokenStore: (any TokenStore)? = nil) -> StoreConnection {
        switch target {
        case .sandbox(let path):
            let launcher = SandboxLauncher(databasePath: path)
            let client = StorefrontClient(
                configuration: ClientConfiguration(baseURL: SandboxTransport.placeholderBase, apiKey: "sandbox"),
                transport: SandboxTransport(launcher: launcher),
                tokenStore: tokenStore ?? FileTokenStore.forStore("sandbox", location: "built-in:" + path))
            return StoreConnection(client: client, storeName: "Sandbox store", storeKey: "sandbox", sandbox: launcher)
        case .commerceEngine(let remote):
            let client = StorefrontClient(
                configuration: ClientConfiguration(baseURL: remote.baseURL, apiKey: remote.apiKey),
                transport: StandardTransport.make(trust: remote.trust),
                tokenStore: tokenStore
                    ?? FileTokenStore.forStore(remote.storeID, location: remote.baseURL.absoluteString))
            return StoreConnection(
                client: client, storeName: remote.headerName, storeKey: remote.storeID, sandbox: nil)
        }
    }

    /// Opens the connection: starts the sandbox (seeding its database on first run) and waits until it listens,
    /// or points at Commerce Engine.
    static func open(_ target: StoreTarget, tokenStore: (any TokenStore)? = nil) async throws -> StoreConnection {
        let connection = prepare(target, tokenStore: tokenStore)
        connection.start()
        if let failure = await connection.startFailure() { throw failure }
        return connection
    }

    /// Loads the HTTP library of a store that is not the in-process sandbox (libcurl is loaded when first used,
    /// `CCurl`) on another thread, so that the first request does not wait for it. The shop calls it once its first
    /// frame is out. The in-process sandbox is reached without it (``LoopbackTransport``).
    func loadTransport() {
        if sandbox == nil { CurlTransport.preload() }
    }

    /// Starts the in-process sandbox, if any (once).
    func start() {
        sandbox?.start()
    }

    /// Why the sandbox could not start (waits for its start); nil when it listens or there is none.
    func startFailure() async -> (any Error)? {
        await sandbox?.startFailure()
    }

    /// The in-process sandbox's support key (it mints read-only support tokens; waits for its start); nil for
    /// other stores.
    func sandboxSupportKey() async -> String? {
        try? await sandbox?.server().supportKey
    }

    /// Stops the in-process sandbox, if any.
    func close() async {
        await sandbox?.stop()
    }
}
