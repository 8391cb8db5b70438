import Foundation
import Sandbox
import StorefrontAPI

/// A client for the chosen store, with the in-process sandbox behind it when no store was named.
struct StoreConnection {
    let client: StorefrontClient
    let storeName: String
    let storeKey: String
    private let sandbox: SandboxServer?

    /// Opens the connection: starts the sandbox (seeding its database on first run) or points at Commerce Engine.
    /// `debugMode` asks a real store for OTPs in answers (test stores only); the sandbox always does.
    static func open(_ target: StoreTarget, tokenStore: (any TokenStore)? = nil, debugMode: Bool = false)
        async throws -> StoreConnection
    {
        switch target {
        case .sandbox(let path):
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = SandboxConfiguration(databasePath: path)
            configuration.port = 0
            let server = try await SandboxServer.start(configuration)
            let client = StorefrontClient(
                configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "sandbox", debugMode: true),
                tokenStore: tokenStore ?? FileTokenStore.forStore("sandbox"))
            return StoreConnection(client: client, storeName: "Sandbox store", storeKey: "sandbox", sandbox: server)
        case .commerceEngine(let storeID, let apiKey, let baseURL):
            let client = StorefrontClient(
                configuration: ClientConfiguration(baseURL: baseURL, apiKey: apiKey, debugMode: debugMode),
                tokenStore: tokenStore ?? FileTokenStore.forStore(storeID))
            return StoreConnection(client: client, storeName: storeID, storeKey: storeID, sandbox: nil)
        }
    }

    /// The in-process sandbox's support key (it mints read-only support tokens); nil for other stores.
    var sandboxSupportKey: String? { sandbox?.supportKey }

    /// Stops the in-process sandbox, if any.
    func close() async {
        await sandbox?.stop()
    }
}
