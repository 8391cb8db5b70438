import ArgumentParser
import Testing

@testable import storefront

/// `storefront` with no arguments runs `ShopLaunch()` without parsing (issue #18): it must be what parsing no
/// arguments gives, and every option must reach it when parsed.
@Suite struct ShopLaunchTests {
    @Test func noArgumentsParseToTheDefaultLaunch() throws {
        let parsed = try Storefront.parseAsRoot([])
        let shop = try #require(parsed as? ShopCommand)
        #expect(shop.launch == ShopLaunch())
        #expect(try ShopCommand.parse([]).launch == ShopLaunch())
    }

    @Test func everyOptionReachesTheLaunch() throws {
        let shop = try ShopCommand.parse([
            "--store-id", "s1", "--api-key-file", "/k", "--env", "staging", "--sandbox-db", "/db", "--quiet",
            "--profile", "p", "--ca-file", "/ca", "--record", "/r", "--no-color", "--ascii", "--mouse",
            "--no-hyperlinks", "--readonly", "--open", "cart", "--log", "/l", "--kiosk-public-url", "http://k",
        ])
        let expected = ShopLaunch(
            store: StoreChoice(
                storeId: "s1", apiKeyFile: "/k", env: "staging", sandboxDb: "/db", quiet: true, profile: "p",
                caFile: "/ca"),
            record: "/r", display: DisplayChoice(noColor: true, ascii: true, mouse: true, hyperlinks: false),
            readonly: true, open: "cart", log: "/l", kioskPublicURL: "http://k")
        #expect(shop.launch == expected)
        #expect(try ShopCommand.parse(["--api-key", "k"]).launch.store.apiKey == "k")
    }
}
