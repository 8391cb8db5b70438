import ArgumentParser
import Foundation
import Logging
import Sandbox
import ShopCore
import ShopTUI
import StorefrontAPI

/// The shop itself: the TUI on the sandbox or on a Commerce Engine store.
struct ShopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shop", abstract: "Open the storefront in the terminal (the default command).")

    @OptionGroup var store: StoreOptions

    @MainActor
    func run() async throws {
        guard isatty(0) == 1 else {
            FileHandle.standardError.write(Data("storefront: standard input is not a terminal; run it in one.\n".utf8))
            throw ExitCode(2)
        }
        let target = try store.target()
        var sandbox: SandboxServer?
        let client: StorefrontClient
        let storeName: String
        switch target {
        case .sandbox(let path):
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = SandboxConfiguration(databasePath: path)
            configuration.port = 0
            let server = try await SandboxServer.start(configuration)
            sandbox = server
            client = StorefrontClient(
                configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "sandbox", debugMode: true),
                tokenStore: FileTokenStore.forStore("sandbox"))
            storeName = "Sandbox store"
        case .commerceEngine(let storeID, let apiKey, let baseURL):
            client = StorefrontClient(
                configuration: ClientConfiguration(baseURL: baseURL, apiKey: apiKey),
                tokenStore: FileTokenStore.forStore(storeID))
            storeName = storeID
        }
        let shop = Store(environment: ShopEnvironment(api: client))
        defer { shop.cancelAll() }
        do {
            try await BootstrapUI.run(store: shop, storeName: storeName)
        } catch BootstrapUI.StartError.noTerminal {
            FileHandle.standardError.write(Data("storefront: no usable terminal type (TERM).\n".utf8))
            await sandbox?.stop()
            throw ExitCode(1)
        }
        await sandbox?.stop()
    }
}
